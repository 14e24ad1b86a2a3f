package io.berth.admin.apikeys;

import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.access.Role;
import io.berth.core.apikey.ApiKeyExpiry;
import io.berth.core.apikey.ApiKeyInfo;
import io.berth.core.apikey.ApiKeyLifecycle;
import io.berth.core.apikey.ApiKeySpec;
import io.berth.core.apikey.IssuedApiKey;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The API key bodies of both REST APIs, so that the operator's and the tenant's endpoints read and answer alike. A
 * view never holds the hash; only an issue or rotation answer holds the key, once, with {@code Cache-Control: no-store}.
 */
public final class ApiKeyJson {

    /** An issue request: what the key is for and how long it lives. */
    public record IssueRequest(ApiKeySpec spec, ApiKeyExpiry expiry) {
    }

    /** The OpenAPI descriptions both APIs give their key endpoints. */
    public static final String ISSUE_DOC = "{name, scopes?, roles? (tenant-admin, developer, approver, auditor; none:"
            + " an agent-only key), environment? live|test, expiresInDays? | expiresAt? | neverExpires?}. Without an"
            + " expiry the key lives berth.api-keys.default-lifetime-days (90); at most max-lifetime-days (365).";
    public static final String ROTATE_DOC = "{overlapSeconds?} (or no body): how long the old key keeps working,"
            + " default berth.api-keys.rotation.default-overlap-seconds (24 h); 0 ends it and its tokens at once.";

    private static final Set<String> ISSUE_FIELDS = Set.of("name", "scopes", "roles", "environment", "expiresInDays",
            "expiresAt", "neverExpires");

    private ApiKeyJson() {
    }

    /** {@code {name, scopes?, roles?, environment? live|test, expiresInDays? | expiresAt? | neverExpires?}}. */
    public static IssueRequest issueRequest(InputStream body) {
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), ISSUE_FIELDS);
        String name = in.string("name");
        List<String> scopes = in.strings("scopes");
        List<String> roles = in.strings("roles");
        String environment = in.string("environment");
        Long inDays = in.wholeNumber("expiresInDays");
        String at = in.string("expiresAt");
        Boolean never = in.bool("neverExpires");
        in.requireNoErrors();
        ApiKeySpec spec = new ApiKeySpec(name, scopes == null ? null : Set.copyOf(scopes), ApiKeySpec.roles(roles),
                ApiKeySpec.environment(environment));
        return new IssueRequest(spec, ApiKeyExpiry.of(inDays, at, never));
    }

    /** {@code {overlapSeconds?}}, or no body at all: the default overlap ({@code null}). */
    public static Long overlapSeconds(InputStream body) {
        PushbackInputStream in = new PushbackInputStream(body, 1);
        try {
            int first = in.read();
            if (first == -1) {
                return null;
            }
            in.unread(first);
        } catch (IOException e) {
            return null;
        }
        JsonInput json = JsonInput.of(JsonBodyReader.readObject(in), Set.of("overlapSeconds"));
        Long overlap = json.wholeNumber("overlapSeconds");
        json.requireNoErrors();
        return overlap;
    }

    /** 201 with the new key (shown this once) and its address under {@code collection}. */
    public static Response created(IssuedApiKey issued, URI collection) {
        return Response.created(URI.create(collection + "/" + issued.id())).header("Cache-Control", "no-store")
                .entity(view(issued.info()).add("key", issued.secret()).build()).build();
    }

    /** 201 with the successor (shown this once) and when the old key stops working. */
    public static Response rotated(ApiKeyLifecycle.Rotation rotation, URI collection) {
        IssuedApiKey next = rotation.successor();
        return Response.created(URI.create(collection + "/" + next.id())).header("Cache-Control", "no-store")
                .entity(view(next.info()).add("key", next.secret())
                        .add("previousEndsAt", rotation.previousEndsAt().toString()).build()).build();
    }

    public static JsonObject list(List<ApiKeyInfo> keys) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        keys.forEach(k -> list.add(view(k)));
        return Json.createObjectBuilder().add("apiKeys", list).build();
    }

    public static JsonObject one(ApiKeyInfo key) {
        return view(key).build();
    }

    private static JsonObjectBuilder view(ApiKeyInfo k) {
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        k.scopes().stream().sorted().forEach(scopes::add);
        JsonArrayBuilder roles = Json.createArrayBuilder();
        k.roles().stream().sorted().map(Role::id).forEach(roles::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", k.id()).add("tenant", k.tenantId())
                .add("name", k.name()).add("scopes", scopes).add("roles", roles)
                .add("status", k.status(Instant.now()).name().toLowerCase(Locale.ROOT))
                .add("createdAt", k.createdAt().toString());
        // Absent rather than null (README: null means absent).
        if (k.environment() != null) {
            b.add("environment", k.environment().id());
        }
        addIfPresent(b, "expiresAt", k.expiresAt());
        addIfPresent(b, "revokedAt", k.revokedAt());
        addIfPresent(b, "lastUsedAt", k.lastUsedAt());
        if (k.replaces() != null) {
            b.add("replaces", k.replaces());
        }
        if (k.rotatedTo() != null) {
            b.add("rotatedTo", k.rotatedTo());
        }
        return b;
    }

    private static void addIfPresent(JsonObjectBuilder b, String name, Instant value) {
        if (value != null) {
            b.add(name, value.toString());
        }
    }
}
