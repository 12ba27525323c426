package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.bench.SyntheticCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void validateExitsZeroOnTheBundledCourse() {
        CliRun run = CliRun.run("validate", Path.of("").toAbsolutePath().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("10 readings, 10 question sets, \\d+ questions: 0 errors, 0 warnings");
    }

    @Test
    void validatePrintsProblemsLikeACompilerAndExitsOneOnErrors() throws IOException {
        write("readings/r.md", "---\nid: r\ntitle: R\nweek: seven\n---\n");
        write("questions/s.json", "{\"id\": \"s\", \"title\": \"S\", \"readings\": [\"r\"], \"questions\": [],"
                + " \"colour\": 1}\n");

        CliRun run = CliRun.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                dir.resolve("questions/s.json") + ":1:40: error: This set drills the reading \"r\", which did not load: fix the problem in readings/r.md and it comes back.",
                dir.resolve("questions/s.json") + ":1:59: warning: This set has no questions yet.",
                dir.resolve("questions/s.json") + ":1:63: warning: Unknown key \"colour\" in this question set (it is ignored).",
                dir.resolve("readings/r.md") + ":4:7: error: \"week\" should be a whole number (the course week this"
                        + " reading belongs to, such as 7), but is the text \"seven\".",
                "0 readings, 1 question set, 0 questions: 2 errors, 2 warnings");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validateExitsTwoOnAUsageError() {
        CliRun run = CliRun.run("validate", "one", "two");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument").contains("Usage: lectern validate");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.run("validat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("validate");
    }

    @Test
    void validateReportsAMissingFolderWithoutAStackTrace() {
        CliRun run = CliRun.run("validate", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("error: The course folder does not exist.");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void syntheticBenchCourseIsAValidCourse() throws IOException {
        SyntheticCourse.write(dir, 30, 95);

        CliRun run = CliRun.run("validate", dir.toString());

        assertThat(run.out()).endsWith("30 readings, 10 question sets, 95 questions: 0 errors, 0 warnings"
                + System.lineSeparator());
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void benchLoadPrintsTimeAndRetainedHeap() {
        CliRun run = CliRun.run("bench", "load", "--readings", "20", "--questions", "50", "--repeat", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("loaded 20 readings, 5 question sets, 50 questions: 0 errors, 0 warnings")
                .containsPattern("first load: \\d+ ms")
                .containsPattern("retained heap of the loaded course: -?[\\d.]+ MB");
    }
}
