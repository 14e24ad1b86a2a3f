package io.berth.admin.rest;

import io.berth.core.http.Problem;
import io.berth.core.http.ProblemException;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a request body as one JSON object, bounded in size and depth, and explains precisely what is wrong with a
 * body that is not one. The body is read by Berth rather than by a JAX-RS provider so that every failure gets the
 * same problem detail whatever the provider's own habits are.
 */
public final class JsonBodyReader {

    static final Problem TOO_LARGE = Problem.of("body-too-large", "Request body too large", 413,
            "The request body exceeds " + ApiLimits.MAX_BODY_BYTES + " bytes.");

    private JsonBodyReader() {
    }

    public static JsonObject readObject(InputStream body) {
        byte[] bytes = readBounded(body);
        if (bytes.length == 0) {
            throw malformed("The request body is empty; a JSON object is expected.");
        }
        checkShape(bytes);
        try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw malformed("The request body is not valid JSON.");
        }
    }

    private static byte[] readBounded(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(ApiLimits.MAX_BODY_BYTES + 1);
            if (bytes.length > ApiLimits.MAX_BODY_BYTES) {
                throw new ProblemException(TOO_LARGE);
            }
            return bytes;
        } catch (IOException e) {
            throw malformed("The request body could not be read.");
        }
    }

    /**
     * One streaming pass: the body must be a single object, nested no deeper than the limit, with no key twice in one
     * object (JSON leaves duplicates undefined; taking the last one would let {@code "status"} say two things).
     */
    private static void checkShape(byte[] bytes) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            Deque<Set<String>> objects = new ArrayDeque<>();
            int depth = 0;
            boolean first = true;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (first && event != JsonParser.Event.START_OBJECT) {
                    throw malformed("The request body must be a JSON object.");
                }
                first = false;
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > ApiLimits.MAX_JSON_DEPTH) {
                            throw malformed("The JSON is nested deeper than " + ApiLimits.MAX_JSON_DEPTH + " levels.");
                        }
                        objects.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        objects.pop();
                    }
                    case KEY_NAME -> {
                        if (!objects.peek().add(parser.getString())) {
                            throw malformed("The field '" + parser.getString() + "' appears more than once.");
                        }
                    }
                    default -> {
                        // values need no check here
                    }
                }
            }
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw malformed("The request body is not valid JSON (line " + at.getLineNumber() + ", column "
                    + at.getColumnNumber() + ").");
        } catch (JsonException e) {
            throw malformed("The request body is not valid JSON.");
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of("malformed-json", "Malformed request body", 400, detail));
    }
}
