package io.berth.admin.capabilities;

import io.berth.core.capability.secrets.SecretInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A stored secret as the API shows it: never its value. */
@Schema(name = "Secret", description = "A named secret; its value is write-only")
public record SecretView(
        @Schema(example = "github-token") String name,
        @Schema(description = "The only plugin that may read it; absent: all of the tenant's plugins",
                nullable = true, example = "issues.jar") String plugin,
        Instant createdAt,
        Instant updatedAt) {

    static SecretView of(SecretInfo s) {
        return new SecretView(s.name(), s.plugin(), s.createdAt(), s.updatedAt());
    }
}
