package dev.lectern.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The house rules a newcomer relies on that live in the files rather than in the classes: small files, folders read
 * at a glance, one atomic write, benchmarks in their own room, and nothing but records in {@code course}.
 */
class SourceLayoutTest {

    static final Path MAIN = Path.of("src/main/java/dev/lectern");
    static final int MAX_LINES = 600;
    static final int MAX_FILES_PER_FOLDER = 25;

    /** Main source files longer than {@link #MAX_LINES}, with their length. */
    static List<String> longFiles(Path root) {
        return javaFiles(root).filter(f -> lines(f) > MAX_LINES).map(f -> root.relativize(f) + ": " + lines(f)).toList();
    }

    /** Folders with more than {@link #MAX_FILES_PER_FOLDER} files directly in them. */
    static List<String> crowdedFolders(Path root) {
        try (Stream<Path> dirs = Files.walk(root)) {
            return dirs.filter(Files::isDirectory).filter(d -> filesIn(d) > MAX_FILES_PER_FOLDER)
                    .map(d -> root.relativize(d) + ": " + filesIn(d)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files that mention {@code text}, relative to {@code root}. */
    static List<String> filesMentioning(Path root, String text) {
        return javaFiles(root).filter(f -> read(f).contains(text)).map(f -> root.relativize(f).toString()).toList();
    }

    @Test
    void noMainSourceFileIsLongerThanSixHundredLines() {
        assertThat(longFiles(MAIN)).isEmpty();
    }

    @Test
    void noPackageFolderHoldsMoreThanTwentyFiveFiles() {
        assertThat(crowdedFolders(MAIN)).isEmpty();
    }

    @Test
    void theAtomicMoveIsMadeInOneFileOnly() {
        assertThat(filesMentioning(MAIN, "ATOMIC_MOVE")).containsExactly("files/AtomicFiles.java");
    }

    @Test
    void benchmarksLiveInTheBenchPackageOnly() {
        assertThat(javaFiles(MAIN).map(f -> MAIN.relativize(f).toString())
                .filter(f -> f.substring(f.lastIndexOf('/') + 1).startsWith("Bench"))).allMatch(f -> f.startsWith("bench/"));
    }

    @Test
    void theCourseFolderHoldsDomainTypesAndNoImporterOrExporter() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("course"))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .isNotEmpty()
                    .noneMatch(name -> name.contains("Import") || name.contains("Export"));
        }
    }

    @Test
    void theRulesFindALongFileAndACrowdedFolder(@TempDir Path dir) throws IOException {
        Path crowded = Files.createDirectories(dir.resolve("crowded"));
        for (int i = 0; i <= MAX_FILES_PER_FOLDER; i++) {
            Files.writeString(crowded.resolve("F" + i + ".java"), "class F" + i + " {}\n");
        }
        Files.writeString(dir.resolve("Long.java"), "//\n".repeat(MAX_LINES + 1));

        assertThat(longFiles(dir)).containsExactly("Long.java: 601");
        assertThat(crowdedFolders(dir)).containsExactly("crowded: 26");
        assertThat(filesMentioning(dir, "class F7 ")).containsExactly("crowded/F7.java");
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long filesIn(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        return read(file).lines().count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
