package io.berth.core.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code berth.api-keys.*} settings (see microprofile-config.properties). */
@ApplicationScoped
public class ApiKeysConfig {

    @Inject
    @ConfigProperty(name = "berth.api-keys.default-lifetime-days")
    long defaultLifetimeDays;

    @Inject
    @ConfigProperty(name = "berth.api-keys.max-lifetime-days")
    long maxLifetimeDays;

    @Inject
    @ConfigProperty(name = "berth.api-keys.allow-non-expiring")
    boolean allowNonExpiring;

    @Inject
    @ConfigProperty(name = "berth.api-keys.rotation.default-overlap-seconds")
    long defaultOverlapSeconds;

    @Inject
    @ConfigProperty(name = "berth.api-keys.rotation.max-overlap-seconds")
    long maxOverlapSeconds;

    @Inject
    @ConfigProperty(name = "berth.api-keys.last-used-interval-seconds")
    long lastUsedIntervalSeconds;

    /** The defaults of microprofile-config.properties, for tests and tools that wire by hand. */
    public static ApiKeysConfig defaults() {
        ApiKeysConfig c = new ApiKeysConfig();
        c.defaultLifetimeDays = 90;
        c.maxLifetimeDays = 365;
        c.allowNonExpiring = false;
        c.defaultOverlapSeconds = 86_400;
        c.maxOverlapSeconds = 604_800;
        c.lastUsedIntervalSeconds = 60;
        return c;
    }

    public long defaultLifetimeDays() {
        return Math.min(defaultLifetimeDays, maxLifetimeDays);
    }

    public long maxLifetimeDays() {
        return maxLifetimeDays;
    }

    public boolean allowNonExpiring() {
        return allowNonExpiring;
    }

    public long defaultOverlapSeconds() {
        return Math.min(defaultOverlapSeconds, maxOverlapSeconds);
    }

    public long maxOverlapSeconds() {
        return maxOverlapSeconds;
    }

    public long lastUsedIntervalSeconds() {
        return lastUsedIntervalSeconds;
    }
}
