package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A tenant that registered keys gets only plugins signed by one of them. */
class PluginSignatureTest {

    private static final byte[] JAR = TestJars.compiledPlugin(Map.of("p.Plugin", """
            package p;

            public class Plugin implements io.berth.sdk.ToolPlugin {
                public java.util.List<io.berth.sdk.Tool> tools() {
                    return java.util.List.of();
                }
            }
            """));

    private final KeyPair tenantKey = keyPair("Ed25519");
    private final PluginVerifier verifier = new PluginVerifier();

    private static KeyPair keyPair(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(byte[] data, KeyPair key, String algorithm) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key.getPrivate());
        signer.update(data);
        return signer.sign();
    }

    private List<String> problems(Verification verification) {
        return assertInstanceOf(Verification.Rejected.class, verification).problems().stream()
                .map(Problem::message).toList();
    }

    @Test
    void aSignatureByARegisteredKeyIsAccepted() throws GeneralSecurityException {
        KeyPair ec = keyPair("EC");
        byte[] signature = sign(JAR, ec, "SHA256withECDSA");

        assertInstanceOf(Verification.Accepted.class,
                verifier.verify(JAR, signature, List.of(tenantKey.getPublic(), ec.getPublic())));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws GeneralSecurityException {
        byte[] signature = sign(JAR, keyPair("Ed25519"), "Ed25519");

        assertEquals(List.of("the signature does not verify with any key the tenant registered"),
                problems(verifier.verify(JAR, signature, List.of(tenantKey.getPublic()))));
    }

    @Test
    void aSignatureOverOtherBytesIsRefused() throws GeneralSecurityException {
        byte[] signature = sign(new byte[] {1, 2, 3}, tenantKey, "Ed25519");

        assertEquals(List.of("the signature does not verify with any key the tenant registered"),
                problems(verifier.verify(JAR, signature, List.of(tenantKey.getPublic()))));
    }

    @Test
    void anUnsignedUploadIsRefusedWhenTheTenantRegisteredKeys() {
        assertEquals(List.of("the tenant requires plugins signed by one of its registered keys"),
                problems(verifier.verify(JAR, null, List.of(tenantKey.getPublic()))));
    }

    @Test
    void theSha256OfTheUploadIsRecordedEvenWhenRejected() {
        Verification verification = verifier.verify(JAR, null, List.of(tenantKey.getPublic()));

        assertEquals(PluginVerifier.sha256(JAR), verification.sha256());
        assertEquals(64, verification.sha256().length());
    }
}
