package io.berth.examples.conformance;

import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;

import java.util.List;

/**
 * The resources of the scenarios {@code resources-list}, {@code -read-text}, {@code -read-binary},
 * {@code -templates-read}, {@code -subscribe} and {@code -unsubscribe}. URIs, names, titles, descriptions, MIME types and
 * contents are the reference server's. Subscribing is Berth's business; the fixture only offers
 * {@code test://watched-resource}, the URI the suite subscribes to (the reference server describes it as updating
 * every 3 seconds, but at {@code v0.1.16} its content never changes, and neither does this one's).
 */
final class FixtureResources {

    static final String STATIC_TEXT = "This is the content of the static text resource.";
    static final String WATCHED_TEXT = "Watched resource content";

    private FixtureResources() {
    }

    static List<Resource> resources() {
        return List.of(
                fixed("test://static-text", "static-text", "Static Text Resource",
                        "A static text resource for testing",
                        ResourceContents.text("test://static-text", "text/plain", STATIC_TEXT)),
                fixed("test://static-binary", "static-binary", "Static Binary Resource",
                        "A static binary resource (image) for testing",
                        ResourceContents.blob("test://static-binary", "image/png", SampleMedia.PNG_BASE64)),
                fixed("test://watched-resource", "watched-resource", "Watched Resource",
                        "A resource that auto-updates every 3 seconds",
                        ResourceContents.text("test://watched-resource", "text/plain", WATCHED_TEXT)));
    }

    /**
     * {@code test://template/{id}/data}: the JSON text of {@code {id, templateTest: true, data: "Data for ID: <id>"}},
     * compact and in that key order, as the reference's {@code JSON.stringify} writes it, the id as a string.
     */
    static List<ResourceTemplate> templates() {
        return List.of(new ResourceTemplate("test://template/{id}/data", "template", "Resource Template",
                "A resource template with parameter substitution", "application/json",
                (uri, variables, context) -> {
                    String id = variables.get("id");
                    return List.of(ResourceContents.text(uri, "application/json", JsonText.stringify(Json.object(
                            "id", id,
                            "templateTest", true,
                            "data", "Data for ID: " + id))));
                },
                Completions.NONE));
    }

    /** A resource whose reader always returns {@code contents}, whatever URI it is asked for. */
    private static Resource fixed(String uri, String name, String title, String description,
                                  ResourceContents contents) {
        List<ResourceContents> result = List.of(contents);
        return new Resource(uri, name, title, description, contents.mimeType(), (requested, context) -> result);
    }
}
