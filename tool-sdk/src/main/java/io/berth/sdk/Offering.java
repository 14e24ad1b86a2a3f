package io.berth.sdk;

import java.util.Set;

/**
 * Something a plugin offers to clients: a {@link Tool}, {@link Resource}, {@link ResourceTemplate} or {@link Prompt}.
 * Each declares the OAuth scopes a caller needs, all of them, to see and use it ({@code tools/call},
 * {@code resources/read}, {@code prompts/get}, completions); Berth applies one rule to all four kinds, so a plugin
 * never checks scopes itself.
 */
public sealed interface Offering permits Tool, Resource, ResourceTemplate, Prompt {

    /** The scopes a caller needs, in declaration order, unmodifiable; empty: every caller of the tenant. */
    Set<String> scopes();
}
