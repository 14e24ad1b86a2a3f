package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

/** The RFC 9728 and RFC 8414 documents, field by field. */
class OAuthMetadataTest {

    private static Jdbc jdbc;
    private static ClusterMember member;
    private static IdentityNode node;

    @BeforeAll
    static void start() {
        jdbc = MigratedH2.create();
        IdentityNode.createTenant(jdbc, "acme");
        member = TestClusterMembers.start("identity-" + UUID.randomUUID(), List.of());
        node = new IdentityNode(jdbc, member, new MutableClock()).start();
    }

    @AfterAll
    static void stop() {
        TestClusterMembers.stop(member);
        MigratedH2.shutdown(jdbc);
    }

    @Test
    void protectedResourceMetadataNamesTheResourceAndItsAuthorizationServers() {
        assertEquals("{\"resource\":\"https://berth.test/t/acme/mcp\","
                + "\"authorization_servers\":[\"https://berth.test/t/acme\"],"
                + "\"scopes_supported\":[\"crm.read\",\"files\"],"
                + "\"bearer_methods_supported\":[\"header\"]}",
                node.metadata.protectedResource("acme", List.of("files", "offline_access", "crm.read", "files"))
                        .toString());
        node.idps.trust("acme", "https://login.example.com/acme", "https://login.example.com/jwks", null, null);
        assertEquals("[\"https://login.example.com/acme\",\"https://berth.test/t/acme\"]",
                node.metadata.protectedResource("acme", List.of()).getJsonArray("authorization_servers").toString());
        assertEquals("[\"https://berth.test/t/acme\"]", node.metadata.protectedResource("acme", List.of(), false)
                .getJsonArray("authorization_servers").toString(), "a tenant the gate does not know is not looked up");
        node.idps.remove("acme", "https://login.example.com/acme");
    }

    @Test
    void authorizationServerMetadataDescribesClientCredentialsOnly() {
        assertEquals("{\"issuer\":\"https://berth.test/t/acme\","
                + "\"token_endpoint\":\"https://berth.test/t/acme/oauth/token\","
                + "\"jwks_uri\":\"https://berth.test/t/acme/oauth/jwks\","
                + "\"revocation_endpoint\":\"https://berth.test/t/acme/oauth/revoke\","
                + "\"scopes_supported\":[\"crm\"],"
                + "\"response_types_supported\":[],"
                + "\"grant_types_supported\":[\"client_credentials\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"],"
                + "\"revocation_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}",
                node.metadata.authorizationServer("acme", List.of("crm")).toString());
    }
}
