/**
 * A Berth plugin offering the tools, prompts, resources and completions the official MCP conformance suite asks for
 * (<a href="https://github.com/modelcontextprotocol/conformance">modelcontextprotocol/conformance</a> 0.1.16,
 * {@code src/scenarios/server/tools.ts}, {@code prompts.ts}, {@code resources.ts}, {@code utils.ts},
 * {@code elicitation-defaults.ts}, {@code elicitation-enums.ts} and {@code json-schema-2020-12.ts}). Names, texts and
 * payloads are those of the suite's own reference server
 * ({@code examples/servers/typescript/everything-server.ts}), so Berth's results can be compared with it scenario by
 * scenario.
 *
 * <p>It is also the smallest complete example of a plugin: built against {@code tool-sdk} alone, registered through
 * {@code META-INF/services/io.berth.sdk.ToolPlugin}, JSON as plain Java maps and lists. It uses every capability of
 * {@link io.berth.sdk.ToolContext} (progress, cancellation, log messages, sampling and elicitation) and offers every
 * kind of thing a plugin can: tools, prompts, resources, a resource template and completers.
 */
package io.berth.examples.conformance;
