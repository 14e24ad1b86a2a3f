package io.berth.core.mcp;

import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;

/** An {@link HttpServletRequest} that only has headers (names case-insensitive, as in every servlet container). */
final class HeaderRequests {

    private HeaderRequests() {
    }

    /** {@code nameValuePairs}: name, value, name, value, ... */
    static HttpServletRequest with(String... nameValuePairs) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            headers.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(HeaderRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "toString" -> "request with headers " + headers;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
