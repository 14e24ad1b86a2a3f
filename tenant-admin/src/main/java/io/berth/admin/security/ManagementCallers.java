package io.berth.admin.security;

import io.berth.admin.rest.BearerToken;
import io.berth.core.access.Role;
import io.berth.core.apikey.ApiKeyPrincipal;
import io.berth.core.apikey.ApiKeys;
import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;
import io.berth.core.identity.PeopleTokens;
import io.berth.core.identity.VerifiedPerson;
import io.berth.core.operator.OperatorCredentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a REST request's credential into its {@link ManagementCaller}. The two APIs accept different credentials: the
 * operator API the operator token or a person with the operator role; the tenant API a tenant key holding a role, or
 * a person with a role in the tenant they act in. An agent's token is neither: it is not the people's issuer's.
 */
@ApplicationScoped
public class ManagementCallers {

    /** The header a person with roles in several tenants names the tenant with. */
    public static final String TENANT_HEADER = "Berth-Tenant";

    private static final Problem AGENT_KEY = Problem.of("forbidden", "Forbidden", 403,
            "This API key holds no role on the tenant API (it is an agent key); use a key issued with roles.");
    private static final Problem NO_ROLE = Problem.of("forbidden", "Forbidden", 403,
            "Your identity holds no role in this tenant.");
    private static final Problem WHICH_TENANT = Problem.of("tenant-required", "Tenant required", 400,
            "Your identity holds roles in several tenants: name one in the " + TENANT_HEADER + " header.");

    @Inject
    OperatorCredentials operatorCredentials;

    @Inject
    ApiKeys apiKeys;

    @Inject
    PeopleTokens peopleTokens;

    /**
     * The caller of an operator API request: empty without a valid credential; a caller with no roles for a person who
     * is not an operator.
     */
    public Optional<ManagementCaller> operator(ContainerRequestContext request) {
        String token = bearer(request);
        Optional<VerifiedPerson> person = person(token);
        if (person.isPresent()) {
            boolean operator = PeopleRoles.of(person.get().groups()).operator();
            return Optional.of(new ManagementCaller(ManagementCaller.Kind.PERSON, new PersonPrincipal(person.get()),
                    Optional.empty(), operator ? Set.of(Role.OPERATOR) : Set.of()));
        }
        return operatorCredentials.verify(token)
                ? Optional.of(new ManagementCaller(ManagementCaller.Kind.OPERATOR_TOKEN, named("operator"),
                        Optional.empty(), Set.of(Role.OPERATOR)))
                : Optional.empty();
    }

    /**
     * The caller of a tenant API request, acting in exactly one tenant with at least one role there: empty without a
     * valid credential.
     *
     * @throws ProblemException 403 for a valid credential without a role in the tenant, 400 when a person must name the
     *                          tenant
     */
    public Optional<ManagementCaller> tenant(ContainerRequestContext request) {
        String token = bearer(request);
        Optional<VerifiedPerson> person = person(token);
        if (person.isPresent()) {
            return Optional.of(inTenant(person.get(), request.getHeaderString(TENANT_HEADER)));
        }
        Optional<ApiKeyPrincipal> key = apiKeys.verify(token);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = key.get().roles();
        if (roles.stream().noneMatch(Role.TENANT_ROLES::contains)) {
            throw new ProblemException(AGENT_KEY);
        }
        return Optional.of(new ManagementCaller(ManagementCaller.Kind.API_KEY, named("key:" + key.get().keyId()),
                Optional.of(key.get().tenantId()), roles));
    }

    /** Makes the caller known to the rest of the request: Berth's authorization and JAX-RS's security context. */
    public static void establish(ContainerRequestContext request, ManagementCaller caller) {
        request.setProperty(ManagementCaller.PROPERTY, caller);
        request.setSecurityContext(new CallerSecurityContext(caller.principal(), caller.roles(),
                request.getSecurityContext().isSecure()));
    }

    private Optional<VerifiedPerson> person(String token) {
        // Operator tokens and API keys contain no dot; only a JWS-shaped credential is worth a signature check.
        return token != null && token.indexOf('.') > 0 ? peopleTokens.verify(token) : Optional.empty();
    }

    private static ManagementCaller inTenant(VerifiedPerson person, String named) {
        PeopleRoles roles = PeopleRoles.of(person.groups());
        String tenant = named == null ? "" : named.strip();
        if (tenant.isEmpty()) {
            if (roles.tenantRoles().size() != 1) {
                throw new ProblemException(roles.tenantRoles().isEmpty() ? NO_ROLE : WHICH_TENANT);
            }
            tenant = roles.tenantRoles().keySet().iterator().next();
        }
        Set<Role> held = roles.in(tenant);
        if (held.isEmpty()) {
            throw new ProblemException(NO_ROLE); // the same answer whether or not the tenant exists
        }
        return new ManagementCaller(ManagementCaller.Kind.PERSON, new PersonPrincipal(person), Optional.of(tenant),
                held);
    }

    private static Principal named(String name) {
        return () -> name;
    }

    private static String bearer(ContainerRequestContext request) {
        return BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }
}
