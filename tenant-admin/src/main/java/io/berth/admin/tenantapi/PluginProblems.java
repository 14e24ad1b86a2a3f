package io.berth.admin.tenantapi;

import io.berth.core.http.Problem;
import io.berth.core.plugin.PluginDeploymentException;
import io.berth.core.plugin.verify.Verification;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Refused plugin operations as RFC 9457 problems. A rejected upload lists every problem of the archive and every
 * bytecode violation (class, method, reference, rule), so the author can fix them all at once.
 */
public class PluginProblems implements ExceptionMapper<PluginDeploymentException> {

    @Override
    public Response toResponse(PluginDeploymentException e) {
        Problem problem = switch (e.kind()) {
            case REJECTED -> Problem.of("plugin-rejected", "Plugin rejected", 422, e.getMessage());
            case CONFLICT -> Problem.of("plugin-conflict", "Plugin conflict", 409, e.getMessage());
            case NOT_FOUND -> Problem.of("not-found", "Not found", 404, e.getMessage());
            case STATE -> Problem.of("plugin-state", "Not possible now", 409, e.getMessage());
            case FORBIDDEN -> Problem.of("forbidden", "Forbidden", 403, e.getMessage());
        };
        JsonObjectBuilder body = Json.createObjectBuilder(problem.toJson());
        Verification.Rejected report = e.report();
        if (report != null) {
            JsonArrayBuilder problems = Json.createArrayBuilder();
            report.problems().forEach(p -> {
                JsonObjectBuilder o = Json.createObjectBuilder().add("message", p.message());
                if (p.entry() != null) {
                    o.add("entry", p.entry());
                }
                problems.add(o);
            });
            JsonArrayBuilder violations = Json.createArrayBuilder();
            report.violations().forEach(v -> violations.add(Json.createObjectBuilder().add("class", v.className())
                    .add("method", v.method()).add("reference", v.reference()).add("rule", v.rule())));
            body.add("sha256", report.sha256()).add("problems", problems).add("violations", violations)
                    .add("truncated", report.truncated());
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body.build()).build();
    }
}
