package io.berth.core.tenant;

import java.util.regex.Pattern;

/** The rules for a tenant id: a DNS-label-like slug, so it is safe in URLs, keys, schema names and log lines. */
public final class TenantId {

    /** 3 to 40 characters: lower-case letters, digits and single inner hyphens, starting with a letter. */
    public static final String PATTERN = "^[a-z](?:[a-z0-9]|-(?!-)){1,38}[a-z0-9]$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private TenantId() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && COMPILED.matcher(candidate).matches();
    }
}
