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
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.stream.Collectors;

/** A merge patch: absent (null) fields are fine, present ones must be valid. */
class UpdateTenantRequestConstraintsTest {

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

    private static Set<String> invalidFields(String displayName, String status) {
        return validator.validate(new UpdateTenantRequest(displayName, status)).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void acceptsAnEmptyPatch() {
        assertEquals(Set.of(), invalidFields(null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"active", "suspended"})
    void acceptsTheKnownStatuses(String status) {
        assertEquals(Set.of(), invalidFields(null, status));
    }

    @ParameterizedTest
    @ValueSource(strings = {"paused", "ACTIVE", "Suspended", "", " active", "active|suspended"})
    void refusesAnyOtherStatus(String status) {
        assertEquals(Set.of("status"), invalidFields(null, status));
    }

    @Test
    void acceptsANewDisplayName() {
        assertEquals(Set.of(), invalidFields("ACME Corporation", null));
        assertEquals(Set.of(), invalidFields(" x ", "active"));
        assertEquals(Set.of(), invalidFields("x".repeat(200), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void refusesABlankDisplayName(String displayName) {
        assertEquals(Set.of("displayName"), invalidFields(displayName, null));
    }

    @Test
    void refusesADisplayNameOver200Characters() {
        assertEquals(Set.of("displayName"), invalidFields("x".repeat(201), null));
    }
}
