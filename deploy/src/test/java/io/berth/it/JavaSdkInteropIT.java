package io.berth.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.ProtocolVersions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

/**
 * The official MCP Java SDK (io.modelcontextprotocol.sdk:mcp, from Maven Central) talks to Berth over both HTTP
 * transports: nobody on this team wrote that client. {@code McpClient} below is Berth's own test client; the SDK's
 * builder is named in full in {@link #sdkClient}.
 */
class JavaSdkInteropIT {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> SESSION_ERA = List.of(ProtocolVersions.MCP_2025_11_25,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_03_26);

    private static String tenant;

    @BeforeAll
    static void fixtureTenant() {
        tenant = McpTenants.fixture();
    }

    @Test
    void streamableHttpClientListsCallsAndAnswersAnElicitation() {
        List<String> sessionIds = new CopyOnWriteArrayList<>();
        List<String> deletedSessions = new CopyOnWriteArrayList<>();
        WireTap wire = new WireTap(HttpClientStreamableHttpTransport.builder(BerthNodes.nodeA().toString())
                .endpoint("/t/" + tenant + "/mcp")
                .connectTimeout(CONNECT_TIMEOUT)
                .addHttpRequestCustomizer((request, method, uri, body, context) -> {
                    String session = request.copy().build().headers().firstValue("Mcp-Session-Id").orElse(null);
                    if (session != null) {
                        sessionIds.add(session);
                    }
                    if (method.equals("DELETE")) {
                        deletedSessions.add(session);
                    }
                })
                .build());
        List<ElicitFormRequest> elicitations = new CopyOnWriteArrayList<>();
        List<ProgressNotification> progressDelivered = new CopyOnWriteArrayList<>();
        McpSyncClient client = sdkClient(wire)
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    elicitations.add(request);
                    return new ElicitResult(ElicitResult.Action.ACCEPT,
                            Map.of("username", "ada", "email", "ada@example.com"));
                })
                .progressConsumer(progressDelivered::add)
                .build();

        use(client, sdk -> {
            McpSchema.InitializeResult init = sdk.initialize();
            System.out.println("MCP Java SDK negotiated protocol version " + init.protocolVersion()
                    + " over Streamable HTTP");
            assertTrue(SESSION_ERA.contains(init.protocolVersion()), init.protocolVersion());
            assertEquals("berth", init.serverInfo().name());
            assertNotNull(init.capabilities().tools(), "Berth announces tools");

            List<String> tools = toolNames(sdk);
            assertTrue(tools.containsAll(List.of("echo", "test_elicitation", "test_tool_with_progress")),
                    tools.toString());
            assertEcho(sdk);

            CallToolResult answered = sdk.callTool(call("test_elicitation", Map.of("message", "Who is calling?")));
            assertEquals(Boolean.FALSE, answered.isError(), answered.toString());
            String reply = text(answered);
            assertTrue(reply.contains("action=accept"), reply);
            assertTrue(reply.contains("ada@example.com"), reply);
            assertEquals(1, elicitations.size(), "one elicitation/create reached the SDK's handler");
            ElicitFormRequest asked = elicitations.get(0);
            assertEquals("Who is calling?", asked.message());
            assertInstanceOf(Map.class, asked.requestedSchema().get("properties"), asked.toString());
            assertTrue(((Map<?, ?>) asked.requestedSchema().get("properties")).keySet()
                    .containsAll(Set.of("username", "email")), asked.toString());

            McpError unknown = assertThrows(McpError.class,
                    () -> sdk.callTool(call("no_such_tool", Map.of())));
            assertEquals(-32602, unknown.getJsonRpcError().code(), unknown.toString());
            assertTrue(unknown.getJsonRpcError().message().contains("no_such_tool"), unknown.toString());

            CallToolResult progressed = sdk.callTool(CallToolRequest.builder("test_tool_with_progress")
                    .arguments(Map.of()).progressToken("java-sdk-progress").build());
            assertEquals(Boolean.FALSE, progressed.isError(), progressed.toString());
            // The wire order is what Berth sent; the SDK runs a sync client's progress consumers on a thread pool,
            // so they may see the same notifications in another order, and after callTool returned.
            assertEquals(List.of(0.0, 50.0, 100.0), wire.progress().stream().map(ProgressNotification::progress)
                    .toList(), "progress arrives in order, before the result");
            for (ProgressNotification p : wire.progress()) {
                assertEquals("java-sdk-progress", p.progressToken());
                assertEquals(100.0, p.total());
            }
            await("the SDK hands every progress notification to the application").atMost(Duration.ofSeconds(10))
                    .until(() -> progressDelivered.size() >= 3);
            assertEquals(List.of(0.0, 50.0, 100.0), progressDelivered.stream().map(ProgressNotification::progress)
                    .sorted().toList());
        });

        assertFalse(sessionIds.isEmpty(), "the SDK sent Berth's Mcp-Session-Id");
        String session = sessionIds.get(0);
        assertEquals(Set.of(session), Set.copyOf(sessionIds), "one session for the client's lifetime");
        assertEquals(List.of(session), deletedSessions, "closing the client ends its session with DELETE");
        McpClient berth = new McpClient(BerthNodes.nodeA(), tenant);
        berth.useSession(session);
        assertEquals(404, berth.request("tools/list", null).status(), "the SDK's DELETE ended the session");
    }

    @Test
    @SuppressWarnings("deprecation") // the SDK deprecates its HTTP+SSE transport along with the 2024-11-05 revision
    void sseClientListsAndCallsTools() {
        McpSyncClient client = sdkClient(HttpClientSseClientTransport.builder(BerthNodes.nodeA().toString())
                .sseEndpoint("/t/" + tenant + "/sse")
                .connectTimeout(CONNECT_TIMEOUT)
                .build()).build();

        use(client, sdk -> {
            McpSchema.InitializeResult init = sdk.initialize();
            System.out.println("MCP Java SDK negotiated protocol version " + init.protocolVersion()
                    + " over HTTP+SSE");
            assertEquals(ProtocolVersions.MCP_2024_11_05, init.protocolVersion(),
                    "the SDK's HTTP+SSE transport speaks 2024-11-05 only");
            assertEquals("berth", init.serverInfo().name());
            List<String> tools = toolNames(sdk);
            assertTrue(tools.contains("echo"), tools.toString());
            assertEcho(sdk);
        });
    }

    /**
     * The SDK as an agent with an API key, over HTTP+SSE: a token from Berth's token endpoint on every request (the
     * stream's GET and each POST, through the transport's request customizer), at a tenant that serves no agent
     * without one. The tool that needs {@code demo.write} is listed, callable, and knows who called.
     */
    @Test
    @SuppressWarnings("deprecation") // the SDK deprecates its HTTP+SSE transport along with the 2024-11-05 revision
    void sseClientWithABerthToken() {
        String secured = McpTenants.secured();
        Agents.ApiKey key = Agents.apiKey(secured, "demo.write");
        String token = Agents.token(key);
        McpSyncClient client = sdkClient(HttpClientSseClientTransport.builder(BerthNodes.nodeA().toString())
                .sseEndpoint("/t/" + secured + "/sse")
                .connectTimeout(CONNECT_TIMEOUT)
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + token))
                .build()).build();
        try {
            use(client, sdk -> {
                assertEquals(ProtocolVersions.MCP_2024_11_05, sdk.initialize().protocolVersion());
                List<String> tools = toolNames(sdk);
                assertTrue(tools.containsAll(List.of("echo", "scoped_echo")), tools.toString());
                assertEcho(sdk);
                CallToolResult scoped = sdk.callTool(call("scoped_echo", Map.of("message", "from Java")));
                assertEquals("Echo: from Java (subject=" + key.id() + ", client=" + key.id() + ", scopes=demo.write)",
                        text(scoped));
            });
        } finally {
            UsedCredentials.assertNoneLogged();
        }
        Http.Response anonymous = Http.get(BerthNodes.nodeA().resolve("/t/" + secured + "/sse"), "Accept",
                "text/event-stream");
        assertEquals(401, anonymous.status(), "the same stream without the token");
    }

    /** The SDK's sync client over {@code transport}, every wait bounded. */
    private static io.modelcontextprotocol.client.McpClient.SyncSpec sdkClient(McpClientTransport transport) {
        return io.modelcontextprotocol.client.McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("berth-java-sdk-it", "1.0.0").build())
                .requestTimeout(REQUEST_TIMEOUT)
                .initializationTimeout(REQUEST_TIMEOUT);
    }

    /** Runs the scenario, then closes the client gracefully; a failed scenario closes it at once. */
    private static void use(McpSyncClient client, Consumer<McpSyncClient> scenario) {
        try {
            scenario.accept(client);
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
        assertTrue(client.closeGracefully(), "the client closed within the SDK's close timeout");
    }

    private static List<String> toolNames(McpSyncClient sdk) {
        return sdk.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    private static void assertEcho(McpSyncClient sdk) {
        CallToolResult echo = sdk.callTool(call("echo", Map.of("message", "from the Java SDK")));
        assertEquals(Boolean.FALSE, echo.isError(), echo.toString());
        assertEquals("Echo: from the Java SDK", text(echo));
    }

    private static CallToolRequest call(String tool, Map<String, Object> arguments) {
        return CallToolRequest.builder(tool).arguments(arguments).build();
    }

    /** The single text content of a tool result. */
    private static String text(CallToolResult result) {
        assertEquals(1, result.content().size(), result.toString());
        return assertInstanceOf(McpSchema.TextContent.class, result.content().get(0), result.toString()).text();
    }

    /**
     * The SDK's transport, unchanged, except that it notes the progress notifications in the order they come off the
     * wire, before the SDK dispatches them.
     */
    private static final class WireTap implements McpClientTransport {

        private final McpClientTransport transport;
        private final List<ProgressNotification> progress = new CopyOnWriteArrayList<>();

        WireTap(McpClientTransport transport) {
            this.transport = transport;
        }

        List<ProgressNotification> progress() {
            return List.copyOf(progress);
        }

        @Override
        public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
            return transport.connect(incoming -> handler.apply(incoming.doOnNext(this::note)));
        }

        private void note(JSONRPCMessage message) {
            if (message instanceof McpSchema.JSONRPCNotification n
                    && n.method().equals(McpSchema.METHOD_NOTIFICATION_PROGRESS)) {
                progress.add(transport.unmarshalFrom(n.params(), new TypeRef<ProgressNotification>() {
                }));
            }
        }

        @Override
        public void setExceptionHandler(Consumer<Throwable> handler) {
            transport.setExceptionHandler(handler);
        }

        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            return transport.sendMessage(message);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return transport.closeGracefully();
        }

        @Override
        public void close() {
            transport.close();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return transport.unmarshalFrom(data, typeRef);
        }

        @Override
        public List<String> protocolVersions() {
            return transport.protocolVersions();
        }
    }
}
