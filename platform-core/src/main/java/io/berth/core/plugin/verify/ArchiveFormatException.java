package io.berth.core.plugin.verify;

/** The archive, or one entry of it, cannot be read as an acceptable ZIP; the message is for the plugin's author. */
final class ArchiveFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    ArchiveFormatException(String message) {
        super(message, null, false, false);
    }
}
