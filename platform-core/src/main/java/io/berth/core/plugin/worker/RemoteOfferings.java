package io.berth.core.plugin.worker;

import io.berth.sdk.Completer;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;
import io.berth.worker.wire.DeclarationWire;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.InputWire;
import io.berth.worker.wire.ResultWire;
import io.berth.worker.wire.Rpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Turns a worker's declarations into SDK records whose code is a call to the worker. A declaration the SDK would
 * refuse is left out with a warning, as the directory loader does for classloader plugins. Answers from the worker are
 * decoded strictly: a malformed one fails its call, it never reaches the client.
 */
final class RemoteOfferings {

    private static final Logger LOG = Logger.getLogger(RemoteOfferings.class.getName());

    private RemoteOfferings() {
    }

    static List<WorkerPlugin> of(TenantWorker worker, Map<String, Object> declarations) {
        List<WorkerPlugin> out = new ArrayList<>();
        for (Object o : Fields.list(declarations, "plugins")) {
            Map<String, Object> p = Fields.asObject(o, "a plugin");
            int index = (int) Fields.integer(p, "index");
            String jar = worker.jarName(Fields.string(p, "jar"));
            Remote r = new Remote(worker, index);
            out.add(new WorkerPlugin(worker.tenant(), jar, index,
                    decode(p, "tools", m -> DeclarationWire.tool(m, r::tool), worker, jar),
                    decode(p, "resources", m -> DeclarationWire.resource(m, r::read), worker, jar),
                    decode(p, "templates", m -> DeclarationWire.template(m, r.template(Fields.string(m,
                            "uriTemplate")), r.completer("template", Fields.string(m, "uriTemplate"))), worker, jar),
                    decode(p, "prompts", m -> DeclarationWire.prompt(m, r.prompt(Fields.string(m, "name")),
                            r.completer("prompt", Fields.string(m, "name"))), worker, jar)));
        }
        return List.copyOf(out);
    }

    private static <T> List<T> decode(Map<String, Object> plugin, String key, Function<Map<String, Object>, T> decoder,
                                      TenantWorker worker, String jar) {
        List<T> out = new ArrayList<>();
        for (Object o : Fields.optList(plugin, key)) {
            try {
                out.add(decoder.apply(Fields.asObject(o, key)));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Tenant " + worker.tenant() + ": a declaration among the " + key + " of " + jar
                        + " is skipped: " + e.getMessage());
            }
        }
        return out;
    }

    /** The forwarding code of one plugin in the worker. */
    private record Remote(TenantWorker worker, int index) {

        ToolResult tool(io.berth.sdk.ToolCall call, io.berth.sdk.ToolContext context) throws Exception {
            Map<String, Object> params = params();
            params.put("name", call.name());
            params.put("arguments", call.arguments());
            Object result = worker.call(Rpc.TOOLS_CALL, params, context, null);
            if (result == null) {
                return null;
            }
            try {
                return ResultWire.toolResult(Fields.asObject(result, "a tool result"));
            } catch (RuntimeException e) {
                return ToolResult.error("The tool returned a result Berth cannot send.");
            }
        }

        List<ResourceContents> read(String uri, io.berth.sdk.ToolContext context) throws Exception {
            Map<String, Object> params = params();
            params.put("uri", uri);
            return contents(worker.call(Rpc.RESOURCES_READ, params, context, null));
        }

        ResourceTemplate.Reader template(String uriTemplate) {
            return (uri, variables, context) -> {
                Map<String, Object> params = params();
                params.put("template", uriTemplate);
                params.put("uri", uri);
                params.put("variables", new LinkedHashMap<>(variables));
                return contents(worker.call(Rpc.RESOURCES_READ, params, context, null));
            };
        }

        Prompt.Handler prompt(String name) {
            return (arguments, context) -> {
                Map<String, Object> params = params();
                params.put("name", name);
                params.put("arguments", new LinkedHashMap<>(arguments));
                Object result = worker.call(Rpc.PROMPTS_GET, params, context, null);
                return result == null ? null : decoded(() -> ResultWire.promptResult(Fields.asObject(result,
                        "a prompt result")));
            };
        }

        /** {@code kind} is {@code prompt} or {@code template}. Completers cannot throw checked exceptions. */
        Completer completer(String kind, String key) {
            return (argument, prefix, others) -> {
                Map<String, Object> params = params();
                params.put(kind, key);
                params.put("argument", argument);
                params.put("prefix", prefix);
                params.put("context", new LinkedHashMap<>(others));
                Object result;
                try {
                    result = worker.call(Rpc.COMPLETE, params, null, null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("The completion was interrupted", e);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                if (result == null) {
                    return null;
                }
                try {
                    return InputWire.strings(Fields.list(Fields.asObject(result, "a completion"), "values"));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("The plugin's worker sent a malformed completion", e);
                }
            };
        }

        private Map<String, Object> params() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("plugin", index);
            return m;
        }

        private static List<ResourceContents> contents(Object result) throws WorkerCallException {
            return result == null ? null : decoded(() -> ResultWire.readContents(Fields.list(Fields.asObject(result,
                    "resource contents"), "contents")));
        }

        private static <T> T decoded(java.util.function.Supplier<T> decode) throws WorkerCallException {
            try {
                return decode.get();
            } catch (RuntimeException e) {
                throw new WorkerCallException(WorkerCallException.Reason.PROTOCOL,
                        "The plugin's worker sent a malformed answer.");
            }
        }
    }
}
