package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.fail;

import io.berth.sdk.ToolPlugin;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles plugin sources in memory with the JDK's javac against the SDK and the Jakarta Validation API (as plugin
 * projects do), so tests check exactly the bytecode javac emits (lambda and string-concatenation bootstraps, record
 * methods, switch maps, constraint annotations).
 */
final class InMemoryJavac {

    private InMemoryJavac() {
    }

    /** @param sources Java sources by binary class name; @return class files by internal name */
    static Map<String, byte[]> compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, source) -> units.add(new Source(name, source)));
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
             ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
                 @Override
                 public JavaFileObject getJavaFileForOutput(Location location, String className,
                                                            JavaFileObject.Kind kind, FileObject sibling) {
                     ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                     out.put(className.replace('.', '/'), bytes);
                     return new SimpleJavaFileObject(uri(className, kind), kind) {
                         @Override
                         public OutputStream openOutputStream() {
                             return bytes;
                         }
                     };
                 }
             }) {
            List<String> options = List.of("-proc:none", "-Xlint:none", "-classpath", sdkClasspath());
            if (!javac.getTask(null, files, diagnostics, options, null, units).call()) {
                fail("javac failed: " + diagnostics.getDiagnostics());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static String sdkClasspath() {
        return location(ToolPlugin.class) + java.io.File.pathSeparator
                + location(jakarta.validation.constraints.NotNull.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String className, JavaFileObject.Kind kind) {
        return URI.create("mem:///" + className.replace('.', '/') + kind.extension);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(uri(className, Kind.SOURCE), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
