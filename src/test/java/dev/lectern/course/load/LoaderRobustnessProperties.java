package dev.lectern.course.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever bytes a course file holds, the loader returns problems and never lets an exception escape. */
class LoaderRobustnessProperties {

    /** Characters that matter to JSON, YAML and Markdown, for insertions. */
    private static final String SYNTAX = "{}[]:,\"'-#\n\t\\*&!|>";
    private static final List<String> SEEDS;
    private static final List<String> NAMES = List.of("readings/r.md", "readings/r.json", "questions/s.json",
            "readings/course.yaml");

    static {
        try {
            Path repo = Path.of("").toAbsolutePath();
            SEEDS = List.of(
                    CourseFolder.GOOD_READING,
                    CourseFolder.GOOD_SET,
                    Files.readString(repo.resolve("readings/llava.md")),
                    Files.readString(repo.resolve("readings/segment-anything.json")),
                    Files.readString(repo.resolve("questions/lvm.json")),
                    Files.readString(repo.resolve("readings/course.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 150)
    void truncatedFilesNeverEscapeTheLoader(@ForAll("seedIndex") int seed, @ForAll("fraction") double keep,
            @ForAll("fileName") String name) throws IOException {
        byte[] bytes = SEEDS.get(seed).getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(bytes, (int) (bytes.length * keep));
        assertLoads(name, truncated);
    }

    @Property(tries = 200)
    void mutatedFilesNeverEscapeTheLoader(@ForAll("seedIndex") int seed, @ForAll("mutations") List<int[]> mutations,
            @ForAll("fileName") String name) throws IOException {
        byte[] bytes = SEEDS.get(seed).getBytes(StandardCharsets.UTF_8);
        for (int[] m : mutations) {
            int at = Math.floorMod(m[0], bytes.length);
            switch (Math.floorMod(m[2], 3)) {
                case 0 -> bytes[at] = (byte) m[1];
                case 1 -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter.length == 0 ? new byte[] {0} : shorter;
                }
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) SYNTAX.charAt(Math.floorMod(m[1], SYNTAX.length()));
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        assertLoads(name, bytes);
    }

    @Property(tries = 100)
    void randomBytesNeverEscapeTheLoader(@ForAll("randomBytes") byte[] bytes, @ForAll("fileName") String name)
            throws IOException {
        assertLoads(name, bytes);
    }

    @Property(tries = 50)
    void deeplyNestedInputNeverEscapesTheLoader(@ForAll("depth") int depth, @ForAll("fileName") String name)
            throws IOException {
        String text = "[".repeat(depth) + "{\"a\": " + "{".repeat(depth);
        if (name.endsWith(".md")) {
            text = "---\nid: x\ntitle: " + "[".repeat(depth) + "\n---\n" + "> ".repeat(depth) + "text\n";
        }
        assertLoads(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertLoads(String name, byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("lectern-property-");
        try {
            CourseFolder course = new CourseFolder(dir);
            course.write(name, bytes);
            LoadedCourse loaded = course.load();
            assertThat(loaded).isNotNull();
            assertThat(loaded.problems()).allSatisfy(p -> {
                assertThat(p.line()).isPositive();
                assertThat(p.column()).isPositive();
                assertThat(p.message()).isNotBlank().doesNotContain("internal error").doesNotContain("\tat ");
            });
            assertThat(loaded.course().reading("good")).as("the good reading still loads").isPresent();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<String> fileName() {
        return Arbitraries.of(NAMES);
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(50, 5000);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(-128, 127),
                Arbitraries.integers().between(0, 2)).as((a, b, c) -> new int[] {a, b, c});
        return one.list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
    }
}
