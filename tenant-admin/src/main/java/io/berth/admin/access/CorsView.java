package io.berth.admin.access;

import io.berth.admin.rest.JsonBodyReader;
import io.berth.admin.rest.JsonInput;
import io.berth.core.cors.Origins;
import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;
import io.berth.core.tenant.AllowedOrigins;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * A tenant's CORS allow-list, the same on the operator and the tenant API: read with GET, replaced whole with PUT (the
 * tenant's version travels as the ETag).
 */
@Schema(name = "CorsOrigins", description = "The browser origins that may call the tenant's MCP endpoint, OAuth "
        + "endpoints and metadata documents from another origin. Empty (the default): CORS is off.")
public record CorsView(
        @Schema(description = "Exact origins, scheme://host[:port]: https, or http on localhost, 127.0.0.1 and [::1] "
                + "for development; no wildcards, paths or credentials. Stored as browsers send them (lower case, no "
                + "default port), duplicates removed.", example = "[\"https://app.example.com\", "
                + "\"http://localhost:3000\"]", maxItems = Origins.MAX_ORIGINS, required = true)
        List<String> origins) {

    static final Set<String> FIELDS = Set.of("origins");

    /** The normalised origins of a PUT body; a 400 problem naming every bad origin otherwise. */
    public static List<String> read(InputStream body) {
        JsonInput in = JsonInput.of(JsonBodyReader.readObject(body), FIELDS);
        List<String> origins = in.strings("origins");
        in.requireNoErrors();
        if (origins == null) {
            throw invalid("origins is required (an empty array turns CORS off)",
                    List.of(new FieldError("origins", "must be an array of origins such as https://app.example.com")));
        }
        List<FieldError> errors = Origins.problems(origins).stream()
                .map(p -> new FieldError(p.index() < 0 ? "origins" : "origins[" + p.index() + "]", p.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw invalid("The list has " + errors.size() + " invalid entr" + (errors.size() == 1 ? "y" : "ies")
                    + ": " + errors.get(0).field() + " " + errors.get(0).message() + (errors.size() > 1 ? "; see errors."
                    : "."), errors);
        }
        return Origins.normalise(origins);
    }

    /** 200 with the list and its ETag. */
    public static Response ok(AllowedOrigins a) {
        return Response.ok(new CorsView(a.origins())).tag(new EntityTag(Long.toString(a.version()))).build();
    }

    private static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.of("invalid-input", "Invalid input", 400, detail).withErrors(errors));
    }
}
