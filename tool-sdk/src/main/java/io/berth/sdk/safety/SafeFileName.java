package io.berth.sdk.safety;

import io.berth.sdk.ToolException;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A single file name that stays in the directory it is put in, on Linux, macOS and Windows alike. The name is
 * normalized to Unicode NFC first (macOS and Linux would otherwise store two names that look the same). Refused:
 * <ul>
 * <li>empty names, {@code .} and {@code ..}, and names starting with a dot (hidden files, {@code .htaccess},
 * {@code .git});</li>
 * <li>path separators {@code /} and {@code \}, and the characters Windows forbids ({@code < > : " | ? *}; the colon
 * also names drives and alternate data streams), including look-alikes that compatibility normalization (NFKC) turns
 * into one of them ({@code ／}, {@code ．．});</li>
 * <li>control characters (C0, DEL, C1), invisible formatting characters (such as the right-to-left override that
 * makes {@code exe.txt} look like {@code txt.exe}) and unpaired surrogates;</li>
 * <li>leading or trailing white space, and a trailing dot (Windows drops them, so {@code a.txt.} is {@code a.txt});
 * </li>
 * <li>Windows device names, with any extension: {@code CON}, {@code PRN}, {@code AUX}, {@code NUL}, {@code COM0-9},
 * {@code LPT0-9} (also with superscript digits);</li>
 * <li>names longer than 255 bytes in UTF-8, the common file system limit.</li>
 * </ul>
 */
public final class SafeFileName {

    private static final int MAX_BYTES = 255;
    private static final String FORBIDDEN = "/\\<>:\"|?*";
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$");

    private SafeFileName() {
    }

    /** The name in NFC if it is safe; a {@link ToolException} saying why if not. */
    public static String require(String name) throws ToolException {
        Optional<String> problem = problem(name);
        if (problem.isPresent()) {
            throw new ToolException(problem.get());
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** What is wrong with {@code name} as a file name, if anything. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the file name is empty");
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        String reason = characters(nfc);
        if (reason == null) {
            reason = shape(nfc);
        }
        if (reason == null) {
            String nfkc = Normalizer.normalize(nfc, Normalizer.Form.NFKC);
            String lookalike = nfkc.equals(nfc) ? null : characters(nfkc) != null ? characters(nfkc) : shape(nfkc);
            reason = lookalike == null ? null : lookalike + " (after compatibility normalization)";
        }
        return reason == null ? Optional.empty() : Optional.of("the file name " + Quote.of(name) + " " + reason);
    }

    private static String characters(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (FORBIDDEN.indexOf(c) >= 0) {
                return "must not contain " + (c == '/' || c == '\\' ? "a path separator" : "'" + (char) c + "'");
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                return "must not contain control, invisible or unassigned characters";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static String shape(String name) {
        if (name.equals(".") || name.equals("..")) {
            return "refers to a directory";
        }
        if (name.startsWith(".")) {
            return "must not start with a dot";
        }
        if (Character.isWhitespace(name.codePointAt(0)) || Character.isSpaceChar(name.codePointAt(0))
                || Character.isWhitespace(name.codePointBefore(name.length()))
                || Character.isSpaceChar(name.codePointBefore(name.length()))) {
            return "must not start or end with white space";
        }
        if (name.endsWith(".")) {
            return "must not end with a dot";
        }
        if (isDevice(name)) {
            return "is a Windows device name";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "is longer than " + MAX_BYTES + " bytes";
        }
        return null;
    }

    /** Windows treats {@code nul.txt} and {@code nul .txt} as the device too: the part before the first dot counts. */
    private static boolean isDevice(String name) {
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        if (DEVICES.contains(base)) {
            return true;
        }
        return base.length() == 4 && (base.startsWith("COM") || base.startsWith("LPT"))
                && "0123456789¹²³".indexOf(base.charAt(3)) >= 0;
    }
}
