package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    private static void assertDeclared(String uri, String name, String title, String description, String mimeType) {
        Resource resource = Fixture.resource(uri);
        assertEquals(name, resource.name(), uri);
        assertEquals(title, resource.title(), uri);
        assertEquals(description, resource.description(), uri);
        assertEquals(mimeType, resource.mimeType(), uri);
    }

    @Test
    void listsTheDirectResourcesInTheReferenceOrderThenBerthsScopedOne() {
        assertEquals(List.of("test://static-text", "test://static-binary", "test://watched-resource",
                "test://scoped/notes"),
                new ConformanceFixturePlugin().resources().stream().map(Resource::uri).toList());
    }

    @Test
    void staticText() throws Exception {
        assertDeclared("test://static-text", "static-text", "Static Text Resource",
                "A static text resource for testing", "text/plain");
        assertEquals(List.of(new ResourceContents("test://static-text", "text/plain",
                "This is the content of the static text resource.", null)), Fixture.read("test://static-text"));
    }

    @Test
    void staticBinary() throws Exception {
        assertDeclared("test://static-binary", "static-binary", "Static Binary Resource",
                "A static binary resource (image) for testing", "image/png");
        assertEquals(List.of(new ResourceContents("test://static-binary", "image/png", null, PNG)),
                Fixture.read("test://static-binary"));
    }

    @Test
    void watchedResource() throws Exception {
        assertDeclared("test://watched-resource", "watched-resource", "Watched Resource",
                "A resource that auto-updates every 3 seconds", "text/plain");
        assertEquals(List.of(new ResourceContents("test://watched-resource", "text/plain",
                "Watched resource content", null)), Fixture.read("test://watched-resource"));
    }

    @Test
    void templateIsDeclaredAsTheReferenceDeclaresIt() {
        List<ResourceTemplate> templates = new ConformanceFixturePlugin().resourceTemplates();
        assertEquals(List.of("test://template/{id}/data", "test://scoped/{id}/note"),
                templates.stream().map(ResourceTemplate::uriTemplate).toList(),
                "the reference's, then Berth's scoped one");
        ResourceTemplate template = templates.get(0);
        assertEquals("test://template/{id}/data", template.uriTemplate());
        assertEquals("template", template.name());
        assertEquals("Resource Template", template.title());
        assertEquals("A resource template with parameter substitution", template.description());
        assertEquals("application/json", template.mimeType());
    }

    private static List<ResourceContents> readTemplate(String uri, String id) throws Exception {
        return Fixture.template("test://template/{id}/data").reader()
                .read(uri, Map.of("id", id), new Fixture.RecordingContext());
    }

    @Test
    void templateSubstitutesTheIdAsTheReferenceFormatsIt() throws Exception {
        assertEquals(List.of(new ResourceContents("test://template/123/data", "application/json",
                        "{\"id\":\"123\",\"templateTest\":true,\"data\":\"Data for ID: 123\"}", null)),
                readTemplate("test://template/123/data", "123"));
    }

    /** Whether {@code %22} reaches the reader decoded is Berth's business; whatever id it hands over is quoted as JSON. */
    @Test
    void templateAnswersWithTheUriItWasAskedForAndEscapesTheId() throws Exception {
        List<ResourceContents> contents = readTemplate("test://template/a%22b/data", "a\"b");
        assertEquals(1, contents.size());
        assertEquals("test://template/a%22b/data", contents.get(0).uri());
        assertEquals("{\"id\":\"a\\\"b\",\"templateTest\":true,\"data\":\"Data for ID: a\\\"b\"}",
                contents.get(0).text());
        assertNull(contents.get(0).base64Blob());
    }
}
