package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Each hostile behaviour, written as a plugin author would write it and compiled by javac, is refused with a violation
 * naming the class, the method and the reference.
 */
class HostileBytecodeIsRejectedTest {

    /** Compiles a plugin class with {@code members} added and returns the violations found in it. */
    private static List<Violation> violations(String members) {
        String source = """
                package evil;

                import io.berth.sdk.Tool;
                import io.berth.sdk.ToolPlugin;
                import java.util.List;

                public class Plugin implements ToolPlugin {
                    @Override
                    public List<Tool> tools() {
                        return List.of();
                    }

                """ + members + "\n}\n";
        return TestJars.rejected(TestJars.compiledPlugin(Map.of("evil.Plugin", source))).violations();
    }

    private static void assertRefused(String members, String method, String reference) {
        List<Violation> found = violations(members);
        assertTrue(found.stream().anyMatch(v -> v.className().startsWith("evil.Plugin")
                        && v.method().equals(method) && v.reference().equals(reference) && !v.rule().isBlank()),
                () -> "expected " + method + " -> " + reference + " in " + found);
    }

    @Test
    void systemExit() {
        assertRefused("void run() { System.exit(1); }", "run()V", "java.lang.System.exit(I)V");
    }

    @Test
    void runtimeExec() {
        assertRefused("void run() throws Exception { Runtime.getRuntime().exec(\"id\"); }", "run()V",
                "java.lang.Runtime.getRuntime()Ljava/lang/Runtime;");
    }

    @Test
    void processBuilder() {
        assertRefused("void run() throws Exception { new ProcessBuilder(\"id\").start(); }", "run()V",
                "java.lang.ProcessBuilder");
    }

    @Test
    void fileInputStream() {
        assertRefused("int run() throws Exception { return new java.io.FileInputStream(\"/etc/passwd\").read(); }",
                "run()I", "java.io.FileInputStream");
    }

    @Test
    void nioFiles() {
        assertRefused("String run() throws Exception { return java.nio.file.Files.readString("
                        + "java.nio.file.Path.of(\"/etc/passwd\")); }", "run()Ljava/lang/String;",
                "java.nio.file.Files.readString(Ljava/nio/file/Path;)Ljava/lang/String;");
    }

    @Test
    void socket() {
        assertRefused("void run() throws Exception { new java.net.Socket(\"example.com\", 80).close(); }", "run()V",
                "java.net.Socket");
    }

    @Test
    void classForName() {
        assertRefused("Object run() throws Exception { return Class.forName(\"java.lang.Runtime\"); }",
                "run()Ljava/lang/Object;", "java.lang.Class.forName(Ljava/lang/String;)Ljava/lang/Class;");
    }

    @Test
    void getDeclaredMethodAndSetAccessible() {
        String members = """
                void run() throws Exception {
                    java.lang.reflect.Method m = String.class.getDeclaredMethod("value");
                    m.setAccessible(true);
                }
                """;
        assertRefused(members, "run()V",
                "java.lang.Class.getDeclaredMethod(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;");
        assertRefused(members, "run()V", "java.lang.reflect.Method.setAccessible(Z)V");
    }

    @Test
    void unsafe() {
        assertRefused("Object run() { return sun.misc.Unsafe.getUnsafe(); }", "run()Ljava/lang/Object;",
                "sun.misc.Unsafe.getUnsafe()Lsun/misc/Unsafe;");
    }

    @Test
    void methodHandlesLookup() {
        assertRefused("Object run() { return java.lang.invoke.MethodHandles.lookup(); }", "run()Ljava/lang/Object;",
                "java.lang.invoke.MethodHandles.lookup()Ljava/lang/invoke/MethodHandles$Lookup;");
    }

    @Test
    void threadStart() {
        String members = "void run() { new Thread(() -> { }).start(); }";
        assertRefused(members, "run()V", "java.lang.Thread.<init>(Ljava/lang/Runnable;)V");
        assertRefused(members, "run()V", "java.lang.Thread.start()V");
    }

    @Test
    void threadSubclass() {
        assertRefused("static class Worker extends Thread { }", "<class>", "java.lang.Thread");
    }

    @Test
    void executors() {
        assertRefused("Object run() { return java.util.concurrent.Executors.newFixedThreadPool(2); }",
                "run()Ljava/lang/Object;",
                "java.util.concurrent.Executors.newFixedThreadPool(I)Ljava/util/concurrent/ExecutorService;");
    }

    @Test
    void commonPoolThroughParallelStreamsAndAsyncFutures() {
        String members = """
                long count() { return List.of(1, 2).parallelStream().count(); }
                Object async() { return java.util.concurrent.CompletableFuture.supplyAsync(() -> 1); }
                long flagged(Iterable<String> it, boolean parallel) {
                    return java.util.stream.StreamSupport.stream(it.spliterator(), parallel).count();
                }
                """;
        assertRefused(members, "count()J", "java.util.List.parallelStream()Ljava/util/stream/Stream;");
        assertRefused(members, "async()Ljava/lang/Object;", "java.util.concurrent.CompletableFuture.supplyAsync"
                + "(Ljava/util/function/Supplier;)Ljava/util/concurrent/CompletableFuture;");
        assertRefused(members, "flagged(Ljava/lang/Iterable;Z)J", "java.util.stream.StreamSupport.stream"
                + "(Ljava/util/Spliterator;Z)Ljava/util/stream/Stream;");
    }

    @Test
    void urlClassLoader() {
        assertRefused("Object run() { return new java.net.URLClassLoader(new java.net.URL[0]); }",
                "run()Ljava/lang/Object;", "java.net.URLClassLoader");
    }

    @Test
    void nativeMethod() {
        assertRefused("native void peek();", "peek()V", "evil.Plugin.peek()V");
    }

    @Test
    void finalizer() {
        assertRefused("@Override protected void finalize() { }", "finalize()V", "evil.Plugin.finalize()V");
    }

    @Test
    void serializationHook() {
        String members = """
                static final class Gadget implements java.io.Serializable {
                    private void readObject(java.io.ObjectInputStream in) throws Exception {
                        in.defaultReadObject();
                    }
                }
                """;
        assertRefused(members, "readObject(Ljava/io/ObjectInputStream;)V",
                "evil.Plugin$Gadget.readObject(Ljava/io/ObjectInputStream;)V");
        assertRefused(members, "readObject(Ljava/io/ObjectInputStream;)V",
                "java.io.ObjectInputStream.defaultReadObject()V");
    }

    @Test
    void localeSetDefault() {
        assertRefused("void run() { java.util.Locale.setDefault(java.util.Locale.US); }", "run()V",
                "java.util.Locale.setDefault(Ljava/util/Locale;)V");
    }

    @Test
    void systemGetenvAndGetProperty() {
        String members = """
                String env() { return System.getenv("HOME"); }
                String property() { return System.getProperty("user.home"); }
                """;
        assertRefused(members, "env()Ljava/lang/String;", "java.lang.System.getenv(Ljava/lang/String;)Ljava/lang/String;");
        assertRefused(members, "property()Ljava/lang/String;",
                "java.lang.System.getProperty(Ljava/lang/String;)Ljava/lang/String;");
    }

    @Test
    void standardOutputAndPrintStackTrace() {
        String members = """
                void out() { System.out.println("hi"); }
                void trace(RuntimeException e) { e.printStackTrace(); }
                """;
        assertRefused(members, "out()V", "java.lang.System.out:Ljava/io/PrintStream;");
        assertRefused(members, "trace(Ljava/lang/RuntimeException;)V", "java.lang.RuntimeException.printStackTrace()V");
    }

    @Test
    void methodReferenceToARefusedMember() {
        assertRefused("java.util.function.IntConsumer exit() { return System::exit; }",
                "exit()Ljava/util/function/IntConsumer;", "java.lang.System.exit(I)V");
    }
}
