package io.berth.core.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/** The {@code berth.data.dir} and {@code berth.bootstrap.*} settings. */
@ApplicationScoped
public class BootstrapConfig {

    @Inject
    @ConfigProperty(name = "berth.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "berth.bootstrap.demo-tenant")
    boolean demoTenant;

    public Path dataDir() {
        return Path.of(dataDir);
    }

    public boolean demoTenant() {
        return demoTenant;
    }
}
