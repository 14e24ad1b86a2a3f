package io.berth.core.capability.secrets;

import io.berth.core.capability.TestTenants;
import io.berth.core.security.TestSealing;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;
import io.berth.sdk.Secret;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets are sealed at rest, scoped to their tenant (and plugin), and never shown. */
class TenantSecretsTest {

    private static final String VALUE = "ghp_SuperSecretToken1234567890";

    private Jdbc jdbc;
    private TenantSecrets secrets;

    @BeforeEach
    void database() {
        jdbc = MigratedH2.create();
        TestTenants.create(jdbc, "alpha", "bravo");
        secrets = TenantSecrets.of(jdbc, TestSealing.sealer(TestSealing.loadedKeys(jdbc)));
    }

    @AfterEach
    void close() {
        MigratedH2.shutdown(jdbc);
    }

    @Test
    void theStoredColumnNeverContainsThePlaintext() {
        secrets.put("alpha", "github", VALUE, null);
        List<String> raw = jdbc.query("raw", "select * from plugin_secrets", r -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.append(r.getString(i)).append('|');
            }
            return row.toString();
        });
        assertEquals(1, raw.size());
        assertFalse(raw.get(0).contains(VALUE));
        assertFalse(raw.get(0).contains("SuperSecret"));
        assertEquals(VALUE, secrets.find("alpha", "any.jar", "github").orElseThrow().reveal());
    }

    @Test
    void anotherTenantDoesNotSeeIt() {
        secrets.put("alpha", "github", VALUE, null);
        assertTrue(secrets.find("bravo", "any.jar", "github").isEmpty());
        assertTrue(secrets.list("bravo").isEmpty());
        assertFalse(secrets.delete("bravo", "github"));
        assertTrue(secrets.find("alpha", "any.jar", "github").isPresent());
    }

    @Test
    void aSealedValueCopiedToAnotherTenantDoesNotOpen() {
        secrets.put("alpha", "github", VALUE, null);
        secrets.put("bravo", "github", "bravo's own", null);
        String sealed = jdbc.queryOne("raw", "select sealed from plugin_secrets where tenant_id = 'alpha'",
                r -> r.getString(1)).orElseThrow();
        jdbc.update("tamper", "update plugin_secrets set sealed = ? where tenant_id = 'bravo'", sealed);
        assertThrows(TenantSecrets.UnreadableSecret.class, () -> secrets.find("bravo", "any.jar", "github"));
    }

    @Test
    void aPluginRestrictionHoldsAndCannotBeLiftedInTheDatabase() {
        secrets.put("alpha", "smtp", VALUE, "mailer.jar");
        assertTrue(secrets.find("alpha", "mailer.jar", "smtp").isPresent());
        assertTrue(secrets.find("alpha", "other.jar", "smtp").isEmpty());
        jdbc.update("tamper", "update plugin_secrets set plugin = null");
        assertThrows(TenantSecrets.UnreadableSecret.class, () -> secrets.find("alpha", "other.jar", "smtp"));
    }

    @Test
    void listShowsNamesOnlyAndReplaceKeepsOneEntry() {
        assertTrue(secrets.put("alpha", "b-token", VALUE, null));
        assertTrue(secrets.put("alpha", "a-token", VALUE, "x.jar"));
        assertFalse(secrets.put("alpha", "a-token", "new value", null));
        List<SecretInfo> list = secrets.list("alpha");
        assertEquals(List.of("a-token", "b-token"), list.stream().map(SecretInfo::name).toList());
        assertEquals(null, list.get(0).plugin());
        assertFalse(list.toString().contains(VALUE));
        assertEquals("new value", secrets.find("alpha", "y.jar", "a-token").orElseThrow().reveal());
        assertTrue(secrets.delete("alpha", "a-token"));
        assertTrue(secrets.find("alpha", "y.jar", "a-token").isEmpty());
    }

    @Test
    void noLogLineCarriesTheValue() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(new java.util.logging.SimpleFormatter().format(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger berth = java.util.logging.Logger.getLogger("io.berth");
        java.util.logging.Level before = berth.getLevel();
        berth.setLevel(java.util.logging.Level.ALL);
        capture.setLevel(java.util.logging.Level.ALL);
        berth.addHandler(capture);
        try {
            secrets.put("alpha", "github", VALUE, null);
            secrets.find("alpha", "p.jar", "github");
            jdbc.update("tamper", "update plugin_secrets set plugin = 'x.jar'");
            assertThrows(TenantSecrets.UnreadableSecret.class, () -> secrets.find("alpha", "x.jar", "github"));
            secrets.delete("alpha", "github");
        } finally {
            berth.removeHandler(capture);
            berth.setLevel(before);
        }
        assertFalse(lines.isEmpty());
        lines.forEach(line -> assertFalse(line.contains(VALUE), line));
    }

    @Test
    void secretToStringHidesTheValue() {
        Secret s = new Secret("github", VALUE);
        assertFalse(s.toString().contains(VALUE));
        assertTrue(s.toString().contains("github"));
    }

    @Test
    void namesAndValuesAreChecked() {
        for (String bad : new String[] {"", "1abc", "with space", "x".repeat(65), "a/b", null}) {
            assertFalse(TenantSecrets.validName(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> secrets.put("alpha", "bad name", VALUE, null));
        assertThrows(IllegalArgumentException.class, () -> secrets.put("alpha", "empty", "", null));
        assertThrows(IllegalArgumentException.class,
                () -> secrets.put("alpha", "big", "x".repeat(TenantSecrets.MAX_VALUE_BYTES + 1), null));
    }
}
