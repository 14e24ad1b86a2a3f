package io.berth.worker;

import io.berth.sdk.EgressRequest;
import io.berth.sdk.EgressResponse;
import io.berth.sdk.HttpEgress;
import io.berth.sdk.ToolException;
import io.berth.worker.wire.EgressWire;
import io.berth.worker.wire.JsonException;

import java.util.Map;
import java.util.Objects;

/**
 * Outbound HTTP inside the worker, which has no network: the host sends each request ({@code context/http.send})
 * through the call's own egress, with the tenant's allow-list, address checks and budgets, and returns the response.
 */
final class RemoteEgress implements HttpEgress {

    private final RemoteContext context;

    RemoteEgress(RemoteContext context) {
        this.context = context;
    }

    @Override
    public EgressResponse send(EgressRequest request) throws ToolException {
        Objects.requireNonNull(request, "request");
        Map<String, Object> p = context.params();
        p.put("request", EgressWire.request(request));
        try {
            return EgressWire.response(context.askObject("http.send", p));
        } catch (JsonException e) {
            throw RemoteContext.malformed();
        }
    }
}
