package io.berth.core.plugin.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plugin that uses the capabilities a worker reaches through the host: the caller, the data store, egress and
 * secrets. A refusal is answered as a tool error naming the exception's class and message (what the plugin saw), or
 * thrown on when the call passes {@code rethrow} (what the host sees of it).
 */
final class CapabilityPluginJar {

    static final String PROVIDER = "test.caps.CapsPlugin";

    private static Path jar;

    private CapabilityPluginJar() {
    }

    static synchronized Path jar() {
        if (jar == null) {
            try {
                Path dir = Files.createTempDirectory("berth-caps-plugin");
                dir.toFile().deleteOnExit();
                jar = TestPluginJar.build(dir, PROVIDER, SOURCE, "caps.jar");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jar;
    }

    static final String SOURCE = """
            package test.caps;

            import io.berth.sdk.*;
            import java.time.Duration;
            import java.util.*;

            public class CapsPlugin implements ToolPlugin {

                static String arg(ToolCall c, String key) {
                    Object v = c.arguments().get(key);
                    return v == null ? null : v.toString();
                }

                interface Body {
                    ToolResult run(ToolCall c, ToolContext ctx) throws ToolException;
                }

                /** A refusal: a tool error naming what the plugin caught, or thrown on with "rethrow". */
                static Tool tool(String name, Body body) {
                    return Tool.builder(name).description("capability tool " + name).handler((c, ctx) -> {
                        try {
                            return body.run(c, ctx);
                        } catch (ToolException e) {
                            if (c.arguments().containsKey("rethrow")) {
                                throw e;
                            }
                            return ToolResult.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }).build();
                }

                static String show(DataEntry e) {
                    return e.key() + "=" + e.value() + " v" + e.version()
                            + (e.expiresAt() == null ? "" : " until " + e.expiresAt());
                }

                static String data(DataStore d, ToolCall c) throws ToolException {
                    String key = arg(c, "key");
                    String value = arg(c, "value");
                    Duration ttl = arg(c, "ttl") == null ? null : Duration.parse(arg(c, "ttl"));
                    switch (arg(c, "op")) {
                        case "get": return d.get(key).map(CapsPlugin::show).orElse("none");
                        case "put": return show(d.put(key, value, ttl));
                        case "putIfAbsent": return d.putIfAbsent(key, value, ttl).map(CapsPlugin::show).orElse("none");
                        case "cas": return d.compareAndSet(key, Long.parseLong(arg(c, "version")), value, ttl)
                                .map(CapsPlugin::show).orElse("none");
                        case "delete": return String.valueOf(d.delete(key));
                        case "list": {
                            DataPage p = d.list(arg(c, "prefix"), Integer.parseInt(arg(c, "limit")), arg(c, "cursor"));
                            List<String> shown = new ArrayList<>();
                            p.entries().forEach(e -> shown.add(show(e)));
                            return shown + " next " + p.nextCursor();
                        }
                        case "unpaired": return show(d.put(key, "bad \\uD800 text"));
                        case "putRepeated": return show(d.put(key, "x".repeat(Integer.parseInt(arg(c, "size")))));
                        default: throw new IllegalArgumentException("op");
                    }
                }

                @Override
                public List<Tool> tools() {
                    return List.of(
                        tool("whoami", (c, ctx) -> {
                            Caller who = ctx.caller();
                            return ToolResult.text(who.subject() + "|" + who.clientId() + "|"
                                    + new TreeSet<>(who.scopes()));
                        }),
                        tool("data", (c, ctx) -> ToolResult.text(data(ctx.data(), c))),
                        tool("fetch", (c, ctx) -> {
                            EgressRequest.Builder b = EgressRequest.builder(
                                    arg(c, "method") == null ? "GET" : arg(c, "method"), arg(c, "url"));
                            if (arg(c, "body") != null) {
                                b.body(Base64.getDecoder().decode(arg(c, "body")));
                            }
                            if (arg(c, "header") != null) {
                                b.header(arg(c, "header"), arg(c, "headerValue"));
                                b.header(arg(c, "header"), "second");
                            }
                            if (arg(c, "secret") != null) {
                                Secret s = ctx.secret(arg(c, "secret"))
                                        .orElseThrow(() -> new ToolException("no such secret"));
                                System.out.println("sending with " + s);
                                b.header("Authorization", "Bearer " + s.reveal());
                            }
                            if (arg(c, "timeout") != null) {
                                b.timeout(Duration.parse(arg(c, "timeout")));
                            }
                            if (arg(c, "noRedirects") != null) {
                                b.followRedirects(false);
                            }
                            EgressResponse r = ctx.http().send(b.build());
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("status", (long) r.status());
                            out.put("headers", new TreeMap<>(r.headers()));
                            out.put("body", Base64.getEncoder().encodeToString(r.body()));
                            return new ToolResult(List.of(new Content.Text(r.text())), out, false);
                        }),
                        tool("secret", (c, ctx) -> ToolResult.text(ctx.secret(arg(c, "name"))
                                .map(s -> "present " + s + ", " + s.reveal().length() + " chars")
                                .orElse("absent")))
                    );
                }
            }
            """;
}
