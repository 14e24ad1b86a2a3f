package io.berth.core.capability.egress;

import io.berth.sdk.EgressResponse;
import io.berth.sdk.ToolException;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One HTTP/1.1 exchange on a connection Berth opened to an address it checked: the request goes out with
 * {@code Connection: close}, the response is read whole (status, headers, body by {@code Content-Length}, chunked or
 * until close), bounded in line length, header count, body size and time. Interim 1xx responses are skipped; a
 * protocol switch is refused.
 */
final class Http1Exchange {

    static final int MAX_LINE = 8192;
    static final int MAX_HEADER_BYTES = 65536;
    static final int MAX_HEADERS = 200;
    private static final int MAX_INTERIM = 10;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-connection", "proxy-authenticate");

    /** What the response may still use: its own cap and what is left of the call's byte budget. */
    interface Allowance {
        /** Takes {@code n} more response bytes or throws a {@link ToolException} naming the limit. */
        void take(long n) throws ToolException;
    }

    private final Reader in;
    private final OutputStream out;

    private Http1Exchange(Socket socket, long deadlineNanos, BooleanSupplier cancelled) throws IOException {
        this.in = new Reader(new BufferedInputStream(new DeadlineStream(socket, deadlineNanos, cancelled), 16384));
        this.out = socket.getOutputStream();
    }

    /** Sends the request and reads the whole response. */
    static EgressResponse exchange(Socket socket, long deadlineNanos, BooleanSupplier cancelled, byte[] head,
                                   byte[] body, boolean headRequest, Allowance allowance)
            throws IOException, ToolException {
        Http1Exchange x = new Http1Exchange(socket, deadlineNanos, cancelled);
        x.out.write(head);
        if (body != null) {
            x.out.write(body);
        }
        x.out.flush();
        return x.response(headRequest, allowance);
    }

    private EgressResponse response(boolean headRequest, Allowance allowance) throws IOException, ToolException {
        for (int interim = 0; ; interim++) {
            int status = statusLine(in.line());
            Map<String, List<String>> headers = headers();
            if (status == 101) {
                throw malformed("switched protocols, which Berth never asks for");
            }
            if (status >= 100 && status < 200) {
                if (interim >= MAX_INTERIM) {
                    throw malformed("sent too many interim responses");
                }
                continue;
            }
            byte[] body = headRequest || status == 204 || status == 304 ? new byte[0] : body(headers, allowance);
            HOP_BY_HOP.forEach(headers::remove);
            return new EgressResponse(status, headers, body);
        }
    }

    private static int statusLine(String line) throws ToolException {
        // HTTP/1.1 200 OK (the reason phrase may be empty or absent)
        if (line.length() >= 12 && (line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.0 "))
                && Character.isDigit(line.charAt(9)) && Character.isDigit(line.charAt(10))
                && Character.isDigit(line.charAt(11)) && (line.length() == 12 || line.charAt(12) == ' ')) {
            int status = Integer.parseInt(line.substring(9, 12));
            if (status >= 100) {
                return status;
            }
        }
        throw malformed("did not answer with an HTTP/1.1 status line");
    }

    private Map<String, List<String>> headers() throws IOException, ToolException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        long bytes = 0;
        for (String line = in.line(); !line.isEmpty(); line = in.line()) {
            bytes += line.length() + 2;
            if (++count > MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
                throw malformed("sent more headers than Berth accepts");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !Headers.isToken(line.substring(0, colon))) {
                throw malformed("sent a malformed header line");
            }
            headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    private byte[] body(Map<String, List<String>> headers, Allowance allowance) throws IOException, ToolException {
        List<String> encodings = headers.get("transfer-encoding");
        if (encodings != null) {
            String last = String.join(",", encodings).toLowerCase(Locale.ROOT);
            last = last.substring(last.lastIndexOf(',') + 1).strip();
            return last.equals("chunked") ? chunked(allowance) : untilClose(allowance);
        }
        List<String> lengths = headers.get("content-length");
        if (lengths != null) {
            return fixed(contentLength(lengths), allowance);
        }
        return untilClose(allowance);
    }

    private static long contentLength(List<String> values) throws ToolException {
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",")) {
                String p = part.strip();
                if (!p.matches("[0-9]{1,18}") || length != -1 && Long.parseLong(p) != length) {
                    throw malformed("sent an invalid Content-Length");
                }
                length = Long.parseLong(p);
            }
        }
        return length;
    }

    private byte[] fixed(long length, Allowance allowance) throws IOException, ToolException {
        allowance.take(length);
        byte[] body = new byte[(int) length];
        in.readFully(body);
        return body;
    }

    private byte[] chunked(Allowance allowance) throws IOException, ToolException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = in.line();
            int semicolon = line.indexOf(';');
            String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).strip();
            if (!hex.matches("[0-9a-fA-F]{1,15}")) {
                throw malformed("sent a malformed chunk");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                break;
            }
            allowance.take(size);
            byte[] chunk = new byte[(int) size];
            in.readFully(chunk);
            body.write(chunk);
            if (!in.line().isEmpty()) {
                throw malformed("sent a malformed chunk");
            }
        }
        int trailers = 0;
        while (!in.line().isEmpty()) {
            if (++trailers > MAX_HEADERS) {
                throw malformed("sent more trailers than Berth accepts");
            }
        }
        return body.toByteArray();
    }

    private byte[] untilClose(Allowance allowance) throws IOException, ToolException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            allowance.take(n);
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static ToolException malformed(String what) {
        return new ToolException("The server " + what);
    }

    /** Lines (CRLF, or a bare LF) of bounded length, and raw bytes, from the response. */
    private static final class Reader {
        private final InputStream in;

        Reader(InputStream in) {
            this.in = in;
        }

        String line() throws IOException, ToolException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("closed mid-line");
                }
                if (line.length() >= MAX_LINE) {
                    throw malformed("sent a line longer than " + MAX_LINE + " bytes");
                }
                line.append((char) b);
            }
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        }

        void readFully(byte[] into) throws IOException {
            int done = 0;
            while (done < into.length) {
                int n = in.read(into, done, into.length - done);
                if (n < 0) {
                    throw new EOFException("closed before the body ended");
                }
                done += n;
            }
        }

        int read(byte[] buffer) throws IOException {
            return in.read(buffer);
        }
    }

    /**
     * Gives every read the time left until the deadline, and stops when the call is cancelled, so that no read waits
     * longer than the exchange may take.
     */
    private static final class DeadlineStream extends FilterInputStream {
        private final Socket socket;
        private final long deadlineNanos;
        private final BooleanSupplier cancelled;

        DeadlineStream(Socket socket, long deadlineNanos, BooleanSupplier cancelled) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
            this.cancelled = cancelled;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return super.read(b, off, len);
        }

        private void arm() throws IOException {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CancelledException();
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("deadline");
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        }
    }

    /** The call was cancelled while the exchange was running. */
    static final class CancelledException extends IOException {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("cancelled");
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
