/**
 * A Berth plugin offering the tools the official MCP conformance suite calls
 * (<a href="https://github.com/modelcontextprotocol/conformance">modelcontextprotocol/conformance</a> 0.1.16,
 * {@code src/scenarios/server/tools.ts} and {@code json-schema-2020-12.ts}). Names, texts and payloads are those of the
 * suite's own reference server ({@code examples/servers/typescript/everything-server.ts}), so Berth's results can be
 * compared with it scenario by scenario.
 *
 * <p>It is also the smallest complete example of a plugin: built against {@code tool-sdk} alone, registered through
 * {@code META-INF/services/io.berth.sdk.ToolPlugin}, JSON as plain Java maps and lists. Tools that need the server to
 * ask the client something (sampling, elicitation) or to send log notifications are missing: the SDK offers no way to
 * do either yet.
 */
package io.berth.examples.conformance;
