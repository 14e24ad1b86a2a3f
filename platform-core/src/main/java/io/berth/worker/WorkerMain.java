package io.berth.worker;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The worker JVM's entry point: {@code java -cp <platform-core.jar>:<tool-sdk.jar> io.berth.worker.WorkerMain}. It
 * needs the JDK and the tool SDK only; nothing of Jakarta EE, MicroProfile or Hazelcast is on its class path.
 *
 * <p>stdin and stdout carry the protocol (newline-delimited JSON-RPC, see {@code io.berth.worker.wire}); stderr carries
 * diagnostics, which the host caps. {@code System.out} is pointed at stderr before any plugin loads, so a plugin that
 * prints cannot corrupt the protocol by accident. Settings arrive as system properties: {@code berth.worker.threads}
 * (calls in flight at once) and {@code berth.worker.max-message-bytes}.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        InputStream protocolIn = new FileInputStream(FileDescriptor.in);
        System.setOut(System.err);
        System.setIn(InputStream.nullInputStream());
        int threads = Integer.getInteger("berth.worker.threads", 16);
        int maxMessageBytes = Integer.getInteger("berth.worker.max-message-bytes", 16 << 20);
        WorkerServer server = new WorkerServer(protocolIn, protocolOut, threads, maxMessageBytes);
        try {
            server.run();
        } catch (Exception e) {
            HostLink.writeDiagnostic("the protocol stream failed: " + e.getMessage());
            Runtime.getRuntime().halt(2);
        }
        // stdin closed: the host lets this worker go. Calls in flight may still answer; the host kills the worker
        // when its grace is over.
        server.drain();
        Runtime.getRuntime().halt(0);
    }
}
