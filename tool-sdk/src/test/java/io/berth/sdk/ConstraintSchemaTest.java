package io.berth.sdk;

import static io.berth.sdk.TypedSchemaTest.property;
import static io.berth.sdk.TypedSchemaTest.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Jakarta Validation constraints become JSON Schema keywords; misplaced ones are refused at declaration. */
class ConstraintSchemaTest {

    record Strings(@NotBlank String name, @NotEmpty String code, @Size(min = 2, max = 10) String word,
                   @Size(max = 5) @NotBlank String shortWord, @Pattern(regexp = "[a-z]+") String lower,
                   @Pattern(regexp = "[a-z]+") @Pattern(regexp = ".*x.*") String twoPatterns,
                   @Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE) String flagged,
                   @Email String mail, @NotNull String plain) {
    }

    record Numbers(@Min(1) @Max(100) int limit, @Positive long count, @PositiveOrZero int offset,
                   @Negative BigDecimal debt, @DecimalMin(value = "0.5", inclusive = false) @DecimalMax("99.5")
                   double ratio, @Min(1) @Positive @Min(3) int strictest, @DecimalMin("0") @Positive int tie) {
    }

    record Containers(@NotEmpty @Size(max = 3) List<@NotBlank @Size(max = 20) String> tags,
                      @Size(min = 1) Map<String, @Positive Integer> counts,
                      Optional<@Size(max = 8) String> nick, @AssertTrue boolean agreed, @Past LocalDate born) {
    }

    @Test
    void stringConstraints() {
        assertEquals(Map.of("type", "string", "minLength", 1), property(Strings.class, "name"));
        assertEquals(Map.of("type", "string", "minLength", 1), property(Strings.class, "code"));
        assertEquals(Map.of("type", "string", "minLength", 2, "maxLength", 10), property(Strings.class, "word"));
        assertEquals(Map.of("type", "string", "minLength", 1, "maxLength", 5), property(Strings.class, "shortWord"));
        assertEquals(Map.of("type", "string", "format", "email"), property(Strings.class, "mail"));
        assertEquals(Map.of("type", "string"), property(Strings.class, "plain"));
    }

    @Test
    void patternsAreAnchoredCombinedAndLeftOutWithFlags() {
        assertEquals("^(?:[a-z]+)$", property(Strings.class, "lower").get("pattern"));
        assertEquals(List.of(Map.of("pattern", "^(?:[a-z]+)$"), Map.of("pattern", "^(?:.*x.*)$")),
                property(Strings.class, "twoPatterns").get("allOf"));
        assertEquals(Map.of("type", "string"), property(Strings.class, "flagged"));
    }

    @Test
    void numericBoundsWithTheirInclusiveness() {
        assertEquals(Map.of("type", "integer", "minimum", 1L, "maximum", 100L), property(Numbers.class, "limit"));
        assertEquals(Map.of("type", "integer", "exclusiveMinimum", 0L), property(Numbers.class, "count"));
        assertEquals(Map.of("type", "integer", "minimum", 0L), property(Numbers.class, "offset"));
        assertEquals(Map.of("type", "number", "exclusiveMaximum", 0L), property(Numbers.class, "debt"));
        assertEquals(Map.of("type", "number", "exclusiveMinimum", new BigDecimal("0.5"), "maximum",
                new BigDecimal("99.5")), property(Numbers.class, "ratio"));
    }

    @Test
    void severalBoundsCombineToTheStrictest() {
        assertEquals(Map.of("type", "integer", "minimum", 3L), property(Numbers.class, "strictest"));
        assertEquals(Map.of("type", "integer", "exclusiveMinimum", 0L), property(Numbers.class, "tie"));
    }

    @Test
    void constraintsOnContainersAndOnTheirItems() {
        assertEquals(Map.of("type", "array", "items", Map.of("type", "string", "minLength", 1, "maxLength", 20),
                "minItems", 1, "maxItems", 3), property(Containers.class, "tags"));
        assertEquals(Map.of("type", "object", "additionalProperties", Map.of("type", "integer", "exclusiveMinimum",
                0L), "minProperties", 1), property(Containers.class, "counts"));
        assertEquals(Map.of("type", "string", "maxLength", 8), property(Containers.class, "nick"));
        assertEquals(Map.of("type", "boolean", "const", true), property(Containers.class, "agreed"));
        assertEquals(Map.of("type", "string", "format", "date"), property(Containers.class, "born"));
        assertFalse(((List<?>) schema(Containers.class).get("required")).contains("nick"));
    }

    record SizeOnANumber(@Size(max = 3) int n) {
    }

    record PatternOnADate(@Pattern(regexp = "\\d+") LocalDate day) {
    }

    record NullArgument(@Null String nothing) {
    }

    record ConstrainedOptional(@Size(max = 3) Optional<String> nick) {
    }

    record NotBlankInOptional(Optional<@NotBlank String> nick) {
    }

    record BadDecimal(@DecimalMin("lots") BigDecimal amount) {
    }

    @Test
    void aConstraintOnAValueItCannotApplyToIsRefusedAtDeclaration() {
        assertRefused(SizeOnANumber.class, "SizeOnANumber.n: @Size does not apply to an integer");
        assertRefused(PatternOnADate.class, "PatternOnADate.day: @Pattern does not apply to a date");
        assertRefused(NullArgument.class, "NullArgument.nothing: @Null cannot hold");
        assertRefused(BadDecimal.class, "@DecimalMin needs a decimal number");
    }

    @Test
    void optionalsTakeTheirConstraintsOnTheTypeArgumentAndOnlyThoseThatAllowAbsence() {
        assertRefused(ConstrainedOptional.class, "ConstrainedOptional.nick: constraints on an Optional apply to the "
                + "Optional");
        assertRefused(NotBlankInOptional.class, "NotBlankInOptional.nick: @NotBlank in an Optional rejects an absent "
                + "value");
    }

    static void assertRefused(Class<? extends Record> type, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schema(type));
        assertTrue(e.getMessage().contains(message), e::getMessage);
    }
}
