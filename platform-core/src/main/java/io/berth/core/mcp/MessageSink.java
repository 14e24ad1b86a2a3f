package io.berth.core.mcp;

/**
 * Where the messages of one request go: its own POST response (Streamable HTTP), or the session's event stream
 * (legacy HTTP+SSE, where every answer travels on the stream).
 */
interface MessageSink {

    /** A notification or request related to the running call. */
    void send(String message);

    /** The final response; nothing is sent after it. */
    void finish(String message);
}
