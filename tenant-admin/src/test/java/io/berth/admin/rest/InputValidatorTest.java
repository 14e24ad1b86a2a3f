package io.berth.admin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.admin.tenants.CreateTenantRequest;
import io.berth.core.http.Problem;
import io.berth.core.http.Problem.FieldError;
import io.berth.core.http.ProblemException;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Constraint violations on an input record become one 400 problem with the errors in field order. */
class InputValidatorTest {

    private static ValidatorFactory factory;
    private InputValidator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    @BeforeEach
    void wire() {
        validator = new InputValidator();
        validator.validator = factory.getValidator();
    }

    @Test
    void returnsValidInputAsItIs() {
        CreateTenantRequest request = new CreateTenantRequest("acme", "ACME");

        assertSame(request, validator.valid(request));
    }

    @Test
    void refusesInvalidInputWithEveryViolationSortedByField() {
        Problem problem = assertThrows(ProblemException.class,
                () -> validator.valid(new CreateTenantRequest(null, " ".repeat(201)))).problem();

        assertEquals(400, problem.status());
        assertEquals("urn:berth:problem:invalid-input", problem.type());
        assertEquals(List.of("displayName", "displayName", "id"),
                problem.errors().stream().map(FieldError::field).toList());
        List<String> displayNameMessages = problem.errors().subList(0, 2).stream().map(FieldError::message).toList();
        assertEquals(displayNameMessages.stream().sorted().toList(), displayNameMessages);
    }

    record Sample(@NotNull String zulu, @NotNull String alpha, @NotNull String mike, @NotNull String bravo,
                  @NotNull String yankee) {
    }

    @Test
    void ordersErrorsByFieldWhateverTheDeclarationOrder() {
        Problem problem = assertThrows(ProblemException.class,
                () -> validator.valid(new Sample(null, null, null, null, null))).problem();

        assertEquals(List.of("alpha", "bravo", "mike", "yankee", "zulu"),
                problem.errors().stream().map(FieldError::field).toList());
    }
}
