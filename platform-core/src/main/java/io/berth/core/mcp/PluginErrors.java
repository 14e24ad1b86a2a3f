package io.berth.core.mcp;

import io.berth.core.plugin.PluginCallException;

import java.util.concurrent.CompletionException;

/** Turns a failed plugin call behind a protocol method (resources/read, prompts/get, ...) into a JSON-RPC error. */
final class PluginErrors {

    private PluginErrors() {
    }

    static JsonRpcException toJsonRpc(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof JsonRpcException e) {
            return e;
        }
        if (t instanceof PluginCallException e) {
            return JsonRpcException.of(JsonRpcError.INTERNAL_ERROR, e.getMessage());
        }
        return JsonRpcException.of(JsonRpcError.INTERNAL_ERROR, "Internal error");
    }
}
