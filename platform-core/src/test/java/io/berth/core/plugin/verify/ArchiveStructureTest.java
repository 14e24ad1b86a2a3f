package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Archives that are ambiguous, damaged or use ZIP features Berth does not accept. */
class ArchiveStructureTest {

    private static RawZip withService() {
        return new RawZip().with(TestJars.SERVICE_FILE, "p.Plugin\n");
    }

    private static List<String> problems(byte[] zip) {
        return TestJars.rejected(zip).problems().stream().map(Problem::toString).toList();
    }

    private static void assertProblem(byte[] zip, String expected) {
        List<String> problems = problems(zip);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> expected + " not in " + problems);
    }

    @Test
    void duplicateEntriesAreRefused() {
        assertProblem(withService().with("a.txt", "one").with("a.txt", "two").build(), "a.txt: duplicate entry");
    }

    @Test
    void entriesDifferingOnlyInCaseAreRefused() {
        assertProblem(withService().with("p/Plugin.class", "x").with("p/PLUGIN.class", "y").build(),
                "p/PLUGIN.class: differs only in case from entry p/Plugin.class");
    }

    @Test
    void aLocalHeaderThatNamesAnotherFileIsRefused() {
        RawZip zip = withService();
        zip.add("innocent.txt", new byte[] {1}).localName = "payload.txt";

        assertProblem(zip.build(), "entry innocent.txt: the local header disagrees with the central directory");
    }

    @Test
    void bytesBeforeTheFirstEntryAreRefused() {
        RawZip zip = withService();
        zip.prefix = "#!/bin/sh\nexec java -jar $0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertProblem(zip.build(), "unaccounted bytes before entry META-INF/services/io.berth.sdk.ToolPlugin");
    }

    @Test
    void encryptedEntriesAreRefused() {
        RawZip zip = withService();
        zip.add("secret.txt", new byte[] {1, 2, 3}).flags = 1;

        assertProblem(zip.build(), "secret.txt: encrypted entries are not accepted");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        byte[] text = new byte[100];
        Arrays.fill(text, (byte) 'x');

        assertEquals(List.of("not a ZIP archive: no end of central directory record"), problems(text));
    }

    @Test
    void aDamagedEntryIsRefusedByItsCrc() {
        byte[] zip = withService().with("data.txt", "hello").build();
        int at = indexOf(zip, "data.txt") + "data.txt".length(); // the local header's name; its data follows
        zip[at + 1] ^= 0x10;

        List<String> problems = problems(zip);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("data.txt: ")), problems::toString);
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(needle);
    }
}
