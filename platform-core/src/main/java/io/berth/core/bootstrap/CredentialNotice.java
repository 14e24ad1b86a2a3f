package io.berth.core.bootstrap;

import io.berth.core.apikey.IssuedApiKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Hands first-start secrets to the person who started Berth, once: on the process's real standard output (not
 * {@code System.out}, which Liberty copies into messages.log — secrets never go into logs) and in an owner-only file
 * in the data directory for whoever missed the console. The file says to delete it once the secrets are stored.
 */
@ApplicationScoped
class CredentialNotice {

    static final String FILE_NAME = "initial-credentials.txt";
    private static final Logger LOG = Logger.getLogger(CredentialNotice.class.getName());

    @Inject
    BootstrapConfig config;

    void handOver(Optional<String> operatorToken, Optional<IssuedApiKey> demoKey) {
        StringBuilder text = new StringBuilder()
                .append("==================== Berth first start ====================\n");
        operatorToken.ifPresentOrElse(
                t -> text.append("Operator token (Authorization: Bearer ...): ").append(t).append('\n'),
                () -> text.append("Operator token: the one configured in berth.operator.token\n"));
        demoKey.ifPresent(k -> text.append("Demo tenant 'demo', API key: ").append(k.secret()).append('\n'));
        text.append("These are shown once and stored only as hashes. A copy is in ")
                .append(file()).append(":\ndelete it once you have stored them.\n")
                .append("===========================================================\n");
        writeFile(text.toString());
        @SuppressWarnings("resource") // the process's standard output must stay open
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        console.print(text);
        LOG.info(() -> "First-start credentials were printed to the console and written to " + file());
    }

    private Path file() {
        return config.dataDir().resolve(FILE_NAME);
    }

    private void writeFile(String text) {
        try {
            Files.createDirectories(config.dataDir());
            Path f = file();
            Files.deleteIfExists(f);
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(f, text, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warning("Could not write " + file() + ": " + e.getClass().getSimpleName()
                    + "; the credentials were printed to the console only");
        }
    }
}
