package io.berth.core.plugin.verify;

import java.util.Objects;

/**
 * Something wrong with the uploaded archive: its layout, an entry, a descriptor, or a class file that cannot be
 * checked.
 *
 * @param entry   the entry's path in the archive; {@code null} when the archive as a whole is meant
 * @param message what is wrong, for the plugin's author
 */
public record Problem(String entry, String message) {

    public Problem {
        Objects.requireNonNull(message, "message");
    }

    static Problem archive(String message) {
        return new Problem(null, message);
    }

    @Override
    public String toString() {
        return entry == null ? message : entry + ": " + message;
    }
}
