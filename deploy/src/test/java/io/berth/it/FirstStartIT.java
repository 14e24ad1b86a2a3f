package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first node to start on an empty database bootstraps the installation exactly once: an operator credential (unless
 * one is configured), the demo tenant and a demo API key, handed over in an owner-only file and on the console, never
 * in the logs.
 */
class FirstStartIT {

    @BeforeAll
    static void ready() {
        BerthNodes.awaitReady();
    }

    @Test
    void exactlyOneNodeBootstrapsAndItsFileIsOwnerOnly() throws IOException {
        List<Path> files = BerthNodes.dataDirs().stream().map(d -> d.resolve("initial-credentials.txt"))
                .filter(Files::exists).toList();
        assertEquals(1, files.size(), "credentials files: " + files);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
    }

    @Test
    void theDemoTenantIsActiveAndItsKeyWasIssued() {
        OperatorClient operator = new OperatorClient(BerthNodes.nodeA());
        Http.Response demo = operator.get(operator.tenant("demo"));
        assertEquals(200, demo.status(), demo.body());
        assertEquals("active", demo.json().getString("status"));
        assertTrue(demoKey().matches("berth_test_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"), "demo key format");
    }

    @Test
    void theHandedOverOperatorTokenOpensTheApi() {
        String text = BerthNodes.initialCredentials();
        if (System.getProperty("berth.it.operatorToken") != null) {
            assertTrue(text.contains("the one configured in berth.operator.token"), text.lines().findFirst().orElse(""));
            assertFalse(text.contains("berth_op_"), "no token is generated when one is configured");
        }
        OperatorClient operator = new OperatorClient(BerthNodes.nodeA(), BerthNodes.operatorToken());
        assertEquals(200, operator.get(operator.tenants()).status());
    }

    @Test
    void secretsNeverReachTheLogs() throws IOException {
        List<String> secrets = List.of(BerthNodes.operatorToken(), demoKey());
        for (Path dir : BerthNodes.logDirs()) {
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("messages")).toList()) {
                    String content = Files.readString(log);
                    assertFalse(content.isEmpty(), log + " is empty");
                    for (String secret : secrets) {
                        assertFalse(content.contains(secret), "a secret appears in " + log);
                    }
                }
            }
        }
    }

    private static String demoKey() {
        Matcher m = Pattern.compile("(berth_test_\\S+)").matcher(BerthNodes.initialCredentials());
        assertTrue(m.find(), "the credentials file names a demo API key");
        return m.group(1);
    }
}
