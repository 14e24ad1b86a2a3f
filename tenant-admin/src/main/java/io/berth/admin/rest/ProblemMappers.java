package io.berth.admin.rest;

import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
import io.berth.core.tenant.TenantException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into an RFC 9457 problem detail: expected refusals with their own status and type, anything
 * unexpected as a bare 500 whose details go to the server log (never to the caller).
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson()).build();
    }

    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return respond(e.problem());
        }
    }

    public static class TenantExceptionMapper implements ExceptionMapper<TenantException> {
        @Override
        public Response toResponse(TenantException e) {
            // Java 17: no pattern switch yet; the sealed hierarchy keeps this list complete.
            if (e instanceof TenantException.NotFound) {
                return respond(Problem.of("tenant-not-found", "Tenant not found", 404, e.getMessage()));
            }
            if (e instanceof TenantException.AlreadyExists) {
                return respond(Problem.of("tenant-exists", "Tenant already exists", 409, e.getMessage()));
            }
            return respond(Problem.of("version-mismatch", "Version mismatch", 412, e.getMessage()));
        }
    }

    /** The container's own refusals: unknown path (404), wrong method (405), unsupported media type (415), ... */
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
            String name = title.toLowerCase().replace(' ', '-');
            Response.ResponseBuilder out = Response.fromResponse(original).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(name, title, status, detail(status)).toJson());
            return out.build();
        }

        private static String detail(int status) {
            return switch (status) {
                case 404 -> "There is no resource at this address.";
                case 405 -> "This resource does not support the request's method; see the Allow header.";
                case 406 -> "This resource answers with application/json only.";
                case 415 -> "This resource accepts application/json request bodies only.";
                default -> null;
            };
        }
    }

    public static class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            String incident = java.util.UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
            return respond(Problem.of("internal-error", "Internal error", 500,
                    "The request failed unexpectedly; quote incident " + incident + " to the operator."));
        }
    }
}
