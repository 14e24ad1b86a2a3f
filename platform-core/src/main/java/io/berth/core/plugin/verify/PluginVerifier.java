package io.berth.core.plugin.verify;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an uploaded plugin JAR before anything of it runs: the archive ({@link ArchiveInspector}), the descriptor,
 * an optional signature ({@link PluginSignature}) and the bytecode ({@link BytecodeVerifier}). It runs every check it
 * can and reports all findings together. It holds no state, so one instance serves concurrent uploads.
 */
public final class PluginVerifier {

    private final ArchiveLimits limits;

    public PluginVerifier() {
        this(ArchiveLimits.defaults());
    }

    public PluginVerifier(ArchiveLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Verifies an upload for a tenant that has registered no signing keys. */
    public Verification verify(byte[] jar) {
        return verify(jar, null, List.of());
    }

    /**
     * Verifies an upload. The caller must have bounded what it read to {@link ArchiveLimits#maxArchiveBytes()} (plus
     * one byte, to tell that the upload was larger).
     *
     * @param signature  detached signature over {@code jar}, or null
     * @param tenantKeys the keys the tenant registered; when there are any, a signature by one of them is required
     */
    public Verification verify(byte[] jar, byte[] signature, Collection<PublicKey> tenantKeys) {
        String sha256 = sha256(jar);
        ArchiveInspector.Inspection inspection = new ArchiveInspector(limits).inspect(jar);
        List<Problem> problems = new ArrayList<>(inspection.problems());
        PluginSignature.problem(jar, signature, tenantKeys).ifPresent(p -> problems.add(Problem.archive(p)));
        BytecodeVerifier.Report bytecode = BytecodeVerifier.verify(inspection.classFiles());
        problems.addAll(bytecode.problems());
        if (!problems.isEmpty() || !bytecode.violations().isEmpty()) {
            return new Verification.Rejected(sha256, problems, bytecode.violations(), bytecode.truncated());
        }
        return new Verification.Accepted(new PluginArchive(sha256, inspection.entries(), inspection.providers(),
                byBinaryName(inspection.classFiles()), wrap(inspection.resources())));
    }

    private static Map<String, ByteBuffer> byBinaryName(Map<String, byte[]> classFiles) {
        Map<String, ByteBuffer> classes = new LinkedHashMap<>();
        classFiles.forEach((entry, bytes) -> classes.put(
                entry.substring(0, entry.length() - ".class".length()).replace('/', '.'), ByteBuffer.wrap(bytes)));
        return classes;
    }

    private static Map<String, ByteBuffer> wrap(Map<String, byte[]> resources) {
        Map<String, ByteBuffer> wrapped = new LinkedHashMap<>();
        resources.forEach((name, bytes) -> wrapped.put(name, ByteBuffer.wrap(bytes)));
        return wrapped;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
