package io.berth.sdk;

import java.util.Objects;

/** A root the client exposes: a {@code file://} URI and an optional display name. */
public record Root(String uri, String name) {

    public Root {
        Objects.requireNonNull(uri, "uri");
    }
}
