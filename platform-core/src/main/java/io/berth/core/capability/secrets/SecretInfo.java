package io.berth.core.capability.secrets;

import java.time.Instant;

/**
 * A stored secret as the operator API shows it: never its value.
 *
 * @param plugin the only plugin that may read it, or {@code null} for all of the tenant's plugins
 */
public record SecretInfo(String name, String plugin, Instant createdAt, Instant updatedAt) {
}
