package io.berth.it;

import io.berth.sdk.ToolPlugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Plugin JARs built in the test, as a tenant would build them: sources compiled by the JDK's javac against the
 * {@code tool-sdk} classes on the test class path, packed with {@code META-INF/services/io.berth.sdk.ToolPlugin}.
 */
final class PluginJars {

    static final String SERVICE_FILE = "META-INF/services/" + ToolPlugin.class.getName();

    private PluginJars() {
    }

    /**
     * A plugin class {@code <pkg>.Plugin} whose {@code tools()} returns {@code tools} (a Java expression of type
     * {@code List<Tool>}), with {@code members} added to the class.
     */
    static byte[] plugin(String pkg, String tools, String members) {
        String source = """
                package %s;

                import io.berth.sdk.Tool;
                import io.berth.sdk.ToolPlugin;
                import io.berth.sdk.ToolResult;
                import java.util.List;

                public final class Plugin implements ToolPlugin {
                    @Override
                    public List<Tool> tools() {
                        return %s;
                    }

                %s
                }
                """.formatted(pkg, tools, members);
        return jar(compile(pkg + ".Plugin", source), pkg + ".Plugin");
    }

    /** A plugin with one tool that answers {@code answer} (the title is not pinned: it may change freely). */
    static byte[] textTool(String pkg, String tool, String title, String description, String answer) {
        return plugin(pkg, "List.of(Tool.builder(" + literal(tool) + ").title(" + literal(title) + ").description("
                + literal(description) + ").handler((call, context) -> ToolResult.text(" + literal(answer)
                + ")).build())", "");
    }

    /** A plugin with one tool {@code tool} whose handler runs {@code body} (statements ending in a return). */
    static byte[] toolRunning(String pkg, String tool, String body, String members) {
        return plugin(pkg, "List.of(Tool.builder(" + literal(tool) + ").description(\"test tool\").handler("
                + "(call, context) -> { " + body + " }).build())", members);
    }

    /** Packs class files (by entry path) with a service file naming {@code provider}. */
    static byte[] jar(Map<String, byte[]> classes, String provider) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SERVICE_FILE, (provider + "\n").getBytes(StandardCharsets.UTF_8));
        entries.putAll(classes);
        return entries(entries);
    }

    /** A JAR with exactly these entries (deflated, best compression), in order; names are not checked. */
    static byte[] entries(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Compiles one source; the class files by entry path ({@code a/b/C.class}, nested and synthetic ones too). */
    static Map<String, byte[]> compile(String className, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        JavaFileObject unit = new SimpleJavaFileObject(uri(className, JavaFileObject.Kind.SOURCE),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
             var files = new ForwardingJavaFileManager<>(standard) {
                 @Override
                 public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                            FileObject sibling) {
                     ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                     out.put(name.replace('.', '/') + kind.extension, bytes);
                     return new SimpleJavaFileObject(uri(name, kind), kind) {
                         @Override
                         public OutputStream openOutputStream() {
                             return bytes;
                         }
                     };
                 }
             }) {
            List<String> options = List.of("-proc:none", "-Xlint:none", "--release", "17", "-classpath", sdk());
            if (!javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call()) {
                throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    /** A Java string literal. */
    static String literal(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Where the tool-sdk classes are: its JAR or its classes directory, whichever the test class path has. */
    private static String sdk() {
        try {
            return Path.of(ToolPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String className, JavaFileObject.Kind kind) {
        return URI.create("mem:///" + className.replace('.', '/') + kind.extension);
    }
}
