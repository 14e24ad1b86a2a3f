package io.berth.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Without a Jakarta Validation provider, a tool whose arguments carry constraints fails each call with an error that
 * says so, rather than running unchecked; a tool without constraints needs no provider.
 */
class ValidationProviderMissingTest {

    @Test
    void constrainedToolsFailClearlyAndOthersRun() throws Exception {
        URL[] path = {location(Tool.class), location(jakarta.validation.Validation.class),
                location(ValidationProviderMissingTest.class)};
        try (URLClassLoader isolated = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = isolated.loadClass(ProviderProbe.class.getName());
            @SuppressWarnings("unchecked")
            List<String> outcomes = (List<String>) probe.getMethod("run").invoke(null);
            assertEquals("ok", outcomes.get(0));
            assertTrue(outcomes.get(1).startsWith("error: The arguments of tool constrained cannot be checked, so it "
                    + "does not run: no Jakarta Validation provider is available"), outcomes.get(1));
            assertTrue(outcomes.get(1).endsWith("This is a problem of the server, not of the call."),
                    outcomes.get(1));
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
