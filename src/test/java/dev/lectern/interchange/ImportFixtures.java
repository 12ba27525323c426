package dev.lectern.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hand-made import fixtures in src/test/resources, the seed files when present, and helpers. */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    public static Path fixture(String relative) {
        try {
            return Path.of(ImportFixtures.class.getResource("/dev/lectern/interchange/import/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed folder next to the repository ({@code ../shared/seeds}); tests using it are skipped without it. */
    public static Path seeds() {
        return Path.of("..", "shared", "seeds").toAbsolutePath().normalize();
    }

    public static Path seedPost() {
        return seeds().resolve("000_25a6cef4f63331dc.txt");
    }

    public static Path seedQaSheet() {
        return seeds().resolve("001_24964118e4ecab97.txt");
    }

    /** A copy of the bundled course (readings/ and questions/ of this repository) in {@code dir}. */
    public static Path bundledCourseCopy(Path dir) {
        Path course = dir.resolve("bundled");
        copy(Path.of("readings"), course.resolve("readings"));
        copy(Path.of("questions"), course.resolve("questions"));
        return course;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportPlan plan(ImportKind kind, Path course, Path... inputs) {
        return Importer.plan(kind, List.of(inputs), course, ImportOptions.NONE);
    }

    /** Applies the plan, expecting every file to be written, and loads the course. */
    public static LoadedCourse applyAndLoad(ImportPlan plan) {
        ImportResult result = Importer.apply(plan);
        assertThat(result.failures()).isEmpty();
        return CourseLoader.load(plan.courseDir());
    }

    public static Reading reading(LoadedCourse course, String id) {
        return course.course().readings().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no reading " + id + " in " + course.course().readings().stream()
                        .map(Reading::id).toList()));
    }

    public static QuestionSet set(LoadedCourse course, String id) {
        return course.course().questionSets().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no question set " + id));
    }

    public static List<String> messages(ImportPlan plan) {
        return plan.report().entries().stream().map(ImportReport.Entry::format).toList();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
