package io.berth.admin.apikeys;

import io.berth.core.apikey.ApiKeyException;
import io.berth.core.http.Problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.List;

/** Refused API key operations as RFC 9457 problems, the same on the operator and the tenant API. */
public class ApiKeyProblems implements ExceptionMapper<ApiKeyException> {

    @Override
    public Response toResponse(ApiKeyException e) {
        Problem problem = switch (e.kind()) {
            case INVALID -> Problem.of("invalid-input", "Invalid input", 400, e.field() == null ? e.getMessage()
                    : e.field() + " " + e.getMessage());
            case NOT_FOUND -> Problem.of("api-key-not-found", "API key not found", 404, e.getMessage());
            case CONFLICT -> Problem.of("api-key-not-rotatable", "API key not rotatable", 409, e.getMessage());
        };
        if (e.field() != null) {
            problem = problem.withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())));
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson()).build();
    }
}
