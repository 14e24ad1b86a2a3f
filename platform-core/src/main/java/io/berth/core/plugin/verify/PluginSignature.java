package io.berth.core.plugin.verify;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collection;
import java.util.Optional;

/**
 * A detached signature over the uploaded JAR's exact bytes, checked against the public keys a tenant registered. It
 * signs what the SHA-256 pins, the whole upload, rather than entries as {@code jarsigner} does, so nothing in the
 * archive is left out of it. The key's type picks the algorithm (Ed25519, EC with SHA-256, RSA with SHA-256), so a
 * signature cannot be presented under a weaker one.
 */
final class PluginSignature {

    private PluginSignature() {
    }

    /** Why the upload's signature is not acceptable, if it is not. Without registered keys none is required. */
    static Optional<String> problem(byte[] jar, byte[] signature, Collection<PublicKey> tenantKeys) {
        if (tenantKeys.isEmpty()) {
            return signature == null ? Optional.empty()
                    : Optional.of("the upload is signed, but the tenant has registered no keys to check it with");
        }
        if (signature == null) {
            return Optional.of("the tenant requires plugins signed by one of its registered keys");
        }
        boolean verified = tenantKeys.stream().anyMatch(key -> verifies(jar, signature, key));
        return verified ? Optional.empty()
                : Optional.of("the signature does not verify with any key the tenant registered");
    }

    private static boolean verifies(byte[] jar, byte[] signature, PublicKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(jar);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a key of the wrong kind or a malformed signature is simply not a match
        }
    }
}
