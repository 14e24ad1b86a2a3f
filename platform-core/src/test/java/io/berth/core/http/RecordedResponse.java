package io.berth.core.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** What an endpoint wrote: status, headers (names case-insensitive, last value wins), content type and body. */
public final class RecordedResponse {

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 200;
    private String contentType;

    /** The servlet view of this record; anything else an endpoint calls fails the test. */
    public HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(RecordedResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> contentType = (String) args[0];
                        case "setContentLength" -> { }
                        case "getOutputStream" -> {
                            return out;
                        }
                        case "toString" -> {
                            return "recorded response";
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String contentType() {
        return contentType;
    }

    public String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    /** Nothing written at all: the request went on. */
    public boolean untouched() {
        return status == 200 && headers.isEmpty() && contentType == null && body.size() == 0;
    }
}
