package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A plugin written against the SDK's typed API (argument and result records with Jakarta Validation constraints,
 * descriptions, optionals, the safety checks) passes; the rest of Jakarta Validation, which would run plugin code in
 * the host's validation engine, does not.
 */
class TypedPluginIsAcceptedTest {

    private static final String PLUGIN = """
            package typed;

            import io.berth.sdk.Description;
            import io.berth.sdk.Tool;
            import io.berth.sdk.ToolException;
            import io.berth.sdk.ToolHints;
            import io.berth.sdk.ToolPlugin;
            import io.berth.sdk.ToolResult;
            import io.berth.sdk.safety.EmailDomains;
            import io.berth.sdk.safety.HtmlText;
            import io.berth.sdk.safety.Lengths;
            import io.berth.sdk.safety.ReadOnlySql;
            import io.berth.sdk.safety.SafeFileName;
            import jakarta.validation.Valid;
            import jakarta.validation.constraints.*;
            import java.math.BigDecimal;
            import java.net.URI;
            import java.time.LocalDate;
            import java.util.*;

            public final class TypedPlugin implements ToolPlugin {

                enum Order { ASC, DESC }

                @Description("A date range")
                record Range(@NotNull LocalDate from, Optional<@PastOrPresent LocalDate> to) {
                    Range {
                        if (to.isPresent() && to.get().isBefore(from)) {
                            throw new IllegalArgumentException("to must not be before from");
                        }
                    }
                }

                record Search(@Description("Words to look for") @NotBlank @Size(max = 200) String query,
                              @Min(1) @Max(50) int limit, Optional<Order> order, @Valid Optional<Range> range,
                              @Size(max = 5) List<@Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE)
                              String> tags, Map<String, @Positive BigDecimal> weights, OptionalInt page,
                              @Email String mailTo, URI source, UUID id, @AssertTrue boolean agreed) {
                }

                record Hit(String title, double score) {
                }

                record Found(List<Hit> hits, long total) {
                }

                private final EmailDomains domains = EmailDomains.withSubdomains("example.com");

                @Override
                public List<Tool> tools() {
                    return List.of(
                            Tool.builder("search").description("Searches notes").scopes("notes.read")
                                    .hints(new ToolHints(true, false, true, false))
                                    .arguments(Search.class).output(Found.class)
                                    .handler((search, context) -> {
                                        String to = domains.require(search.mailTo());
                                        String query = Lengths.truncate(HtmlText.toPlainText(search.query()), 100);
                                        return new Found(List.of(new Hit(query + " " + to, 1.0)), 1);
                                    }).build(),
                            Tool.builder("export").description("Exports").requiresApproval(true)
                                    .arguments(Search.class)
                                    .handler((search, context) -> {
                                        String file = SafeFileName.require(search.query() + ".csv");
                                        String sql = ReadOnlySql.require("SELECT * FROM notes");
                                        SafeFileName.problem(file).ifPresent(p -> {
                                            throw new IllegalArgumentException(p);
                                        });
                                        return ToolResult.text(file + " " + sql);
                                    }).build());
                }
            }
            """;

    @Test
    void aTypedPluginWithConstraintsIsAccepted() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("typed.TypedPlugin", PLUGIN);
        Verification verification = new PluginVerifier().verify(TestJars.compiledPlugin(sources));
        assertInstanceOf(Verification.Accepted.class, verification, verification::toString);
    }

    @Test
    void thePluginTemplateIsAccepted() throws IOException {
        Path target = Path.of("..", "examples", "plugin-template", "target");
        Optional<Path> jar = Optional.empty();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches("berth-plugin-template-[^-]+(-SNAPSHOT)?"
                        + "\\.jar")).findFirst();
            }
        }
        assumeTrue(jar.isPresent(), "build it first: mvn -pl examples/plugin-template -am package");
        Verification verification = new PluginVerifier().verify(Files.readAllBytes(jar.get()));
        assertInstanceOf(Verification.Accepted.class, verification, verification::toString);
    }

    @Test
    void theValidationEngineCustomConstraintsAndPayloadsAreRefused() {
        List<Violation> found = violations("""
                static Object factory() {
                    return jakarta.validation.Validation.buildDefaultValidatorFactory();
                }

                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                @jakarta.validation.Constraint(validatedBy = Check.class)
                @interface Custom {
                    String message() default "x";
                    Class<?>[] groups() default {};
                    Class<? extends jakarta.validation.Payload>[] payload() default {};
                }

                static final class Check implements jakarta.validation.ConstraintValidator<Custom, String> {
                    public boolean isValid(String value, jakarta.validation.ConstraintValidatorContext context) {
                        return true;
                    }
                }

                record Args(@jakarta.validation.constraints.NotNull(payload = jakarta.validation.valueextraction
                        .Unwrapping.Skip.class) String a) {
                }
                """);
        for (String reference : List.of("jakarta.validation.Validation", "jakarta.validation.Constraint",
                "jakarta.validation.ConstraintValidator", "jakarta.validation.valueextraction.Unwrapping$Skip")) {
            assertTrue(found.stream().anyMatch(v -> v.reference().startsWith(reference)
                            && v.rule().contains("only the built-in constraint annotations")),
                    () -> "expected a violation for " + reference + " in " + found);
        }
    }

    @Test
    void aPluginCannotPutClassesIntoJakartaValidation() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("jakarta.validation.constraints.Plugin", """
                package jakarta.validation.constraints;

                public final class Plugin implements io.berth.sdk.ToolPlugin {
                    public java.util.List<io.berth.sdk.Tool> tools() {
                        return java.util.List.of();
                    }
                }
                """);
        Verification.Rejected rejected = TestJars.rejected(TestJars.compiledPlugin(sources));
        assertTrue(rejected.problems().stream().anyMatch(p -> p.toString().contains("jakarta.validation.")),
                rejected::toString);
    }

    private static List<Violation> violations(String members) {
        String source = """
                package evil;

                import io.berth.sdk.Tool;
                import io.berth.sdk.ToolPlugin;
                import java.util.List;

                public class Plugin implements ToolPlugin {
                    @Override
                    public List<Tool> tools() {
                        return List.of();
                    }

                """ + members + "\n}\n";
        return TestJars.rejected(TestJars.compiledPlugin(Map.of("evil.Plugin", source))).violations();
    }
}
