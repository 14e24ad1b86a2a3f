package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Entry paths that could land outside the plugin's directory, or mean different files to different readers. */
class ZipSlipIsRejectedTest {

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "a/../../evil", "/abs", "C:/windows/evil", "a\\..\\evil", "nul\0.txt",
            "a//b", "./a", "lib/inner.jar", "new\nline"})
    void anUnsafePathIsRefused(String path) {
        byte[] zip = new RawZip().with(TestJars.SERVICE_FILE, "p.Plugin\n").with(path, "x").build();

        List<Problem> problems = TestJars.rejected(zip).problems();
        assertTrue(problems.stream().anyMatch(p -> path.equals(p.entry())), () -> path + " not refused: " + problems);
    }
}
