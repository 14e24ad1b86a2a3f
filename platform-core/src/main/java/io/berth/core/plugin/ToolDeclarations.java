package io.berth.core.plugin;

import io.berth.sdk.Tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules a tool declaration must follow beyond what the SDK's own constructors check, applied when a plugin's
 * declarations are read. Today: {@code x-mcp-header} (2026-07-28), which makes clients copy an argument into an
 * {@code Mcp-Param-<name>} header; it is allowed only on a top-level string, integer or boolean property, with a name
 * that is a valid header token, used once per tool.
 */
public final class ToolDeclarations {

    private static final Pattern HEADER_TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    private static final Set<String> HEADER_TYPES = Set.of("string", "integer", "boolean");

    private ToolDeclarations() {
    }

    /** What is wrong with {@code tool}'s declaration; empty when nothing is. */
    public static List<String> problems(Tool tool) {
        List<String> problems = new ArrayList<>();
        Set<String> headers = new java.util.HashSet<>();
        if (tool.inputSchema().get("properties") instanceof Map<?, ?> properties) {
            for (Map.Entry<?, ?> p : properties.entrySet()) {
                if (!(p.getValue() instanceof Map<?, ?> property) || !property.containsKey("x-mcp-header")) {
                    continue;
                }
                Object header = property.get("x-mcp-header");
                if (!(header instanceof String h) || !HEADER_TOKEN.matcher(h).matches()) {
                    problems.add("x-mcp-header of '" + p.getKey() + "' must be a header name token");
                } else if (!headers.add(h.toLowerCase(java.util.Locale.ROOT))) {
                    problems.add("x-mcp-header '" + h + "' is used by more than one property");
                }
                if (!HEADER_TYPES.contains(String.valueOf(property.get("type")))) {
                    problems.add("x-mcp-header is allowed only on string, integer or boolean properties, not on '"
                            + p.getKey() + "'");
                }
            }
        }
        return problems;
    }
}
