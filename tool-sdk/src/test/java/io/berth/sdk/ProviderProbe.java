package io.berth.sdk;

import jakarta.validation.constraints.NotBlank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Run by {@link ValidationProviderMissingTest} in a class loader that has the Jakarta Validation API but no provider. */
public final class ProviderProbe {

    record Plain(String name) {
    }

    record Constrained(@NotBlank String name) {
    }

    private ProviderProbe() {
    }

    /** For each tool, "ok" or the error result's text. */
    public static List<String> run() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (Tool tool : List.of(
                Tool.builder("plain").description("d").arguments(Plain.class)
                        .handler((a, c) -> ToolResult.text("ok")).build(),
                Tool.builder("constrained").description("d").arguments(Constrained.class)
                        .handler((a, c) -> ToolResult.text("ok")).build())) {
            ToolResult result = tool.handler().call(new ToolCall(tool.name(), Map.of("name", "x")), () -> "t");
            outcomes.add((result.isError() ? "error: " : "") + ((Content.Text) result.content().get(0)).text());
        }
        return outcomes;
    }
}
