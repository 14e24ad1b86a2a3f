package io.berth.core.plugin;

import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;

import java.util.List;

/** Tenant catalogs for tests outside this package, built as {@link PluginRuntime} builds them. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    public static TenantCatalog of(String tenant, List<Tool> tools, List<Resource> resources,
                                   List<ResourceTemplate> templates, List<Prompt> prompts) {
        return new TenantCatalog(deployed(tenant, tools), deployed(tenant, resources), deployed(tenant, templates),
                deployed(tenant, prompts));
    }

    private static <T> List<Deployed<T>> deployed(String tenant, List<T> items) {
        return items.stream().map(i -> new Deployed<>(tenant, "test.jar", i, TestCatalogs.class.getClassLoader()))
                .toList();
    }
}
