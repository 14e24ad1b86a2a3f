package io.berth.core.plugin.worker;

import io.berth.sdk.ToolPlugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plugin JAR built the way a tenant builds one: javac against the SDK into a directory, then jarred with its
 * service file. Its tools exercise everything the worker tier must survive or forward.
 */
final class TestPluginJar {

    static final String PROVIDER = "test.worker.TestPlugin";

    private TestPluginJar() {
    }

    /** Compiles {@link #SOURCE} and writes {@code dir/test-plugin.jar}. */
    static Path build(Path dir) {
        return build(dir, PROVIDER, SOURCE, "test-plugin.jar");
    }

    /** Compiles {@code source} (the class {@code provider}) against the SDK and writes {@code dir/jarName}. */
    static Path build(Path dir, String provider, String source, String jarName) {
        try {
            String simpleName = provider.substring(provider.lastIndexOf('.') + 1);
            Path src = Files.createDirectories(dir.resolve("src").resolve(provider.substring(0,
                    provider.lastIndexOf('.')).replace('.', '/')));
            Path classes = Files.createDirectories(dir.resolve("classes-" + simpleName));
            Path file = src.resolve(simpleName + ".java");
            Files.writeString(file, source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, System.err, "-proc:none", "-Xlint:none", "-d", classes.toString(),
                    "-classpath", sdkLocation(), file.toString());
            if (rc != 0) {
                throw new IllegalStateException("javac failed: " + rc);
            }
            Path jar = dir.resolve(jarName);
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                 Stream<Path> files = Files.walk(classes)) {
                j.putNextEntry(new JarEntry("META-INF/services/" + ToolPlugin.class.getName()));
                j.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    j.write(Files.readAllBytes(f));
                    j.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sdkLocation() {
        try {
            return Path.of(ToolPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<String> TOOLS = List.of("echo", "refuse", "boom", "stubborn", "nap", "oom", "exit", "read",
            "connect", "status", "interact", "rendezvous", "write", "described", "nothing", "garbage", "spin", "threads");

    static final String SOURCE = """
            package test.worker;

            import io.berth.sdk.*;
            import java.io.*;
            import java.net.*;
            import java.nio.file.*;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;

            public class TestPlugin implements ToolPlugin {
                static final AtomicInteger ARRIVED = new AtomicInteger();

                static Tool tool(String name, ToolHandler h) {
                    return Tool.builder(name).description("test tool " + name).handler(h).build();
                }

                static String arg(ToolCall c, String key) {
                    Object v = c.arguments().get(key);
                    return v == null ? "" : v.toString();
                }

                @Override
                public List<Tool> tools() {
                    List<Tool> t = new ArrayList<>();
                    t.add(tool("echo", (c, ctx) -> new ToolResult(List.of(new Content.Text(arg(c, "text"))),
                            Map.of("echo", c.arguments(), "tenant", ctx.tenantId()), false)));
                    t.add(tool("refuse", (c, ctx) -> { throw new ToolException("refused: " + arg(c, "why")); }));
                    t.add(tool("boom", (c, ctx) -> { throw new IllegalStateException("secret detail"); }));
                    t.add(tool("stubborn", (c, ctx) -> {
                        while (true) {
                            try { Thread.sleep(1000); } catch (InterruptedException ignored) { }
                        }
                    }));
                    t.add(tool("nap", (c, ctx) -> {
                        long until = System.currentTimeMillis() + Long.parseLong(arg(c, "ms"));
                        while (System.currentTimeMillis() < until) {
                            if (ctx.cancelled()) {
                                return ToolResult.text("noticed the cancellation");
                            }
                            try { Thread.sleep(10); } catch (InterruptedException e) {
                                return ToolResult.text("interrupted");
                            }
                        }
                        return ToolResult.text("woke");
                    }));
                    t.add(tool("oom", (c, ctx) -> {
                        List<long[]> hog = new ArrayList<>();
                        while (true) { hog.add(new long[1 << 20]); }
                    }));
                    t.add(tool("exit", (c, ctx) -> { System.exit(7); return null; }));
                    t.add(tool("read", (c, ctx) -> {
                        try {
                            return ToolResult.text("READ:" + Files.readString(Path.of(arg(c, "path"))));
                        } catch (Exception e) {
                            return ToolResult.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }));
                    t.add(tool("connect", (c, ctx) -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(arg(c, "host"), Integer.parseInt(arg(c, "port"))), 2000);
                            return ToolResult.text("CONNECTED");
                        } catch (Exception e) {
                            return ToolResult.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }));
                    t.add(tool("status", (c, ctx) -> {
                        Map<String, Object> s = new LinkedHashMap<>();
                        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                            String[] kv = line.split(":\\\\s*", 2);
                            if (kv.length == 2) s.put(kv[0], kv[1]);
                        }
                        s.put("env", new TreeMap<>(System.getenv()).toString());
                        String[] root = new File("/").list(); Arrays.sort(root); s.put("root", Arrays.toString(root));
                        s.put("tmpdir", System.getProperty("java.io.tmpdir"));
                        s.put("maxMemory", Runtime.getRuntime().maxMemory());
                        return new ToolResult(List.of(), s, false);
                    }));
                    t.add(tool("interact", (c, ctx) -> {
                        ctx.progress(1, 3.0, "asking");
                        ctx.log(LogLevel.INFO, "test", new TreeMap<>(Map.of("step", 1, "list", List.of(true, 2.5))));
                        ctx.status("waiting for the user");
                        boolean can = ctx.canRequest(new InputRequest.Elicit("Name?", Map.of("type", "object")));
                        InputResponses answers = ctx.requestInput(Map.of("who",
                                new InputRequest.Elicit("Name?", Map.of("type", "object",
                                        "properties", Map.of("name", Map.of("type", "string"))))));
                        Elicitation who = answers.elicitation("who");
                        Elicitation direct = ctx.elicit("Sure?", Map.of("type", "object"));
                        List<Root> roots = ctx.listRoots();
                        boolean task = ctx.runAsTask();
                        ctx.listChanged(CatalogList.TOOLS);
                        ctx.resourceUpdated("test://static");
                        String refused;
                        try {
                            ctx.createMessage(Map.of("messages", List.of()));
                            refused = "no";
                        } catch (ToolException e) {
                            refused = e.getMessage();
                        }
                        ctx.progress(3, 3.0, "done");
                        return ToolResult.text("hello " + who.content().get("name") + ", " + direct.action()
                                + ", roots " + roots + ", can " + can + ", task " + task + ", sampling: " + refused);
                    }));
                    t.add(tool("rendezvous", (c, ctx) -> {
                        int n = Integer.parseInt(arg(c, "n"));
                        ARRIVED.incrementAndGet();
                        String ms = arg(c, "ms");
                        long until = System.currentTimeMillis() + (ms.isEmpty() ? 20_000 : Long.parseLong(ms));
                        while (ARRIVED.get() < n && System.currentTimeMillis() < until) {
                            Thread.sleep(5);
                        }
                        return ToolResult.text(ARRIVED.get() >= n ? "met" : "alone");
                    }));
                    t.add(tool("write", (c, ctx) -> {
                        long written = 0;
                        byte[] mb = new byte[1 << 20];
                        try (OutputStream out = Files.newOutputStream(Path.of(arg(c, "path")))) {
                            for (int i = 0; i < Integer.parseInt(arg(c, "mb")); i++) {
                                out.write(mb);
                                written += mb.length;
                            }
                            return ToolResult.text("WROTE " + written);
                        } catch (IOException e) {
                            return ToolResult.error("stopped after " + written + ": " + e.getMessage());
                        }
                    }));
                    t.add(Tool.builder("described").title("Described").description("a tool with everything")
                            .inputSchema(Map.of("type", "object", "properties", Map.of("q", Map.of("type", "string")),
                                    "required", List.of("q")))
                            .outputSchema(Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer"))))
                            .hints(new ToolHints(true, false, null, false)).taskSupport(TaskSupport.OPTIONAL)
                            .handler((c, ctx) -> new ToolResult(List.of(new Content.Image("aGk=", "image/png"),
                                    new Content.ResourceLink("test://static", "static", null, "text/plain"),
                                    new Content.EmbeddedResource("test://x", null, null, "aGk=")),
                                    Map.of("n", 42L, "big", new java.math.BigDecimal("1.50")), false))
                            .build());
                    t.add(tool("nothing", (c, ctx) -> null));
                    t.add(tool("garbage", (c, ctx) -> {
                        FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
                        raw.write("{\\"jsonrpc\\":\\"2.0\\",\\"id\\":1,\\"result\\":{}} trailing\\n".getBytes());
                        raw.flush();
                        Thread.sleep(5000);
                        return ToolResult.text("unreachable");
                    }));
                    t.add(tool("spin", (c, ctx) -> {
                        long until = System.nanoTime() + Long.parseLong(arg(c, "ms")) * 1_000_000L;
                        long n = 0;
                        while (System.nanoTime() < until) { n++; }
                        return ToolResult.text("SPUN " + n);
                    }));
                    t.add(tool("threads", (c, ctx) -> {
                        int started = 0;
                        Object lock = new Object();
                        List<Thread> all = new ArrayList<>();
                        try {
                            for (int i = 0; i < Integer.parseInt(arg(c, "n")); i++) {
                                Thread th = new Thread(() -> {
                                    synchronized (lock) {
                                        try { lock.wait(); } catch (InterruptedException e) { }
                                    }
                                });
                                th.setDaemon(true);
                                th.start();
                                all.add(th);
                                started++;
                            }
                            return ToolResult.text("STARTED " + started);
                        } catch (Throwable e) {
                            return ToolResult.error("stopped after " + started + ": " + e);
                        } finally {
                            synchronized (lock) { lock.notifyAll(); }
                        }
                    }));
                    return t;
                }

                @Override
                public List<Resource> resources() {
                    return List.of(new Resource("test://static", "static", "Static", null, "text/plain",
                            (uri, ctx) -> List.of(ResourceContents.text(uri, "text/plain", "static content"))));
                }

                @Override
                public List<ResourceTemplate> resourceTemplates() {
                    return List.of(new ResourceTemplate("test://items/{id}", "item", null, "an item", "text/plain",
                            (uri, vars, ctx) -> List.of(ResourceContents.text(uri, null, "item " + vars.get("id"))),
                            (arg, prefix, others) -> List.of("alpha", "beta", "albatross").stream()
                                    .filter(v -> v.startsWith(prefix)).toList()));
                }

                @Override
                public List<Prompt> prompts() {
                    return List.of(new Prompt("greet", "Greet", null,
                            List.of(new PromptArgument("name", "who", true)),
                            (args, ctx) -> new PromptResult("a greeting", List.of(
                                    PromptMessage.user(new Content.Text("Hello " + args.get("name"))))),
                            (arg, prefix, others) -> List.of(prefix + "-1", prefix + "-2")));
                }
            }
            """;
}
