/**
 * The Berth tool SDK: the public, versioned contract between plugin authors and Berth. It depends on the JDK only.
 * Tool, resource and prompt declarations and {@code ToolContext} arrive with the MCP engine and plugin runtime issues.
 */
package io.berth.sdk;
