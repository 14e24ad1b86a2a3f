package io.berth.worker;

import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;
import io.berth.worker.wire.DeclarationWire;
import io.berth.worker.wire.JsonWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The plugins this worker runs: every {@link ToolPlugin} the JARs of its {@code load} request provide, each with its
 * own {@link SdkOnlyClassLoader}, and their declarations as last read. A plugin is addressed by its index in load
 * order; within a plugin, the first declaration of a name or URI wins, as in the host.
 */
final class PluginSet {

    record Loaded(int index, String jar, ToolPlugin plugin, ClassLoader loader) {
    }

    /** One plugin's declarations, by the name or URI calls use. */
    record Declared(Map<String, Tool> tools, Map<String, Resource> resources, Map<String, ResourceTemplate> templates,
                    Map<String, Prompt> prompts) {
        static final Declared NONE = new Declared(Map.of(), Map.of(), Map.of(), Map.of());
    }

    private final List<Loaded> plugins;
    private final List<String> problems;
    private volatile List<Declared> declared = List.of();

    private PluginSet(List<Loaded> plugins, List<String> problems) {
        this.plugins = plugins;
        this.problems = problems;
    }

    static PluginSet load(List<String> jars) {
        List<Loaded> plugins = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String jar : jars) {
            try {
                SdkOnlyClassLoader loader = new SdkOnlyClassLoader(jar, Path.of(jar).toUri().toURL());
                for (ToolPlugin p : ServiceLoader.load(ToolPlugin.class, loader)) {
                    plugins.add(new Loaded(plugins.size(), jar, p, loader));
                }
            } catch (Exception | LinkageError | java.util.ServiceConfigurationError e) {
                problems.add(jar + " could not be loaded: " + e);
            }
        }
        return new PluginSet(List.copyOf(plugins), problems);
    }

    /** Reads every plugin's declarations (plugin code runs here) and returns them in wire form. */
    Map<String, Object> declare() {
        List<Object> out = new ArrayList<>();
        List<Declared> next = new ArrayList<>();
        List<String> issues = new ArrayList<>(problems);
        for (Loaded p : plugins) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", p.index());
            entry.put("jar", p.jar());
            Declared d = Declared.NONE;
            try {
                d = withLoader(p.loader(), () -> new Declared(index(p.plugin().tools(), Tool::name),
                        index(p.plugin().resources(), Resource::uri),
                        index(p.plugin().resourceTemplates(), ResourceTemplate::uriTemplate),
                        index(p.plugin().prompts(), Prompt::name)));
            } catch (RuntimeException | LinkageError e) {
                issues.add(p.jar() + " could not declare its offerings: " + e);
            }
            entry.put("tools", encode(d.tools(), DeclarationWire::tool, issues, p));
            entry.put("resources", encode(d.resources(), DeclarationWire::resource, issues, p));
            entry.put("templates", encode(d.templates(), DeclarationWire::template, issues, p));
            entry.put("prompts", encode(d.prompts(), DeclarationWire::prompt, issues, p));
            out.add(entry);
            next.add(d);
        }
        declared = List.copyOf(next);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("plugins", out);
        result.put("problems", issues);
        return result;
    }

    Loaded plugin(int index) {
        if (index < 0 || index >= plugins.size()) {
            throw new io.berth.worker.wire.JsonException("No plugin " + index);
        }
        return plugins.get(index);
    }

    Declared declared(int index) {
        List<Declared> d = declared;
        plugin(index);
        return index < d.size() ? d.get(index) : Declared.NONE;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        if (items != null) {
            for (T item : items) {
                map.putIfAbsent(key.apply(item), item);
            }
        }
        return map;
    }

    /** Encodes each declaration; one that cannot be written as JSON (a schema with odd values) is left out. */
    private static <T> List<Object> encode(Map<String, T> items, Function<T, Map<String, Object>> wire,
                                           List<String> issues, Loaded p) {
        List<Object> out = new ArrayList<>();
        items.forEach((key, item) -> {
            try {
                Map<String, Object> m = wire.apply(item);
                JsonWriter.write(m);
                out.add(m);
            } catch (RuntimeException e) {
                issues.add(p.jar() + ": '" + key + "' is left out: " + e.getMessage());
            }
        });
        return out;
    }

    static <T> T withLoader(ClassLoader loader, java.util.function.Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
