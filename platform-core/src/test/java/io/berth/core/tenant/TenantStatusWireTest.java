package io.berth.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

class TenantStatusWireTest {

    @Test
    void wireNamesAreTheLowerCaseNamesTheApiAndDatabaseUse() {
        assertEquals("active", TenantStatus.ACTIVE.wire());
        assertEquals("suspended", TenantStatus.SUSPENDED.wire());
    }

    @ParameterizedTest
    @EnumSource(TenantStatus.class)
    void everyStatusSurvivesARoundTrip(TenantStatus status) {
        assertEquals(Optional.of(status), TenantStatus.fromWire(status.wire()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"paused", "ACTIVE", "Active", " active", "SUSPENDED"})
    void unknownWireValuesGiveNothing(String wire) {
        assertEquals(Optional.empty(), TenantStatus.fromWire(wire));
    }
}
