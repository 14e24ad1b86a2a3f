package io.berth.admin.tenantapi;

import io.berth.core.plugin.PluginVersion;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;

/** A plugin version as the tenant API shows it: everything but the JAR, with what it declares. */
final class PluginView {

    private PluginView() {
    }

    static JsonObject of(PluginVersion v, boolean active) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("plugin", v.plugin()).add("version", v.version()).add("sha256", v.sha256())
                .add("sizeBytes", v.sizeBytes()).add("isolation", v.isolation().wire()).add("status", v.status())
                .add("active", active).add("createdAt", v.createdAt().toString());
        if (v.approvedAt() != null) {
            b.add("approvedAt", v.approvedAt().toString());
        }
        try (var r = Json.createReader(new StringReader(v.declarations()))) {
            b.add("declarations", r.readObject());
        }
        return b.build();
    }
}
