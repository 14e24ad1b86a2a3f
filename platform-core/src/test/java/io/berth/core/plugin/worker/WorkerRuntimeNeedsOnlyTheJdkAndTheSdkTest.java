package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.worker.WorkerMain;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The worker JVM's class path is platform-core and tool-sdk alone: every class of {@code io.berth.worker} may refer
 * only to the JDK ({@code java.*}), the SDK and itself, never to Jakarta EE, MicroProfile, Hazelcast or the rest of
 * platform-core. Read from the constant pools, so paths no test happens to run are covered too.
 */
class WorkerRuntimeNeedsOnlyTheJdkAndTheSdkTest {

    private static final int CONSTANT_UTF8 = 1;
    private static final int CONSTANT_CLASS = 7;

    @Test
    void workerClassesReferToTheJdkTheSdkAndThemselvesOnly() throws Exception {
        List<Path> classes = workerClasses();
        assertTrue(classes.size() > 10, "found " + classes);
        TreeSet<String> foreign = new TreeSet<>();
        for (Path c : classes) {
            byte[] bytes = Files.readAllBytes(c);
            ClassReader reader = new ClassReader(bytes);
            char[] buf = new char[reader.getMaxStringLength()];
            for (int i = 1; i < reader.getItemCount(); i++) {
                int offset = reader.getItem(i);
                if (offset == 0) {
                    continue; // second slot of a long or double
                }
                int tag = bytes[offset - 1];
                if (tag == CONSTANT_CLASS) {
                    String type = reader.readUTF8(offset, buf).replaceFirst("^\\[+L?", "").replace(";", "");
                    if (type.length() > 1 && !allowed(type)) {
                        foreign.add(reader.getClassName() + " -> " + type);
                    }
                } else if (tag == CONSTANT_UTF8) {
                    int length = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
                    String text = new String(bytes, offset + 2, length, java.nio.charset.StandardCharsets.UTF_8);
                    for (String banned : List.of("jakarta/", "javax/json", "org/eclipse/", "com/hazelcast/",
                            "io/berth/core/", "org/flywaydb/", "org/objectweb/")) {
                        if (text.contains(banned)) {
                            foreign.add(reader.getClassName() + " mentions " + text);
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), foreign);
    }

    private static boolean allowed(String type) {
        return type.startsWith("java/") || type.startsWith("io/berth/worker/") || type.startsWith("io/berth/sdk/");
    }

    private static List<Path> workerClasses() throws IOException, URISyntaxException {
        Path root = Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve("io/berth/worker");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(out::add);
        }
        return out;
    }
}
