package io.berth.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

/** Which tenant an agent-facing path addresses: only the first segment after /t/ counts, and only if valid. */
class TenantGatePathTest {

    @ParameterizedTest
    @CsvSource({
            "/t/acme/mcp, acme",
            "/t/acme, acme",
            "/t/acme/, acme",
            "/t/acme-corp/mcp/sse, acme-corp",
            "/t/acme/../../admin, acme"
    })
    void takesTheFirstSegmentAfterT(String path, String tenant) {
        assertEquals(Optional.of(tenant), TenantGateFilter.tenantOf(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/t/", "/t", "", "/t/ACME/mcp", "/x/acme", "/tt/acme", "t/acme", "/t//acme",
            "/t/../admin", "/t/a--b/mcp", "/t/ab/mcp"})
    void findsNoTenantWhenTheFirstSegmentIsMissingOrInvalid(String path) {
        assertEquals(Optional.empty(), TenantGateFilter.tenantOf(path));
    }
}
