/**
 * A harness for unit-testing a plugin without Berth: {@link io.berth.sdk.testing.ToolTester} calls a plugin's tools,
 * prompts and resources the way Berth does, with a {@link io.berth.sdk.testing.TestContext} that records what the tool
 * reported (progress, log messages, status, catalog changes) and answers its input requests from a script. It depends
 * on the JDK only and makes no assertions: use those of your test framework on what it returns and records.
 *
 * <pre>{@code
 * ToolTester tester = ToolTester.forPlugin(new NotesPlugin());
 * ToolResult result = tester.call("search_notes", Map.of("query", "berth", "limit", 5));
 * assertFalse(result.isError());
 * }</pre>
 *
 * <p>Arguments take the same way as in Berth: through JSON (numbers arrive as {@code Long} or {@code BigDecimal}) and
 * the tool's own handler, so a typed tool's arguments are bound and validated by the very code that runs in Berth.
 * Tools with constraints need a Jakarta Validation provider on the test class path (Hibernate Validator).
 */
package io.berth.sdk.testing;
