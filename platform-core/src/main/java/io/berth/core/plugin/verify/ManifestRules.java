package io.berth.core.plugin.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** The manifest attributes that would make the class loader read code these checks never saw. */
final class ManifestRules {

    static final String PATH = "META-INF/MANIFEST.MF";

    private ManifestRules() {
    }

    static List<String> problems(byte[] manifest) {
        Attributes main;
        try {
            main = new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes();
        } catch (IOException | RuntimeException e) {
            return List.of("not a valid manifest");
        }
        List<String> problems = new ArrayList<>();
        if (main.containsKey(Attributes.Name.CLASS_PATH)) {
            // URLClassLoader follows Class-Path to JARs beside the plugin's: other plugins, other tenants' files.
            problems.add("Class-Path is not allowed: a plugin is one self-contained JAR");
        }
        if (Boolean.parseBoolean(main.getValue(Attributes.Name.MULTI_RELEASE))) {
            // A multi-release JAR loads META-INF/versions/<n>/ classes instead of the ones checked here.
            problems.add("Multi-Release JARs are not supported");
        }
        return problems;
    }
}
