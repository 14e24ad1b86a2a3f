package io.berth.sdk;

import java.util.List;
import java.util.Map;

/**
 * Suggests values for a prompt argument or a resource template variable while a person types ({@code
 * completion/complete}). Berth returns at most 100 suggestions.
 */
@FunctionalInterface
public interface Completer {

    /**
     * @param argument      the argument or variable being completed
     * @param prefix        what has been typed so far
     * @param otherArguments values already given for other arguments (may be empty)
     */
    List<String> complete(String argument, String prefix, Map<String, String> otherArguments);
}
