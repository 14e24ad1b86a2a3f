package io.berth.admin.rest;

import io.berth.core.http.Problem.FieldError;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Applies the Jakarta Validation constraints declared on an input record; a violation becomes a 400 problem. */
@ApplicationScoped
public class InputValidator {

    @Inject
    Validator validator;

    public <T> T valid(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .toList();
            throw JsonInput.invalid(errors);
        }
        return input;
    }
}
