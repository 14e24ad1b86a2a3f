package io.berth.core.plugin.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.objectweb.asm.ClassReader;

/**
 * The bytecode allow-list: reads every class of the plugin with ASM and reports each reference outside the plugin,
 * the SDK and {@link JdkAllowList}. A class file that cannot be checked (unreadable, for a newer Java than this one,
 * under another name than its path says, or in a reserved package) is a {@link Problem}, not an exception.
 */
final class BytecodeVerifier {

    /** The major version of class files this JVM runs: 61 on Java 17. */
    static final int SUPPORTED_MAJOR = 44 + Runtime.version().feature();

    private static final int PREVIEW_MINOR = 0xffff;

    record Report(List<Problem> problems, List<Violation> violations, boolean truncated) {
    }

    private BytecodeVerifier() {
    }

    /** @param classFiles class files by entry path ({@code com/acme/Tool.class}) */
    static Report verify(Map<String, byte[]> classFiles) {
        // Classes in reserved packages count as the plugin's own too: they are reported and reject the JAR anyway,
        // and treating them as foreign would only repeat that for every reference to them.
        Set<String> own = classFiles.keySet().stream().map(BytecodeVerifier::internalName).collect(Collectors.toSet());
        References references = new References(own);
        Violations violations = new Violations();
        List<Problem> problems = new ArrayList<>();
        new TreeMap<>(classFiles).forEach((entry, bytes) -> scan(entry, bytes, references, violations, problems));
        return new Report(problems, violations.list(), violations.truncated());
    }

    private static void scan(String entry, byte[] bytes, References references, Violations violations,
                             List<Problem> problems) {
        String expected = internalName(entry);
        if (bytes.length < 10 || readInt(bytes, 0) != 0xcafebabe) {
            problems.add(new Problem(entry, "not a class file"));
            return;
        }
        int minor = readShort(bytes, 4);
        int major = readShort(bytes, 6);
        if (major > SUPPORTED_MAJOR || minor == PREVIEW_MINOR) {
            problems.add(new Problem(entry, "compiled for " + (minor == PREVIEW_MINOR ? "preview features of " : "")
                    + "Java " + (major - 44) + "; Berth runs Java " + Runtime.version().feature()));
            return;
        }
        try {
            ClassReader reader = new ClassReader(bytes);
            if (!reader.getClassName().equals(expected)) {
                problems.add(new Problem(entry, "declares class " + References.binaryName(reader.getClassName())
                        + ", which does not match its path"));
                return;
            }
            JdkAllowList.reservedPackage(expected).ifPresent(pkg -> problems.add(new Problem(entry,
                    "plugin classes may not be put into " + References.binaryName(pkg) + "*")));
            reader.accept(new ClassScan(references, violations), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // ASM reports damaged class files with whatever runtime exception the damage leads to.
            problems.add(new Problem(entry, "not a readable class file"));
        }
    }

    private static String internalName(String entry) {
        return entry.substring(0, entry.length() - ".class".length());
    }

    private static int readShort(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    private static int readInt(byte[] bytes, int at) {
        return readShort(bytes, at) << 16 | readShort(bytes, at + 2);
    }
}
