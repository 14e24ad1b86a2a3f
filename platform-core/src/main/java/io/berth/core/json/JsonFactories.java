package io.berth.core.json;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParserFactory;

import java.util.Map;

/** JSON-P factories, created once. */
public final class JsonFactories {

    public static final JsonProvider PROVIDER = JsonProvider.provider();
    public static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    public static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    public static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());
    public static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

    private JsonFactories() {
    }
}
