package io.berth.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client's answers to {@link ToolContext#requestInput(Map)}, by the keys the request used. Every requested key
 * has an answer. Answers are the MCP results as plain-Java JSON; the typed accessors read the common ones.
 */
public record InputResponses(Map<String, Map<String, Object>> answers) {

    public InputResponses {
        Objects.requireNonNull(answers, "answers");
        java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(answers);
        answers = castFrozen(Frozen.map(copy));
    }

    /** The raw answer to {@code key}. */
    public Map<String, Object> get(String key) {
        Map<String, Object> answer = answers.get(key);
        if (answer == null) {
            throw new IllegalArgumentException("no answer for input " + key);
        }
        return answer;
    }

    /** The answer to an {@link InputRequest.Elicit} or {@link InputRequest.ElicitUrl}. */
    @SuppressWarnings("unchecked")
    public Elicitation elicitation(String key) {
        Map<String, Object> answer = get(key);
        Object action = answer.get("action");
        Object content = answer.get("content");
        return new Elicitation(action instanceof String s ? s : "cancel",
                content instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
    }

    /** The answer to an {@link InputRequest.ListRoots}; entries without a URI are skipped. */
    public List<Root> roots(String key) {
        List<Root> roots = new ArrayList<>();
        if (get(key).get("roots") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && m.get("uri") instanceof String uri) {
                    roots.add(new Root(uri, m.get("name") instanceof String n ? n : null));
                }
            }
        }
        return List.copyOf(roots);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> castFrozen(Map<String, Object> frozen) {
        for (Map.Entry<String, Object> e : frozen.entrySet()) {
            if (!(e.getValue() instanceof Map)) {
                throw new IllegalArgumentException("the answer to " + e.getKey() + " must be an object");
            }
        }
        return (Map<String, Map<String, Object>>) (Map<String, ?>) frozen;
    }
}
