package io.berth.bench.peer;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark peer: the MCP Java SDK 2.1.0 on embedded Tomcat, one tool {@code echo} answering
 * {@code "Echo: <message>"} (the same text as Berth's conformance fixture), on two endpoints of one Tomcat:
 * <ul>
 *   <li>{@code /mcp}: {@link HttpServletStreamableServerTransportProvider} with {@code McpServer.sync(provider)}, the
 *       session era of Streamable HTTP ({@code initialize}, then calls carrying {@code Mcp-Session-Id}); answers
 *       every request as a {@code text/event-stream}.</li>
 *   <li>{@code /stateless/mcp}: {@link HttpServletStatelessServerTransport} with {@code McpServer.sync(transport)}
 *       (an {@link McpStatelessSyncServer}). The SDK has no 2026-07-28: this transport answers each POST on its own
 *       from a method-to-handler map, with no {@code initialize} and no session. It requires {@code Content-Type:
 *       application/json} and an {@code Accept} naming both {@code application/json} and {@code text/event-stream},
 *       checks no other header (its default header validator is a no-op), ignores {@code MCP-Protocol-Version},
 *       {@code Mcp-Method}, {@code Mcp-Name} and {@code params._meta}, and answers {@code application/json} with the
 *       2025-era result shape (no {@code resultType}).</li>
 * </ul>
 * Everything else is the SDK's and Tomcat's defaults (both servers: {@code immediateExecution false}, tool input
 * validation on).
 *
 * <p>Usage: {@code java -jar java-sdk-peer.jar <port> [bind address, default 127.0.0.1]}.
 */
public final class JavaSdkPeer {

    static final String SESSION_PATH = "/mcp";
    static final String STATELESS_PATH = "/stateless/mcp";

    private JavaSdkPeer() {
    }

    private static Tool echoTool() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("message", Map.of("type", "string"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of("message"));
        return Tool.builder().name("echo").description("Echoes back the message it is given").inputSchema(schema)
                .build();
    }

    private static CallToolResult echo(CallToolRequest request) {
        Object message = request.arguments() == null ? null : request.arguments().get("message");
        if (!(message instanceof String text)) {
            return CallToolResult.builder().addTextContent("message must be a string").isError(true).build();
        }
        return CallToolResult.builder().addTextContent("Echo: " + text).isError(false).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -jar java-sdk-peer.jar <port> [bind address]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String address = args.length > 1 ? args[1] : "127.0.0.1";

        HttpServletStreamableServerTransportProvider sessions = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(SESSION_PATH)
                .build();
        McpSyncServer sessionServer = McpServer.sync(sessions)
                .serverInfo("java-sdk-peer", "2.1.0")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(SyncToolSpecification.builder().tool(echoTool())
                        .callHandler((exchange, request) -> echo(request)).build())
                .build();

        HttpServletStatelessServerTransport stateless = HttpServletStatelessServerTransport.builder()
                .messageEndpoint(STATELESS_PATH)
                .build();
        McpStatelessSyncServer statelessServer = McpServer.sync(stateless)
                .serverInfo("java-sdk-peer", "2.1.0")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(McpStatelessServerFeatures.SyncToolSpecification.builder().tool(echoTool())
                        .callHandler((context, request) -> echo(request)).build())
                .build();

        Path baseDir = Files.createTempDirectory("java-sdk-peer-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();   // HTTP/1.1 NIO, Tomcat's defaults (200 threads, keep-alive)
        connector.setPort(port);
        connector.setProperty("address", address);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", null);
        Wrapper wrapper = Tomcat.addServlet(context, "mcp", sessions);
        wrapper.setAsyncSupported(true);   // the transport answers requests on an SSE stream (startAsync)
        context.addServletMappingDecoded(SESSION_PATH, "mcp");
        Tomcat.addServlet(context, "mcp-stateless", stateless);   // answers in doPost (Mono.block), no async
        context.addServletMappingDecoded(STATELESS_PATH, "mcp-stateless");

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sessionServer.closeGracefully();
                statelessServer.closeGracefully();
                tomcat.stop();
                tomcat.destroy();
                try (Stream<Path> files = Files.walk(baseDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            } catch (Exception e) {
                // shutting down anyway
            }
        }, "java-sdk-peer-shutdown"));

        tomcat.start();
        System.out.println("java-sdk-peer: MCP Java SDK 2.1.0 on Tomcat " + org.apache.catalina.util.ServerInfo
                .getServerNumber() + ", http://" + address + ":" + port + SESSION_PATH
                + " (session era) and " + STATELESS_PATH + " (stateless transport), pid " + ProcessHandle.current().pid());
        tomcat.getServer().await();
    }
}
