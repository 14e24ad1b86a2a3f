package io.berth.core.capability.egress;

import io.berth.sdk.ToolException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allow-list rules: exact names, wildcards below a domain, addresses, ports. */
class HostRuleTest {

    @ParameterizedTest
    @CsvSource({
            "api.example.com, https://api.example.com/x, true",
            "api.example.com, https://API.EXAMPLE.COM./x, true",
            "api.example.com, https://api.example.com:443/, true",
            "api.example.com, https://api.example.com:8443/, false",
            "api.example.com, http://api.example.com/, true",
            "api.example.com, https://x.api.example.com/, false",
            "api.example.com, https://api.example.com.evil.net/, false",
            "api.example.com, https://evilapi.example.com/, false",
            "*.example.com, https://a.example.com/, true",
            "*.example.com, https://a.b.example.com/, true",
            "*.example.com, https://example.com/, false",
            "*.example.com, https://badexample.com/, false",
            "*.example.com, https://example.com.evil.net/, false",
            "*.example.com:8443, https://a.example.com:8443/, true",
            "*.example.com:8443, https://a.example.com/, false",
            "api.example.com:8080, http://api.example.com:8080/, true",
            "10.0.0.5, https://10.0.0.5/, true",
            "10.0.0.5, https://10.0.0.6/, false",
            "[fd00::1]:8443, https://[fd00:0::1]:8443/, true",
            "[fd00::1], https://[fd00::1]:8443/, false",
            "localhost, http://localhost/, true",
    })
    void matching(String rule, String url, boolean allowed) throws ToolException {
        assertEquals(allowed, AllowList.of(List.of(rule)).allows(Target.parse(url)), rule + " vs " + url);
    }

    @Test
    void addressRulesDoNotMatchNamesAndViceVersa() throws ToolException {
        assertEquals(false, AllowList.of(List.of("127.0.0.1")).allows(Target.parse("http://localhost/")));
        assertEquals(false, AllowList.of(List.of("localhost")).allows(Target.parse("http://127.0.0.1/")));
    }

    @Test
    void anEmptyListAllowsNothing() throws ToolException {
        assertEquals(false, AllowList.of(List.of()).allows(Target.parse("https://example.com/")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "*", "*.com", "*.*.example.com", "a*.example.com", "example.com:0",
            "example.com:65536", "example.com:http", "https://example.com", "example.com/path", "exa_mple.com",
            "127.1", "2130706433", "[::1", "[::1]x", "[not-v6]", "-bad.example.com", "user@example.com",
            "bücher.example"})
    void invalidRulesAreRefused(String rule) {
        assertThrows(IllegalArgumentException.class, () -> HostRule.parse(rule), rule);
        assertTrue(!EgressSettingsStore.problems(List.of(rule)).isEmpty());
    }

    @Test
    void rulesAreNormalised() {
        assertEquals(List.of("api.example.com", "*.example.org:8443"),
                EgressSettingsStore.normalise(List.of(" API.example.com ", "*.Example.org:8443", "api.example.com")));
    }
}
