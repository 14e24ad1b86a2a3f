package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** Test JSON written with single quotes for readability: {@code obj("{'a':1}")}. */
final class Json {

    private Json() {
    }

    static JsonObject obj(String singleQuoted) {
        return value(singleQuoted).asJsonObject();
    }

    static JsonValue value(String singleQuoted) {
        try (JsonReader r = JsonFactories.READERS.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
            return r.readValue();
        }
    }

    /** Parses JSON as is (for strings that contain single quotes or escapes). */
    static JsonObject raw(String json) {
        try (JsonReader r = JsonFactories.READERS.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
