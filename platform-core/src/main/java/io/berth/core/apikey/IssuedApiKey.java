package io.berth.core.apikey;

/** A key just created: {@code secret} is the full key, returned this once and never stored. */
public record IssuedApiKey(String id, String tenantId, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + id + ", tenantId=" + tenantId + ", secret=<redacted>]";
    }
}
