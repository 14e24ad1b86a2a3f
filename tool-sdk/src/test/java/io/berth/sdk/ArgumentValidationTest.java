package io.berth.sdk;

import static io.berth.sdk.ArgumentBindingTest.call;
import static io.berth.sdk.ArgumentBindingTest.errorOf;
import static io.berth.sdk.ArgumentBindingTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Constraint violations become problems of the call, with the binder's paths and messages written for a model. */
class ArgumentValidationTest {

    record Person(@NotBlank String name, @Email String email) {
    }

    record Booking(@NotBlank @Size(max = 20) String title, @Min(1) @Max(10) int seats,
                   @DecimalMin(value = "0", inclusive = false) BigDecimal price, @Future LocalDate day,
                   @Size(min = 1, max = 2) List<@NotBlank String> tags, Map<String, @Positive Integer> extras,
                   Optional<@Size(max = 3) String> code, Person organiser, @Valid Person cascaded,
                   List<Person> guests) {
    }

    record Custom(@Pattern(regexp = "[A-Z]{3}", message = "must be a currency code like EUR, not {regexp}") String c,
                  @NotEmpty(message = "${''.getClass().forName('java.lang.Runtime')} {missing}") String el) {
    }

    static Map<String, Object> validBooking() {
        return json("title", "Dinner", "seats", 2L, "price", new BigDecimal("12.50"), "day",
                LocalDate.now().plusDays(3).toString(), "tags", List.of("food"), "extras", json("wine", 1L),
                "organiser", json("name", "Ann", "email", "ann@example.com"),
                "cascaded", json("name", "Bob", "email", "bob@example.com"), "guests", List.of());
    }

    @Test
    void aValidCallReachesTheHandler() throws Exception {
        assertTrue(call(Booking.class, validBooking()) instanceof Booking);
    }

    @Test
    void everyViolationIsListedWithItsPath() throws Exception {
        Map<String, Object> arguments = validBooking();
        arguments.put("title", "   ");
        arguments.put("seats", 11L);
        arguments.put("price", 0L);
        arguments.put("day", "2000-01-01");
        arguments.put("tags", List.of("a", " ", "c"));
        arguments.put("extras", json("wine", -1L));
        arguments.put("code", "ABCD");
        String error = errorOf(Booking.class, arguments);
        List<String> lines = error.lines().filter(l -> l.startsWith("- ")).toList();
        assertEquals(List.of(
                "- arguments.title: must not be blank",
                "- arguments.seats: must be at most 10",
                "- arguments.price: must be greater than 0",
                "- arguments.day: must be in the future",
                "- arguments.tags: must have from 1 to 2 items",
                "- arguments.tags[1]: must not be blank",
                "- arguments.extras[\"wine\"]: must be greater than 0",
                "- arguments.code: must be at most 3 characters long"), lines);
    }

    @Test
    void nestedRecordsAreValidatedWithOrWithoutValidAndReportedOnce() throws Exception {
        Map<String, Object> arguments = validBooking();
        arguments.put("organiser", json("name", "", "email", "not-an-address"));
        arguments.put("cascaded", json("name", " ", "email", "bob@example.com"));
        arguments.put("guests", List.of(json("name", "Cy", "email", "cy@example.com"), json("name", "",
                "email", "x@y")));
        String error = errorOf(Booking.class, arguments);
        List<String> lines = error.lines().filter(l -> l.startsWith("- ")).toList();
        assertEquals(List.of(
                "- arguments.organiser.name: must not be blank",
                "- arguments.organiser.email: must be a well-formed e-mail address",
                "- arguments.cascaded.name: must not be blank",
                "- arguments.guests[1].name: must not be blank"), lines);
    }

    @Test
    void typeProblemsAndViolationsOfTheRestAreReportedTogether() throws Exception {
        Map<String, Object> arguments = validBooking();
        arguments.put("seats", "two");
        arguments.put("title", "");
        String error = errorOf(Booking.class, arguments);
        assertTrue(error.contains("- arguments.seats: expected an integer, got \"two\""), error);
        assertTrue(error.contains("- arguments.title: must not be blank"), error);
    }

    @Test
    void anAuthorsMessageIsKeptWithAttributesFilledInAndNothingEvaluated() throws Exception {
        String error = errorOf(Custom.class, json("c", "euro", "el", ""));
        assertTrue(error.contains("- arguments.c: must be a currency code like EUR, not [A-Z]{3}"), error);
        assertTrue(error.contains("- arguments.el: ${''.getClass().forName('java.lang.Runtime')} {missing}"), error);
        assertFalse(error.contains("class java.lang.Runtime"), error);
    }
}
