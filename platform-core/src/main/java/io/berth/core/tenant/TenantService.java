package io.berth.core.tenant;

import io.berth.core.storage.Jdbc;
import io.berth.core.storage.StorageException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The tenant lifecycle: create, read, list, update (name, suspension) and delete. The database is written first; the
 * cluster-wide status cache follows, so every node sees a suspension or deletion at once.
 *
 * <p>Callers validate input shape (the REST layer does, with Jakarta Validation); this class guards the invariants that
 * must hold whoever calls it.
 */
@ApplicationScoped
public class TenantService {

    private static final Logger LOG = Logger.getLogger(TenantService.class.getName());

    @Inject
    Event<TenantDeleting> deleting;

    @Inject
    TenantRepository repository;

    @Inject
    TenantDirectory directory;

    private final Clock clock = Clock.systemUTC();

    public Tenant create(String id, String displayName) {
        if (!TenantId.isValid(id)) {
            throw new IllegalArgumentException("Invalid tenant id");
        }
        // Microsecond precision: what both databases store, so the returned tenant equals the stored one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Tenant tenant = new Tenant(id, displayName, TenantStatus.ACTIVE, now, now, 0);
        try {
            repository.insert(tenant);
        } catch (StorageException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new TenantException.AlreadyExists(id);
            }
            throw e;
        }
        directory.publish(id, tenant.status());
        directory.publishAgentAccess(id, false);
        directory.publishAllowedOrigins(id, List.of());
        LOG.info(() -> "Tenant '" + id + "' created");
        return tenant;
    }

    public Optional<Tenant> find(String id) {
        return repository.find(id);
    }

    public TenantPage list(String after, int limit) {
        List<Tenant> rows = repository.listAfter(after, limit + 1);
        boolean more = rows.size() > limit;
        List<Tenant> page = more ? rows.subList(0, limit) : rows;
        return new TenantPage(page, more ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty());
    }

    public Tenant update(String id, TenantChange change) {
        Tenant updated = repository.update(id, change, clock.instant().truncatedTo(ChronoUnit.MICROS))
                .orElseThrow(() -> new TenantException.NotFound(id));
        directory.publish(id, updated.status());
        LOG.info(() -> "Tenant '" + id + "' updated to version " + updated.version() + " (" + updated.status().wire()
                + ")");
        return updated;
    }

    /** The tenant's agent access policy. */
    public AgentAccess agentAccess(String id) {
        return repository.agentAccess(id).orElseThrow(() -> new TenantException.NotFound(id));
    }

    /**
     * Allows or refuses agents without a token at this tenant, on every node from the next request on.
     * {@code expectedVersion} (null: any) is the tenant version the caller last read.
     */
    public AgentAccess setAgentAccess(String id, boolean anonymousAgents, Long expectedVersion) {
        AgentAccess set = repository.setAgentAccess(id, anonymousAgents, expectedVersion,
                clock.instant().truncatedTo(ChronoUnit.MICROS)).orElseThrow(() -> new TenantException.NotFound(id));
        directory.publishAgentAccess(id, anonymousAgents);
        LOG.info(() -> "Tenant '" + id + "': anonymous agents " + (anonymousAgents ? "allowed" : "refused")
                + " (version " + set.version() + ")");
        return set;
    }

    /** The browser origins allowed to call the tenant's agent-facing endpoints across origins (CORS). */
    public AllowedOrigins allowedOrigins(String id) {
        return repository.allowedOrigins(id).orElseThrow(() -> new TenantException.NotFound(id));
    }

    /**
     * Replaces the tenant's CORS allow-list, on every node from the next request on. {@code origins} must already be
     * validated and normalised ({@code io.berth.core.cors.Origins}); {@code expectedVersion} as for
     * {@link #setAgentAccess}.
     */
    public AllowedOrigins setAllowedOrigins(String id, List<String> origins, Long expectedVersion) {
        AllowedOrigins set = repository.setAllowedOrigins(id, List.copyOf(origins), expectedVersion,
                clock.instant().truncatedTo(ChronoUnit.MICROS)).orElseThrow(() -> new TenantException.NotFound(id));
        directory.publishAllowedOrigins(id, set.origins());
        LOG.info(() -> "Tenant '" + id + "': " + set.origins().size() + " CORS origin(s) allowed (version "
                + set.version() + ")");
        return set;
    }

    public void delete(String id) {
        if (repository.find(id).isEmpty()) {
            throw new TenantException.NotFound(id);
        }
        deleting.fire(new TenantDeleting(id));
        if (!repository.delete(id)) {
            throw new TenantException.NotFound(id);
        }
        directory.forget(id);
        LOG.info(() -> "Tenant '" + id + "' deleted");
    }
}
