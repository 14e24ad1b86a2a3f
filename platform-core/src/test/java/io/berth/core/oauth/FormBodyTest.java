package io.berth.core.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.identity.OAuthError;
import io.berth.core.identity.OAuthException;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Token and revocation requests: form-urlencoded, each parameter once (resource may repeat), empty means absent. */
class FormBodyTest {

    @Test
    void decodesNamesAndValues() throws OAuthException {
        FormBody f = FormBody.parse("grant_type=client_credentials&scope=a+b%3Ac&client_id=k%2B1", Set.of());
        assertEquals("client_credentials", f.get("grant_type"));
        assertEquals("a b:c", f.get("scope"));
        assertEquals("k+1", f.get("client_id"));
        assertNull(f.get("missing"));
    }

    @Test
    void anEmptyValueIsAbsent() throws OAuthException {
        FormBody f = FormBody.parse("scope=&grant_type", Set.of());
        assertNull(f.get("scope"));
        assertNull(f.get("grant_type"));
    }

    @Test
    void onlyRepeatableParametersRepeat() throws OAuthException {
        FormBody f = FormBody.parse("resource=https%3A%2F%2Fa&resource=https%3A%2F%2Fb&resource=", Set.of("resource"));
        assertEquals(List.of("https://a", "https://b"), f.all("resource"));
        OAuthException e = assertThrows(OAuthException.class,
                () -> FormBody.parse("scope=a&scope=b", Set.of("resource")));
        assertEquals(OAuthError.INVALID_REQUEST, e.error());
        assertTrue(e.description().contains("scope"), e.description());
    }

    @Test
    void badEncodingIsAnInvalidRequest() {
        assertEquals(OAuthError.INVALID_REQUEST,
                assertThrows(OAuthException.class, () -> FormBody.parse("scope=%zz", Set.of())).error());
    }
}
