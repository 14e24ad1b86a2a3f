package io.berth.admin.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.stream.Collectors;

class CreateTenantRequestConstraintsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    /** The names of the fields with at least one violation. */
    private static Set<String> invalidFields(String id, String displayName) {
        return validator.validate(new CreateTenantRequest(id, displayName)).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void acceptsAValidRequest() {
        assertEquals(Set.of(), invalidFields("acme-corp", "ACME Corporation"));
        assertEquals(Set.of(), invalidFields("abc", "x".repeat(200)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ab", "Acme", "1abc", "abc-", "a--b", "acme--corp", "acme_corp", "../x", "acmé"})
    void refusesAnInvalidId(String id) {
        assertEquals(Set.of("id"), invalidFields(id, "ACME"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void refusesABlankDisplayName(String displayName) {
        assertEquals(Set.of("displayName"), invalidFields("acme", displayName));
    }

    @Test
    void refusesADisplayNameOver200Characters() {
        assertEquals(Set.of("displayName"), invalidFields("acme", "x".repeat(201)));
    }
}
