package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Ordinary plugin code, compiled by javac, passes with no violation at all. */
class GoodPluginIsAcceptedTest {

    private static final String PLUGIN = """
            package good;

            import io.berth.sdk.Tool;
            import io.berth.sdk.ToolPlugin;
            import io.berth.sdk.ToolResult;
            import java.io.BufferedReader;
            import java.io.IOException;
            import java.io.StringReader;
            import java.io.UncheckedIOException;
            import java.math.BigDecimal;
            import java.math.RoundingMode;
            import java.nio.charset.StandardCharsets;
            import java.security.MessageDigest;
            import java.time.Duration;
            import java.time.LocalDate;
            import java.time.ZoneOffset;
            import java.time.format.DateTimeFormatter;
            import java.util.*;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.atomic.AtomicInteger;
            import java.util.function.Function;
            import java.util.regex.Matcher;
            import java.util.regex.Pattern;
            import java.util.stream.Collectors;
            import java.util.stream.IntStream;
            import java.util.stream.StreamSupport;

            public final class GoodPlugin implements ToolPlugin {

                enum Unit { METRE, FOOT }

                record Measure(double value, Unit unit) implements Comparable<Measure> {
                    Measure {
                        Objects.requireNonNull(unit);
                    }

                    double metres() {
                        return switch (unit) {
                            case METRE -> value;
                            case FOOT -> value * 0.3048;
                        };
                    }

                    @Override
                    public int compareTo(Measure other) {
                        return Double.compare(metres(), other.metres());
                    }
                }

                sealed interface Shape permits Square, Circle {
                    default String describe() {
                        return getClass().getSimpleName() + " of area " + area();
                    }

                    double area();
                }

                record Square(double side) implements Shape {
                    public double area() {
                        return side * side;
                    }
                }

                record Circle(double radius) implements Shape {
                    public double area() {
                        return Math.PI * radius * radius;
                    }
                }

                static final class Refused extends RuntimeException {
                    Refused(String message) {
                        super(message);
                    }
                }

                private static final Pattern WORD = Pattern.compile("[a-z]+");
                private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
                private final Object lock = new Object();
                private int calls;

                @Override
                public List<Tool> tools() {
                    return List.of(Tool.builder("words")
                            .description("Counts words")
                            .handler((call, context) -> ToolResult.text(summary(call.requireString("text"))))
                            .build());
                }

                String summary(String text) {
                    assert text != null;
                    synchronized (lock) {
                        calls++;
                    }
                    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
                    List<String> words = new ArrayList<>();
                    while (m.find()) {
                        words.add(m.group());
                    }
                    words.forEach(w -> counts.computeIfAbsent(w, k -> new AtomicInteger()).incrementAndGet());
                    Set<String> seen = ConcurrentHashMap.newKeySet();
                    seen.addAll(words);
                    Map<Integer, List<String>> byLength = words.stream()
                            .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.toList()));
                    String longest = words.stream().max(Comparator.comparingInt(String::length)).orElse("");
                    var kind = switch (longest) {
                        case "" -> "none";
                        case "a", "an", "the" -> "article";
                        default -> longest.length() > 7 ? "long" : "short";
                    };
                    int[][] grid = new int[3][4];
                    grid[1][2] = IntStream.rangeClosed(1, 10).sum();
                    Iterable<String> iterable = words;
                    long viaSupport = StreamSupport.stream(iterable.spliterator(), false).distinct().count();
                    Object shape = words.size() % 2 == 0 ? new Square(2) : new Circle(1);
                    String described = shape instanceof Shape s ? s.describe() : "?";
                    Function<String, Optional<Integer>> parse = s -> {
                        try {
                            return Optional.of(Integer.parseInt(s));
                        } catch (NumberFormatException e) {
                            return Optional.empty();
                        }
                    };
                    BigDecimal ratio = BigDecimal.valueOf(words.size())
                            .divide(BigDecimal.valueOf(Math.max(1, text.length())), 4, RoundingMode.HALF_UP);
                    LocalDate day = LocalDate.of(2026, 1, 31).plusDays(1);
                    String when = DateTimeFormatter.ISO_LOCAL_DATE.format(day) + " " + ZoneOffset.UTC
                            + " " + Duration.ofMinutes(90);
                    List<Measure> measures = new ArrayList<>(List.of(new Measure(1, Unit.FOOT),
                            new Measure(0.5, Unit.valueOf("METRE"))));
                    Collections.sort(measures);
                    String joined = String.join(",", byLength.getOrDefault(3, List.of()));
                    CompletableFuture<String> done = CompletableFuture.completedFuture(joined).thenApply(String::trim);
                    return String.format(Locale.ROOT, "%s %s %s %s %s %s %d %d %s %s %s %s", kind, longest, described,
                            parse.apply("42").orElse(-1), ratio, when, grid[1][2], viaSupport, measures.get(0),
                            done.join(), firstLine(text), digest(text));
                }

                private static String firstLine(String text) {
                    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
                        return Objects.toString(reader.readLine(), "");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                private static String digest(String text) {
                    try {
                        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                        return HexFormat.of().formatHex(hash, 0, 4) + Base64.getEncoder().encodeToString(hash).length();
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new Refused(e.getMessage());
                    }
                }

                static void pause() throws InterruptedException {
                    Thread.sleep(1);
                    TimeUnit.MILLISECONDS.sleep(1);
                    if (Thread.currentThread().isInterrupted()) {
                        Thread.currentThread().interrupt();
                    }
                    Object monitor = new Object();
                    synchronized (monitor) {
                        monitor.wait(1);
                        monitor.notifyAll();
                    }
                }

                Unit[] units() {
                    return Unit.values().clone();
                }
            }
            """;

    @Test
    void aPluginUsingRecordsLambdasSwitchesStreamsTimeAndRegexIsAccepted() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("good.GoodPlugin", PLUGIN);
        Verification verification = new PluginVerifier().verify(TestJars.compiledPlugin(sources));

        Verification.Accepted accepted = assertInstanceOf(Verification.Accepted.class, verification,
                () -> verification.toString());
        PluginArchive plugin = accepted.plugin();
        assertEquals(64, plugin.sha256().length());
        assertEquals(java.util.List.of("good.GoodPlugin"), plugin.providers());
        assertTrue(plugin.classes().containsKey("good.GoodPlugin$Measure"), plugin.classes().keySet()::toString);
        assertTrue(plugin.resources().containsKey(TestJars.SERVICE_FILE));
        assertTrue(plugin.classes().get("good.GoodPlugin").isReadOnly());
    }

    @Test
    void theConformanceFixturePluginIsAccepted() throws IOException {
        Optional<Path> jar = fixtureJar();
        assumeTrue(jar.isPresent(), "build it first: mvn -pl examples/conformance-fixture -am package");
        Verification verification = new PluginVerifier().verify(Files.readAllBytes(jar.get()));

        assertInstanceOf(Verification.Accepted.class, verification, () -> verification.toString());
    }

    private static Optional<Path> fixtureJar() throws IOException {
        Path target = Path.of("..", "examples", "conformance-fixture", "target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("conformance-fixture-plugin-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst();
        }
    }
}
