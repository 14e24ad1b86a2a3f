package io.berth.admin.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A PUT body of the CORS allow-list: normalised when valid, a 400 naming each bad origin otherwise. */
class CorsViewTest {

    private static List<String> read(String json) {
        return CorsView.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Problem refused(String json) {
        return assertThrows(ProblemException.class, () -> read(json)).problem();
    }

    @Test
    void validOriginsAreNormalised() {
        assertEquals(List.of("https://app.example.com", "http://localhost:3000"),
                read("{\"origins\":[\"HTTPS://App.Example.com:443\",\"http://localhost:3000\"]}"));
        assertEquals(List.of(), read("{\"origins\":[]}"));
    }

    @Test
    void everyBadOriginIsAFieldError() {
        Problem p = refused("{\"origins\":[\"https://ok.example\",\"*\",\"http://app.example.com\"]}");
        assertEquals(400, p.status());
        String json = p.toJson().toString();
        assertTrue(json.contains("origins[1]") && json.contains("wildcards are not allowed"), json);
        assertTrue(json.contains("origins[2]") && json.contains("must use https://"), json);
        assertTrue(p.toJson().getString("detail").contains("origins[1] wildcards are not allowed"), json);
    }

    @Test
    void malformedBodiesAreRefused() {
        assertEquals(400, refused("{}").status());
        assertEquals(400, refused("{\"origins\":\"https://a.example\"}").status());
        assertEquals(400, refused("{\"origins\":[1]}").status());
        assertEquals(400, refused("{\"origins\":[],\"credentials\":true}").status());
    }
}
