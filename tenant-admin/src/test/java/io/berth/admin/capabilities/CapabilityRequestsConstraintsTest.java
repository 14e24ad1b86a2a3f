package io.berth.admin.capabilities;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The operator API's capability inputs: what their constraints accept and refuse, and that no message shows a secret. */
class CapabilityRequestsConstraintsTest {

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

    private static <T> Set<String> invalidFields(T input) {
        return validator.validate(input).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void egressNeedsAListOfAtMost200Rules() {
        assertEquals(Set.of(), invalidFields(new EgressView(List.of("api.example.com"), null, true)));
        assertEquals(Set.of(), invalidFields(new EgressView(List.of(), false, false)));
        assertEquals(Set.of("allowedHosts"), invalidFields(new EgressView(null, false, false)));
        assertEquals(Set.of("allowedHosts"),
                invalidFields(new EgressView(Collections.nCopies(201, "a.example.com"), false, false)));
    }

    @Test
    void quotaLimitsAreNullOrWithinRange() {
        assertEquals(Set.of(), invalidFields(new DataQuotaView(null, null)));
        assertEquals(Set.of(), invalidFields(new DataQuotaView(0L, 1_000_000_000L)));
        assertEquals(Set.of("maxBytes", "maxEntries"), invalidFields(new DataQuotaView(-1L, -5L)));
        assertEquals(Set.of("maxBytes", "maxEntries"),
                invalidFields(new DataQuotaView((1L << 40) + 1, 1_000_000_001L)));
    }

    @Test
    void aSecretNeedsAValueAndAtMostAPluginName() {
        assertEquals(Set.of(), invalidFields(new SetSecretRequest("s3cr3t", null)));
        assertEquals(Set.of(), invalidFields(new SetSecretRequest("s3cr3t", "issues.jar")));
        assertEquals(Set.of("value"), invalidFields(new SetSecretRequest(null, null)));
        assertEquals(Set.of("value"), invalidFields(new SetSecretRequest("", null)));
        assertEquals(Set.of("plugin"), invalidFields(new SetSecretRequest("s3cr3t", "../other")));
    }

    @Test
    void noViolationMessageOrToStringShowsTheValue() {
        String value = "tok_" + "x".repeat(20_000);
        SetSecretRequest tooLong = new SetSecretRequest(value, "bad plugin");
        validator.validate(tooLong).forEach(v -> assertFalse(v.getMessage().contains("tok_"), v.getMessage()));
        assertFalse(tooLong.toString().contains("tok_"));
    }
}
