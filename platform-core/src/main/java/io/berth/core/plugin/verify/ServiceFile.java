package io.berth.core.plugin.verify;

import io.berth.sdk.ToolPlugin;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The plugin's descriptor: {@code META-INF/services/io.berth.sdk.ToolPlugin}, read as {@link java.util.ServiceLoader}
 * reads it (UTF-8, one binary class name a line, {@code #} starts a comment).
 *
 * <p>This file is the one descriptor Berth requires, and there is deliberately no second one (such as a
 * {@code berth-plugin.properties} with id, name and version): the service file is what the runtime really loads, so
 * it cannot disagree with it; what a plugin offers comes from its code and is pinned when the catalog entry is made;
 * and a plugin's identity and version belong to the upload (the tenant names them, the SHA-256 pins them), not to
 * claims inside the archive being judged.
 */
final class ServiceFile {

    static final String PATH = "META-INF/services/" + ToolPlugin.class.getName();

    /** The provider class names, or what is wrong with the file. */
    record Parsed(List<String> providers, List<String> problems) {
    }

    private ServiceFile() {
    }

    static Parsed parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(List.of(), List.of("not valid UTF-8"));
        }
        Set<String> providers = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int comment = lines[i].indexOf('#');
            String line = (comment >= 0 ? lines[i].substring(0, comment) : lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (isBinaryName(line)) {
                providers.add(line);
            } else {
                problems.add("line " + (i + 1) + " is not a class name");
            }
        }
        if (providers.isEmpty() && problems.isEmpty()) {
            problems.add("names no " + ToolPlugin.class.getSimpleName() + " implementation");
        }
        return new Parsed(List.copyOf(providers), problems);
    }

    private static boolean isBinaryName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))
                    || !part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }
}
