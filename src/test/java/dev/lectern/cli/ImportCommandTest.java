package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    private static String fixture(String relative) {
        try {
            return Path.of(ImportCommandTest.class.getResource("/dev/lectern/interchange/import/" + relative).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importPrintsThePlanAndTheReportThenWritesACourseThatValidates() {
        Path course = dir.resolve("course");

        CliRun run = CliRun.run("import", "posts", fixture("posts"), "--into", course.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Import of 4 files (posts) into " + course + ":")
                .contains("  create " + course.resolve("readings/patch-codebooks.md") + "  reading: new reading, week 7,"
                        + " \"Tokenizers for pictures\"")
                .contains("Report:")
                .contains("2026-10-22-no-readings.md:6: skipped: No readings heading")
                .contains("7 new readings, 0 new question sets, 0 updated, 0 already in the course; 3 skipped")
                .contains("  create " + course.resolve("readings/course.yaml") + "  course file: new course \"course\"")
                .contains("Wrote 8 files.");
        LoadedCourse loaded = CourseLoader.load(course);
        assertThat(loaded.problems()).isEmpty();
        assertThat(CliRun.run("validate", course.toString()).exitCode()).isZero();
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() {
        Path course = dir.resolve("course");

        CliRun run = CliRun.run("import", "qa", fixture("qa/week7-qa.txt"), "--into", course.toString(), "--dry-run",
                "--week", "7");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("create " + course.resolve("questions"))
                .contains("week7-qa.txt:23: note: Question 4")
                .endsWith("Dry run: nothing was written." + System.lineSeparator());
        assertThat(course).doesNotExist();
    }

    @Test
    void importingAgainWritesNothing() {
        Path course = dir.resolve("course");
        CliRun.run("import", "posts", fixture("posts"), "--into", course.toString());
        CliRun.run("import", "anki", fixture("anki"), "--into", course.toString());

        CliRun again = CliRun.run("import", "anki", fixture("anki"), "--into", course.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("  keep   ").endsWith("Nothing to write: the course already has everything"
                + " imported." + System.lineSeparator());
    }

    @Test
    void anUnknownKindIsAUsageError() {
        CliRun run = CliRun.run("import", "slides", fixture("posts"), "--into", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown kind \"slides\": use posts, qa or anki.").contains("Usage: lectern import");
    }

    @Test
    void intoIsRequired() throws IOException {
        Path post = Files.writeString(dir.resolve("post.md"), "---\ntitle: T\n---\n");

        CliRun run = CliRun.run("import", "posts", post.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--into");
    }
}
