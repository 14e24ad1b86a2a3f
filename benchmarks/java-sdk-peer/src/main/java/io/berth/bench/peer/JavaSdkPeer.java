package io.berth.bench.peer;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
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
 * The benchmark peer: the MCP Java SDK's {@link HttpServletStreamableServerTransportProvider} (session era, Streamable
 * HTTP) on embedded Tomcat, one endpoint {@code /mcp} with one tool {@code echo} answering {@code "Echo: <message>"},
 * the same text as Berth's conformance fixture. Everything else is the SDK's and Tomcat's defaults.
 *
 * <p>Usage: {@code java -jar java-sdk-peer.jar <port> [bind address, default 127.0.0.1]}.
 */
public final class JavaSdkPeer {

    private JavaSdkPeer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -jar java-sdk-peer.jar <port> [bind address]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String address = args.length > 1 ? args[1] : "127.0.0.1";

        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .build();

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("message", Map.of("type", "string"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of("message"));

        SyncToolSpecification echo = SyncToolSpecification.builder()
                .tool(Tool.builder().name("echo").description("Echoes back the message it is given")
                        .inputSchema(schema).build())
                .callHandler((exchange, request) -> {
                    Object message = request.arguments() == null ? null : request.arguments().get("message");
                    if (!(message instanceof String text)) {
                        return CallToolResult.builder().addTextContent("message must be a string").isError(true)
                                .build();
                    }
                    return CallToolResult.builder().addTextContent("Echo: " + text).isError(false).build();
                })
                .build();

        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("java-sdk-peer", "2.1.0")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(echo)
                .build();

        Path baseDir = Files.createTempDirectory("java-sdk-peer-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();   // HTTP/1.1 NIO, Tomcat's defaults (200 threads, keep-alive)
        connector.setPort(port);
        connector.setProperty("address", address);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", null);
        Wrapper wrapper = Tomcat.addServlet(context, "mcp", transport);
        wrapper.setAsyncSupported(true);   // the transport answers requests on an SSE stream (startAsync)
        context.addServletMappingDecoded("/mcp", "mcp");

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.closeGracefully();
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
                .getServerNumber() + ", http://" + address + ":" + port + "/mcp, pid " + ProcessHandle.current().pid());
        tomcat.getServer().await();
    }
}
