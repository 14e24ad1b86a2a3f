package io.berth.core.plugin.verify;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The service file a plugin must have and the manifest it may have, checked once the entries are read. */
final class Descriptors {

    private Descriptors() {
    }

    static boolean isDescriptor(String name) {
        return name.equals(ServiceFile.PATH) || name.equals(ManifestRules.PATH);
    }

    /**
     * Adds the descriptors' problems and returns the providers the service file names. A descriptor that could not be
     * read has its problem listed already and is not reported missing as well.
     */
    static List<String> check(List<String> names, Map<String, byte[]> resources, Set<String> classFiles,
                              List<Problem> problems) {
        byte[] manifest = resources.get(ManifestRules.PATH);
        if (manifest != null) {
            ManifestRules.problems(manifest).forEach(p -> problems.add(new Problem(ManifestRules.PATH, p)));
        }
        byte[] services = resources.get(ServiceFile.PATH);
        if (services == null) {
            if (!names.contains(ServiceFile.PATH)) {
                problems.add(Problem.archive("no " + ServiceFile.PATH + " naming the plugin's entry class"));
            }
            return List.of();
        }
        ServiceFile.Parsed parsed = ServiceFile.parse(services);
        parsed.problems().forEach(p -> problems.add(new Problem(ServiceFile.PATH, p)));
        for (String provider : parsed.providers()) {
            if (!classFiles.contains(provider.replace('.', '/') + ".class")) {
                problems.add(new Problem(ServiceFile.PATH, "names " + provider + ", which is not a class in the JAR"));
            }
        }
        return parsed.providers();
    }
}
