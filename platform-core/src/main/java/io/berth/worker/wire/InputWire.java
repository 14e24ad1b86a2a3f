package io.berth.worker.wire;

import io.berth.sdk.Elicitation;
import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.Root;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a plugin asks the client for through its {@code ToolContext}, and the answers, between worker and host. */
public final class InputWire {

    private InputWire() {
    }

    public static Map<String, Object> request(InputRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r instanceof InputRequest.Elicit e) {
            m.put("type", "elicit");
            m.put("message", e.message());
            m.put("requestedSchema", e.requestedSchema());
        } else if (r instanceof InputRequest.ElicitUrl u) {
            m.put("type", "elicitUrl");
            m.put("message", u.message());
            m.put("url", u.url());
        } else if (r instanceof InputRequest.Sample s) {
            m.put("type", "sample");
            m.put("params", s.params());
        } else if (r instanceof InputRequest.ListRoots) {
            m.put("type", "listRoots");
        } else {
            throw new JsonException("Not an input request: " + r);
        }
        return m;
    }

    public static InputRequest request(Map<String, Object> m) {
        return switch (Fields.string(m, "type")) {
            case "elicit" -> new InputRequest.Elicit(Fields.string(m, "message"), Fields.object(m, "requestedSchema"));
            case "elicitUrl" -> new InputRequest.ElicitUrl(Fields.string(m, "message"), Fields.string(m, "url"));
            case "sample" -> new InputRequest.Sample(Fields.object(m, "params"));
            case "listRoots" -> new InputRequest.ListRoots();
            default -> throw new JsonException("unknown input request type");
        };
    }

    public static Map<String, Object> requests(Map<String, InputRequest> requests) {
        Map<String, Object> m = new LinkedHashMap<>();
        requests.forEach((k, r) -> m.put(k, request(r)));
        return m;
    }

    public static Map<String, InputRequest> readRequests(Map<String, Object> m) {
        Map<String, InputRequest> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, request(Fields.asObject(v, "input request " + k))));
        return out;
    }

    public static Map<String, Object> responses(InputResponses r) {
        return new LinkedHashMap<>(r.answers());
    }

    public static InputResponses responses(Map<String, Object> m) {
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        m.forEach((k, v) -> answers.put(k, Fields.asObject(v, "the answer to " + k)));
        return new InputResponses(answers);
    }

    public static Map<String, Object> elicitation(Elicitation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", e.action());
        DeclarationWire.put(m, "content", e.content());
        return m;
    }

    public static Elicitation elicitation(Map<String, Object> m) {
        return new Elicitation(Fields.string(m, "action"), Fields.optObject(m, "content"));
    }

    public static List<Object> roots(List<Root> roots) {
        List<Object> out = new ArrayList<>();
        for (Root r : roots) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uri", r.uri());
            DeclarationWire.put(m, "name", r.name());
            out.add(m);
        }
        return out;
    }

    public static List<Root> readRoots(List<Object> list) {
        List<Root> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> m = Fields.asObject(o, "a root");
            out.add(new Root(Fields.string(m, "uri"), Fields.optString(m, "name")));
        }
        return List.copyOf(out);
    }

    /** A list of strings (completion values). */
    public static List<String> strings(List<Object> list) {
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new JsonException("a completion value must be a string");
            }
            out.add(s);
        }
        return out;
    }
}
