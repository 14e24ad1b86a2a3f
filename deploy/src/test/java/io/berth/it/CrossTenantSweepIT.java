package io.berth.it;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the OpenAPI document, tried against tenant A with tenant B's credentials (B's tenant-admin key,
 * a person who is B's tenant admin — also naming A in Berth-Tenant — and B's agent token). New endpoints are covered
 * as soon as they are documented. Operator operations must refuse all of them (401/403); tenant operations act in B
 * only, so A's objects named in the path are not found and nothing of A ever shows in a body; and afterwards A's
 * objects are all still there. Every operation must also state its roles ({@code x-berth-roles}).
 */
class CrossTenantSweepIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private static TenantApiClient.Tenant victim;
    private static String plugin;
    private static String tool;
    private static String signingKeyId;
    private static String victimKeyId;
    private static Agents.ApiKey victimAgentKey;
    private static List<Credential> attackers;

    /** One of B's credentials, and the extra headers it is sent with. */
    private record Credential(String name, String[] headers) {
    }

    @BeforeAll
    static void twoTenants() {
        victim = TenantApiClient.newTenant("sweep-a");
        TenantApiClient a = new TenantApiClient(BerthNodes.nodeA(), victim);
        plugin = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        tool = "sweep_tool_" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response uploaded = a.upload(plugin, PluginJars.textTool("sweep.a", tool, "Sweep", "A's own tool", "A"));
        assertEquals(201, uploaded.status(), uploaded.body());
        Http.Response key = Http.send("POST", a.uri("signing-keys"), "application/json",
                "{\"name\":\"a\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(
                        Jwts.es256KeyPair().getPublic().getEncoded()) + "\"}", Agents.bearer(victim.key()));
        assertEquals(201, key.status(), key.body());
        signingKeyId = key.json().getString("id");
        victimAgentKey = Agents.apiKey(victim.id(), "sweep");
        victimKeyId = victimAgentKey.id();

        TenantApiClient.Tenant attacker = TenantApiClient.newTenant("sweep-b");
        UsedCredentials.note(attacker.key());
        String person = PeopleIdp.get().token("mallory", "berth:" + attacker.id() + ":tenant-admin");
        String agent = Agents.token(BerthNodes.nodeA(), Agents.apiKey(attacker.id(), "sweep"));
        attackers = List.of(
                new Credential("B's tenant-admin key", Agents.bearer(attacker.key())),
                new Credential("B's tenant admin (person)", Agents.bearer(person)),
                new Credential("B's tenant admin naming A", concat(Agents.bearer(person),
                        "Berth-Tenant", victim.id())),
                new Credential("B's agent token", Agents.bearer(agent)));
        // The attacker's credentials do work where they belong: the sweep's refusals are not broken credentials.
        assertEquals(200, Http.get(a.uri("plugins"), Agents.bearer(attacker.key())).status());
        assertEquals(200, Http.get(a.uri("plugins"), Agents.bearer(person)).status());
    }

    @Test
    void noOperationOfTheOpenApiDocumentLetsTenantBReachTenantA() {
        JsonObject paths = Http.get(BerthNodes.nodeA().resolve("/openapi?format=JSON")).json().getJsonObject("paths");
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int tried = 0;
        for (Map.Entry<String, jakarta.json.JsonValue> path : paths.entrySet()) {
            for (String method : path.getValue().asJsonObject().keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                String template = path.getKey();
                if (!path.getValue().asJsonObject().getJsonObject(method).containsKey("x-berth-roles")) {
                    failures.add(method.toUpperCase(Locale.ROOT) + " " + template + ": the document names no roles");
                }
                URI target = BerthNodes.nodeA().resolve(fill(template));
                for (Credential c : attackers) {
                    Http.Response r = call(method, target, c);
                    tried++;
                    String problem = judge(template, target, r);
                    if (problem != null) {
                        failures.add(method.toUpperCase(Locale.ROOT) + " " + template + " with " + c.name() + ": "
                                + problem + " (HTTP " + r.status() + " " + r.body() + ")");
                    }
                }
            }
        }
        assertTrue(operations >= 25, "the document lists too few operations: " + operations);
        assertEquals(operations * attackers.size(), tried);
        System.out.println("CROSS-TENANT SWEEP: " + operations + " documented operations x " + attackers.size()
                + " credentials of tenant B, " + failures.size() + " reached tenant A");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        victimIsIntact();
    }

    /** Why the answer is a leak, or null when it is a proper refusal (echoing what B itself sent is no leak). */
    private static String judge(String template, URI target, Http.Response r) {
        if (r.status() >= 500) {
            return "a server error";
        }
        for (String secret : List.of(victim.id(), plugin, tool, signingKeyId, victimKeyId)) {
            if (r.body().contains(secret) && !target.getPath().contains(secret)) {
                return "the body shows A's " + secret;
            }
        }
        if (template.startsWith("/admin/api/v1")) {
            return r.status() == 401 || r.status() == 403 ? null : "an operator operation did not refuse";
        }
        boolean namesAnObject = PARAM.matcher(template).find();
        if (namesAnObject && r.status() < 300) {
            return "an operation on A's object succeeded";
        }
        return null;
    }

    /** The path with A's objects in its parameters: its tenant id, plugin, tool, signing key, API key. */
    private static String fill(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String value = switch (m.group(1)) {
                case "version" -> "1";
                case "keyId" -> victimKeyId;
                default -> before.endsWith("/tenants/") ? victim.id()
                        : before.endsWith("/plugins/") ? plugin
                        : before.endsWith("/tools/") ? tool
                        : before.endsWith("/signing-keys/") ? signingKeyId
                        : before.endsWith("/api-keys/") ? victimKeyId
                        : victim.id();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Http.Response call(String method, URI target, Credential c) {
        String verb = method.toUpperCase(Locale.ROOT);
        boolean body = verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH");
        String type = verb.equals("PATCH") ? OperatorClient.MERGE_PATCH : "application/json";
        String json = verb.equals("PATCH") ? "{\"enabled\":false,\"status\":\"suspended\"}" : "{}";
        return Http.send(verb, target, body ? type : null, body ? json : null, c.headers());
    }

    private static void victimIsIntact() {
        TenantApiClient a = new TenantApiClient(BerthNodes.nodeA(), victim);
        Http.Response plugins = a.get("plugins");
        assertEquals(200, plugins.status(), "A's own key still works: " + plugins.body());
        assertTrue(plugins.body().contains(plugin), "A's plugin is still deployed: " + plugins.body());
        assertTrue(a.get("signing-keys").body().contains(signingKeyId), "A's signing key is still there");
        assertFalse(a.get("tools/disabled").body().contains(tool), "A's tool was not switched off");
        JsonObject tenant = new OperatorClient(BerthNodes.nodeA()).get(BerthNodes.nodeA()
                .resolve("/admin/api/v1/tenants/" + victim.id())).json();
        assertEquals("active", tenant.getString("status"), tenant.toString());
        assertTrue(Agents.token(BerthNodes.nodeA(), victimAgentKey).length() > 20, "A's agent key still works");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
