/**
 * A Berth plugin offering the tools, prompts, resources and completions the official MCP conformance suite asks for
 * (<a href="https://github.com/modelcontextprotocol/conformance">modelcontextprotocol/conformance</a>).
 *
 * <p>Session era (suite 0.1.16, {@code src/scenarios/server/tools.ts}, {@code prompts.ts}, {@code resources.ts},
 * {@code utils.ts}, {@code elicitation-defaults.ts}, {@code elicitation-enums.ts}): names, texts and payloads are those
 * of the suite's own reference server ({@code examples/servers/typescript/everything-server.ts}), so Berth's results
 * can be compared with it scenario by scenario.
 *
 * <p>2026-07-28 and extensions (suite 0.2.0-alpha.12): {@code input-required-result.ts} ({@link
 * io.berth.examples.conformance.InputRequiredTools}, {@code InputRequiredFlowTools}, {@code InputRequiredPrompt}),
 * {@code stateless.ts} ({@code StatelessTools}, {@code CatalogChanges}), {@code tasks/*.ts} ({@code SlowCompute},
 * {@code TaskTools}), {@code http-standard-headers.ts} ({@code HeaderTool}) and {@code json-schema-2020-12.ts}. Keys,
 * messages and schemas are those the scenarios document; the protocol work those scenarios check (input_required
 * results, sealed request state, -32021, tasks, headers, subscriptions) is Berth's, not the plugin's.
 *
 * <p>It is also the smallest complete example of a plugin: built against {@code tool-sdk} alone, registered through
 * {@code META-INF/services/io.berth.sdk.ToolPlugin}, JSON as plain Java maps and lists. It uses every capability of
 * {@link io.berth.sdk.ToolContext} (progress, cancellation, log messages, sampling and elicitation, input requests by
 * key, task status, list-change announcements), tools with every {@link io.berth.sdk.TaskSupport}, and offers every
 * kind of thing a plugin can: tools, prompts, resources, a resource template and completers.
 */
package io.berth.examples.conformance;
