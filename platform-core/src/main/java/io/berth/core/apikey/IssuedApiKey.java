package io.berth.core.apikey;

/** A key just created: {@code secret} is the full key, returned this once and never stored. */
public record IssuedApiKey(ApiKeyInfo info, String secret) {

    public String id() {
        return info.id();
    }

    public String tenantId() {
        return info.tenantId();
    }

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + id() + ", tenantId=" + tenantId() + ", secret=<redacted>]";
    }
}
