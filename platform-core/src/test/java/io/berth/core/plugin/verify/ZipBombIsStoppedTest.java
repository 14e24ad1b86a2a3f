package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Archives that inflate to far more than they look are refused before, or as soon as, they cross a limit. */
class ZipBombIsStoppedTest {

    private static RawZip withService() {
        return new RawZip().with(TestJars.SERVICE_FILE, "p.Plugin\n");
    }

    private static List<String> problems(PluginVerifier verifier, byte[] zip) {
        return TestJars.rejected(verifier, zip).problems().stream().map(Problem::toString).toList();
    }

    private static void assertProblem(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> expected + " not in " + problems);
    }

    @Test
    void anEntryAboveTheCompressionRatioIsRefusedWithoutInflatingIt() {
        RawZip zip = withService();
        zip.add("zeros.bin", new byte[10 * 1024 * 1024]);

        assertProblem(problems(new PluginVerifier(), zip.build()), "zeros.bin: compression ratio above 100");
    }

    @Test
    void anEntryInflatingBeyondItsDeclaredSizeIsStoppedAtThatSize() {
        RawZip zip = withService();
        byte[] text = new byte[1024 * 1024];
        new Random(7).nextBytes(text); // incompressible: the ratio check cannot catch it, only the real count can
        zip.add("lies.bin", text).declaredSize(1_000);

        assertProblem(problems(new PluginVerifier(), zip.build()),
                "lies.bin: inflates to more than its declared 1000 bytes; inflating stopped there");
    }

    @Test
    void aGigabyteBombThatDeclaresAFewBytesIsStoppedAtThem() {
        // 1 GiB of zeros deflates to about 1 MiB; the directory claims 100 bytes, which keeps within the ratio.
        RawZip zip = withService();
        RawZip.Entry bomb = zip.add("bomb.bin", new byte[0]);
        bomb.compressedOverride = RawZip.deflatedZeros(1L << 30);
        bomb.declaredSize(100);

        assertProblem(problems(new PluginVerifier(), zip.build()),
                "bomb.bin: inflates to more than its declared 100 bytes");
    }

    @Test
    void entriesTogetherAboveTheUncompressedLimitAreRefused() {
        RawZip zip = withService();
        for (int i = 0; i < 5; i++) {
            zip.add("part" + i + ".txt", "x".repeat(300).getBytes(StandardCharsets.UTF_8));
        }
        ArchiveLimits limits = new ArchiveLimits(1 << 20, 100, 1_000, 100, 1_000);

        assertProblem(problems(new PluginVerifier(limits), zip.build()), "more than the limit of 1000");
    }

    @Test
    void entriesSharingTheSameDataAreRefused() {
        // The "overlapping files" bomb: many directory records point at one highly compressed kernel.
        RawZip zip = withService();
        zip.add("kernel.txt", "k".repeat(1_000).getBytes(StandardCharsets.UTF_8));
        zip.add("copy.txt", "k".repeat(1_000).getBytes(StandardCharsets.UTF_8)).aliasOf = 1;

        assertProblem(problems(new PluginVerifier(), zip.build()), "entry copy.txt overlaps the entry before it");
    }

    @Test
    void anArchiveAboveTheSizeLimitIsNotOpened() {
        byte[] big = new byte[2_000];
        ArchiveLimits limits = new ArchiveLimits(1_000, 100, 10_000, 100, 1_000);

        List<String> problems = problems(new PluginVerifier(limits), big);
        assertEquals(List.of("the archive has 2000 bytes, more than the limit of 1000"), problems);
    }

    @Test
    void tooManyEntriesAreRefusedBeforeTheDirectoryIsRead() {
        RawZip zip = withService();
        for (int i = 0; i < 11; i++) {
            zip.with("file" + i + ".txt", "x");
        }
        ArchiveLimits limits = new ArchiveLimits(1 << 20, 10, 1 << 20, 100, 1_000);

        assertEquals(List.of("12 entries, more than the limit of 10"), problems(new PluginVerifier(limits),
                zip.build()));
    }
}
