package io.berth.worker;

import io.berth.sdk.Completer;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolResult;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.JsonException;
import io.berth.worker.wire.ResultWire;
import io.berth.worker.wire.Rpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The host's requests, each run on a call thread with the plugin's loader as context class loader. A result is the
 * plain-Java JSON the host decodes; {@code null} means the plugin returned nothing, which the host reports as it does
 * for classloader plugins.
 */
final class Methods {

    private final HostLink host;
    private volatile PluginSet plugins;
    private volatile String tenantId;

    /** A request the worker cannot serve as asked: answered with a JSON-RPC error code, never a plugin failure. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        BadRequest(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    Methods(HostLink host) {
        this.host = host;
    }

    Object call(long id, String method, Map<String, Object> params, Consumer<RemoteContext> started)
            throws Exception {
        try {
            return switch (method) {
                case Rpc.LOAD -> load(params);
                case Rpc.DECLARE -> loaded().declare();
                case Rpc.TOOLS_CALL -> tool(id, params, started);
                case Rpc.RESOURCES_READ -> read(id, params, started);
                case Rpc.PROMPTS_GET -> prompt(id, params, started);
                case Rpc.COMPLETE -> complete(params);
                default -> throw new BadRequest(Rpc.METHOD_NOT_FOUND, "Unknown method " + method);
            };
        } catch (JsonException e) {
            // Only the decoding of the host's params throws it here: plugin code's own are wrapped by run().
            throw new BadRequest(Rpc.INVALID_PARAMS, e.getMessage());
        }
    }

    /** What a call answers when its plugin's result cannot be written as JSON. */
    Object unsendable(String method) {
        if (Rpc.TOOLS_CALL.equals(method)) {
            return ResultWire.toolResult(ToolResult.error("The tool returned a result Berth cannot send."));
        }
        return null;
    }

    private synchronized Object load(Map<String, Object> params) throws BadRequest {
        if (plugins != null) {
            throw new BadRequest(Rpc.INVALID_REQUEST, "Plugins are loaded already");
        }
        tenantId = Fields.string(params, "tenant");
        plugins = PluginSet.load(WorkerServer.jars(params));
        return plugins.declare();
    }

    private PluginSet loaded() throws BadRequest {
        PluginSet p = plugins;
        if (p == null) {
            throw new BadRequest(Rpc.INVALID_REQUEST, "No plugins are loaded");
        }
        return p;
    }

    private Object tool(long id, Map<String, Object> params, Consumer<RemoteContext> started) throws Exception {
        int index = index(params);
        String name = Fields.string(params, "name");
        Tool tool = find(loaded().declared(index).tools(), name);
        ToolCall call = new ToolCall(name, Fields.optObject(params, "arguments"));
        RemoteContext context = context(id, started);
        ToolResult result = run(index, () -> tool.handler().call(call, context));
        return result == null ? null : ResultWire.toolResult(result);
    }

    private Object read(long id, Map<String, Object> params, Consumer<RemoteContext> started) throws Exception {
        int index = index(params);
        String uri = Fields.string(params, "uri");
        String templateUri = Fields.optString(params, "template");
        PluginSet.Declared d = loaded().declared(index);
        RemoteContext context = context(id, started);
        List<ResourceContents> contents;
        if (templateUri == null) {
            Resource r = find(d.resources(), uri);
            contents = run(index, () -> r.reader().read(uri, context));
        } else {
            ResourceTemplate t = find(d.templates(), templateUri);
            Map<String, String> variables = Fields.stringMap(params, "variables");
            contents = run(index, () -> t.reader().read(uri, variables, context));
        }
        if (contents == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contents", ResultWire.contents(contents));
        return out;
    }

    private Object prompt(long id, Map<String, Object> params, Consumer<RemoteContext> started) throws Exception {
        int index = index(params);
        Prompt p = find(loaded().declared(index).prompts(), Fields.string(params, "name"));
        Map<String, String> arguments = Fields.stringMap(params, "arguments");
        RemoteContext context = context(id, started);
        PromptResult result = run(index, () -> p.handler().get(arguments, context));
        return result == null ? null : ResultWire.promptResult(result);
    }

    private Object complete(Map<String, Object> params) throws Exception {
        int index = index(params);
        PluginSet.Declared d = loaded().declared(index);
        String promptName = Fields.optString(params, "prompt");
        Completer completer = promptName != null ? find(d.prompts(), promptName).completer()
                : find(d.templates(), Fields.string(params, "template")).completer();
        if (completer == null) {
            throw new BadRequest(Rpc.INVALID_PARAMS, "No completer");
        }
        String argument = Fields.string(params, "argument");
        String prefix = Fields.string(params, "prefix");
        Map<String, String> others = Fields.stringMap(params, "context");
        List<String> values = run(index, () -> completer.complete(argument, prefix, others));
        if (values == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("values", List.copyOf(values));
        return out;
    }

    private RemoteContext context(long id, Consumer<RemoteContext> started) {
        RemoteContext context = new RemoteContext(host, id, tenantId);
        started.accept(context);
        return context;
    }

    private <T> T run(int index, Callable<T> work) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loaded().plugin(index).loader());
        try {
            return work.call();
        } catch (JsonException e) {
            throw new IllegalStateException("The plugin used a value that is not JSON", e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    private static int index(Map<String, Object> params) {
        long index = Fields.integer(params, "plugin");
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw new JsonException("'plugin' is out of range");
        }
        return (int) index;
    }

    private static <T> T find(Map<String, T> items, String key) throws BadRequest {
        T item = items.get(key);
        if (item == null) {
            throw new BadRequest(Rpc.INVALID_PARAMS, "Not declared: " + key);
        }
        return item;
    }
}
