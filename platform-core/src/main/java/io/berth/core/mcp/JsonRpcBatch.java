package io.berth.core.mcp;

import java.util.List;

/**
 * What a POST body held: one message ({@code batch} false, one element) or a JSON-RPC batch, whose elements are each a
 * {@link JsonRpcMessage} or the {@link JsonRpcException} answering a malformed element.
 */
record JsonRpcBatch(boolean batch, List<Object> elements) {

    JsonRpcMessage single() {
        return (JsonRpcMessage) elements.get(0);
    }
}
