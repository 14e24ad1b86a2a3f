package io.berth.worker.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON-RPC 2.0 messages of the worker protocol as plain-Java maps, and the protocol's method names and error codes.
 * Both sides send requests: the host calls plugin code, the worker asks the host for the call's {@code ToolContext}.
 */
public final class Rpc {

    /** Bumped when either side would misread the other; the worker announces it in {@link #READY}. */
    public static final int PROTOCOL_VERSION = 1;

    /** Worker to host, first message: the JVM is up and reads requests. */
    public static final String READY = "ready";
    /** Host to worker: load plugin JARs and return their declarations. */
    public static final String LOAD = "load";
    /** Host to worker: read the loaded plugins' declarations again. */
    public static final String DECLARE = "declare";
    public static final String TOOLS_CALL = "tools/call";
    public static final String RESOURCES_READ = "resources/read";
    public static final String PROMPTS_GET = "prompts/get";
    public static final String COMPLETE = "completion/complete";
    /** Host to worker, notification: stop the call with {@code params.id}. */
    public static final String CANCEL = "cancel";
    /** Worker to host: {@code context/<capability>}, a request when it needs an answer, else a notification. */
    public static final String CONTEXT_PREFIX = "context/";

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** The plugin refused (a {@code ToolException}): the message is meant for the caller. */
    public static final int REFUSED = -32000;
    /** The plugin failed unexpectedly: the message is generic, details stay in the worker's diagnostics. */
    public static final int FAILED = -32001;
    /** The worker runs as many calls as it may. */
    public static final int BUSY = -32002;
    /** The call was cancelled before it finished. */
    public static final int CANCELLED = -32003;
    /**
     * A refusal like {@link #REFUSED} of the {@code QuotaExceededException} kind (a data store write over the tenant's
     * quota): the other side throws that type again, with the message.
     */
    public static final int QUOTA_EXCEEDED = -32004;

    private Rpc() {
    }

    public static Map<String, Object> request(long id, String method, Map<String, Object> params) {
        Map<String, Object> m = base();
        m.put("id", id);
        m.put("method", method);
        m.put("params", params);
        return m;
    }

    public static Map<String, Object> notification(String method, Map<String, Object> params) {
        Map<String, Object> m = base();
        m.put("method", method);
        m.put("params", params);
        return m;
    }

    public static Map<String, Object> result(Object id, Object result) {
        Map<String, Object> m = base();
        m.put("id", id);
        m.put("result", result);
        return m;
    }

    public static Map<String, Object> error(Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> m = base();
        m.put("id", id);
        m.put("error", error);
        return m;
    }

    private static Map<String, Object> base() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jsonrpc", "2.0");
        return m;
    }
}
