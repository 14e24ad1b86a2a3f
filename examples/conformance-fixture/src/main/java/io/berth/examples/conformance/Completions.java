package io.berth.examples.conformance;

import io.berth.sdk.Completer;

import java.util.List;

/**
 * Completion as the reference server does it ({@code completion-complete}): its {@code completion/complete} handler
 * answers every request, whatever the reference, argument or value, with no suggestions ({@code values: []},
 * {@code total: 0}, {@code hasMore: false}). The suite checks only that {@code values} is an array; the suggestions its
 * description shows ({@code paris}, {@code park}, {@code party} for {@code par}) are an illustration, and the scenario
 * actually sends {@code test}.
 */
final class Completions {

    /** Suggests nothing, for any argument. */
    static final Completer NONE = (argument, prefix, otherArguments) -> List.of();

    private Completions() {
    }
}
