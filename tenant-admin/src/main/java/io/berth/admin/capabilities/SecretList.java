package io.berth.admin.capabilities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A tenant's secrets in name order, without values. */
@Schema(name = "SecretList")
public record SecretList(List<SecretView> items) {
}
