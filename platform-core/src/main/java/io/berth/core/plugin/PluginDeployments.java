package io.berth.core.plugin;

import io.berth.core.plugin.verify.PluginVerifier;
import io.berth.core.plugin.verify.Verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * What a tenant does with its plugins: upload a version (verified, stored, and deployed at once unless schema pinning
 * holds it), approve a held version, activate an older or newer version (roll back or forward), undeploy, and switch
 * single tools off and on. Every change is stored first and then announced to the cluster; each node reloads the
 * tenant ({@link PluginRuntime#refresh}) and agents hear {@code list_changed}.
 */
@ApplicationScoped
public class PluginDeployments {

    private static final Logger LOG = Logger.getLogger(PluginDeployments.class.getName());
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** An upload's outcome: the stored version, and whether it is live or waiting for approval. */
    public record Upload(PluginVersion version, boolean active) {
    }

    @Inject
    PluginStore store;

    @Inject
    PluginRuntime runtime;

    @Inject
    CatalogChanges changes;

    @Inject
    SigningKeys signingKeys;

    @Inject
    PluginConfig config;

    private final PluginVerifier verifier = new PluginVerifier();

    public Upload upload(String tenant, String plugin, byte[] jar, PluginVersion.Isolation isolation) {
        return upload(tenant, plugin, jar, null, isolation);
    }

    /**
     * Verifies, stores and (unless held) deploys an upload. {@code signature}: a detached signature over the JAR,
     * required once the tenant has registered signing keys.
     */
    public Upload upload(String tenant, String plugin, byte[] jar, byte[] signature,
                         PluginVersion.Isolation isolation) {
        if (!NAME.matcher(plugin).matches()) {
            throw new PluginDeploymentException(PluginDeploymentException.Kind.REJECTED,
                    "A plugin name is 1-64 of a-z, 0-9 and '-', starting with a letter or digit");
        }
        if (isolation == PluginVersion.Isolation.CLASSLOADER && !config.classloaderTierAllowed(tenant)) {
            throw new PluginDeploymentException(PluginDeploymentException.Kind.FORBIDDEN, "The class-loader tier runs "
                    + "plugins inside Berth without a sandbox; only tenants the operator vetted may use it. Upload with "
                    + "isolation 'worker' (the default).");
        }
        Verification verification = verifier.verify(jar, signature, signingKeys.publicKeys(tenant));
        if (verification instanceof Verification.Rejected rejected) {
            LOG.info(() -> "Tenant " + tenant + ": upload of plugin " + plugin + " rejected ("
                    + rejected.problems().size() + " problem(s), " + rejected.violations().size() + " violation(s))");
            throw new PluginDeploymentException(PluginDeploymentException.Kind.REJECTED,
                    "The plugin did not pass verification", rejected);
        }
        JsonObject declarations;
        try {
            declarations = runtime.inspect(tenant, plugin, verification.sha256(), jar, isolation);
        } catch (IOException e) {
            throw new PluginDeploymentException(PluginDeploymentException.Kind.REJECTED,
                    "The plugin could not be loaded: " + e.getMessage());
        }
        String json = declarations.toString();
        Upload upload = store.locked(tenant, c -> {
            checkToolOwnership(c, tenant, plugin, declarations);
            PluginVersion current = store.active(c, tenant).get(plugin);
            boolean held = current != null && !Declarations.pinned(Declarations.parse(current.declarations()))
                    .equals(Declarations.pinned(declarations));
            PluginVersion stored = store.add(c, tenant, plugin, verification.sha256(), jar, isolation, json, held);
            if (!held) {
                store.activate(c, tenant, plugin, stored.version());
            }
            return new Upload(stored, !held);
        });
        if (upload.active()) {
            liveHereThenEverywhere(tenant);
        }
        LOG.info(() -> "Tenant " + tenant + ": plugin " + plugin + " version " + upload.version().version()
                + (upload.active() ? " deployed" : " held: its tools changed, it waits for approval"));
        return upload;
    }

    /** Approves a held version and makes it the active one. */
    public PluginVersion approve(String tenant, String plugin, int version) {
        store.locked(tenant, c -> {
            PluginVersion v = find(c, tenant, plugin, version);
            if (!v.held()) {
                throw new PluginDeploymentException(PluginDeploymentException.Kind.STATE,
                        "Version " + version + " of " + plugin + " is not waiting for approval");
            }
            checkToolOwnership(c, tenant, plugin, Declarations.parse(v.declarations()));
            store.approve(c, tenant, plugin, version);
            store.activate(c, tenant, plugin, version);
            return null;
        });
        liveHereThenEverywhere(tenant);
        return find(tenant, plugin, version);
    }

    /** Makes an approved version the active one: a roll-back or roll-forward. */
    public void activate(String tenant, String plugin, int version) {
        store.locked(tenant, c -> {
            PluginVersion v = find(c, tenant, plugin, version);
            if (v.held()) {
                throw new PluginDeploymentException(PluginDeploymentException.Kind.STATE,
                        "Version " + version + " of " + plugin + " changes its tools and waits for approval");
            }
            checkToolOwnership(c, tenant, plugin, Declarations.parse(v.declarations()));
            store.activate(c, tenant, plugin, version);
            return null;
        });
        liveHereThenEverywhere(tenant);
    }

    public void undeploy(String tenant, String plugin) {
        store.locked(tenant, c -> {
            if (!store.active(c, tenant).containsKey(plugin)) {
                throw new PluginDeploymentException(PluginDeploymentException.Kind.NOT_FOUND,
                        "No deployed plugin " + plugin);
            }
            store.activate(c, tenant, plugin, null);
            return null;
        });
        liveHereThenEverywhere(tenant);
    }

    public void enableTool(String tenant, String tool, boolean enabled) {
        store.locked(tenant, c -> {
            store.enableTool(c, tenant, tool, enabled);
            return null;
        });
        liveHereThenEverywhere(tenant);
    }

    public Map<String, PluginVersion> active(String tenant) {
        return store.active(tenant);
    }

    public List<PluginVersion> versions(String tenant, String plugin) {
        List<PluginVersion> versions = store.versions(tenant, plugin);
        if (versions.isEmpty()) {
            throw new PluginDeploymentException(PluginDeploymentException.Kind.NOT_FOUND, "No plugin " + plugin);
        }
        return versions;
    }

    public Set<String> disabledTools(String tenant) {
        return store.disabledTools(tenant);
    }

    /**
     * The change is live on this node when the request returns (so the caller's next call sees it), then announced to
     * every node; this node's own copy of the announcement finds nothing left to do.
     */
    private void liveHereThenEverywhere(String tenant) {
        runtime.refresh(tenant);
        changes.announce(new CatalogChange(tenant, CatalogChange.Kind.PLUGINS, null));
    }

    /**
     * A tool name belongs to one plugin of a tenant: the operator's directory plugins, then the other plugins' active
     * versions as stored (read under the tenant lock, so racing changes are decided one after the other).
     */
    private void checkToolOwnership(java.sql.Connection c, String tenant, String plugin, JsonObject declarations)
            throws java.sql.SQLException {
        Set<String> taken = new java.util.HashSet<>(runtime.directoryToolNames(tenant));
        for (PluginVersion v : store.active(c, tenant).values()) {
            if (!v.plugin().equals(plugin)) {
                taken.addAll(Declarations.toolNames(Declarations.parse(v.declarations())));
            }
        }
        List<String> conflicts = new ArrayList<>(Declarations.toolNames(declarations));
        conflicts.retainAll(taken);
        if (!conflicts.isEmpty()) {
            throw new PluginDeploymentException(PluginDeploymentException.Kind.CONFLICT,
                    "Another plugin of this tenant already offers tool(s) " + String.join(", ", conflicts));
        }
    }

    private PluginVersion find(java.sql.Connection c, String tenant, String plugin, int version)
            throws java.sql.SQLException {
        return store.version(c, tenant, plugin, version).orElseThrow(() -> new PluginDeploymentException(
                PluginDeploymentException.Kind.NOT_FOUND, "No version " + version + " of plugin " + plugin));
    }

    private PluginVersion find(String tenant, String plugin, int version) {
        return store.version(tenant, plugin, version).orElseThrow(() -> new PluginDeploymentException(
                PluginDeploymentException.Kind.NOT_FOUND, "No version " + version + " of plugin " + plugin));
    }
}
