package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import java.util.List;

class BearerHeaderTest {

    private static Object read(String header) {
        BearerHeader.Result r = BearerHeader.read(header);
        return r instanceof BearerHeader.Token t ? t.value() : ((BearerHeader.Refused) r).rejected().reason();
    }

    @Test
    void aBearerCredentialIsTheToken() {
        assertEquals("abc.def-_~+/.ghi==", read("Bearer abc.def-_~+/.ghi=="));
        assertEquals("abc", read("bearer abc"));
        assertEquals("abc", read("BEARER   abc"));
    }

    @Test
    void noCredentialOrAnotherSchemeIsMissing() {
        assertEquals(TokenRejected.Reason.MISSING, read(null));
        assertEquals(TokenRejected.Reason.MISSING, read(" "));
        assertEquals(TokenRejected.Reason.MISSING, read("Basic YTpi"));
        assertEquals(TokenRejected.Reason.MISSING, read("Bearerabc"));
    }

    @Test
    void aMalformedBearerCredentialIsAnInvalidRequest() {
        for (String h : List.of("Bearer", "Bearer ", "Bearer a b", "Bearer a,b", "Bearer =abc", "Bearer a=b",
                "Bearer \"abc\"", "Bearer " + "a".repeat(BearerHeader.MAX_TOKEN_CHARS + 1))) {
            assertEquals(TokenRejected.Reason.INVALID_REQUEST, read(h), h);
        }
    }

    @Test
    void twoAuthorizationHeadersAreAnInvalidRequest() {
        assertEquals(TokenRejected.Reason.INVALID_REQUEST, ((BearerHeader.Refused) BearerHeader.read(
                List.of("Bearer a", "Bearer a").iterator())).rejected().reason());
        assertEquals("a", ((BearerHeader.Token) BearerHeader.read(List.of("Bearer a").iterator())).value());
        assertFalse(new BearerHeader.Token("secret").toString().contains("secret"));
    }
}
