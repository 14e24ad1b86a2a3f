package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The API keys and access tokens this test JVM has used, and the check that none of them appears in any log file the
 * Berth servers of the run wrote (messages.log, console.log, trace and FFDC files alike). A token is also looked for
 * by its signature alone, so a log line holding part of a token fails too.
 */
final class UsedCredentials {

    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    private UsedCredentials() {
    }

    static void note(String credential) {
        USED.add(credential);
        int lastDot = credential.lastIndexOf('.');
        if (lastDot > 0 && credential.length() - lastDot > 40) {
            USED.add(credential.substring(lastDot + 1));
        }
    }

    static int count() {
        return USED.size();
    }

    /** Fails when any credential used so far is in a server log. */
    static void assertNoneLogged() {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path dir : BerthNodes.logDirs()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    files++;
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (String credential : USED) {
                        if (text.contains(credential)) {
                            found.add(file + " holds a credential of this run (" + credential.substring(0, 12) + "…)");
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println("[credential log check, " + BerthNodes.database() + "] " + USED.size()
                + " keys, tokens and signatures looked for in " + files + " log files: " + found.size() + " found");
        assertTrue(found.isEmpty(), String.join("\n", found));
        assertTrue(files > 0, "no log files in " + BerthNodes.logDirs());
    }
}
