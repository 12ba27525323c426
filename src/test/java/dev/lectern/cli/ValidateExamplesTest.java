package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateExamplesTest {

    @TempDir
    Path dir;

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void validateWarnsAtEachExampleWhoseGradeDisagreesWithItsVerdict() throws IOException {
        write("readings/r.md", "---\nid: r\ntitle: R\nweek: 7\nquestionSets: [s]\n---\n");
        write("questions/s.json", """
                {"id": "s", "title": "S", "readings": ["r"], "questions": [
                  {"id": "q", "prompt": "What?", "referenceAnswer": "This.",
                   "examples": [
                     {"answer": "This.", "verdict": "correct"},
                     {"answer": "That.", "verdict": "correct"},
                     {"answer": "70", "verdict": "incorrect"},
                     {"answer": "Nothing.", "verdict": "incorrect"}
                   ]}
                ]}
                """);

        CliRun run = CliRun.withInput("", new FakeGrader(), "validate", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                dir.resolve("questions/s.json") + ":5:6: warning: This example of \"q\" is marked correct, but the grader"
                        + " says incorrect (0/100): add a key point or an accepted phrasing?",
                dir.resolve("questions/s.json") + ":6:6: warning: This example of \"q\" is marked incorrect, but the"
                        + " grader says correct (70/100): does a key point or accepted phrasing accept too much, or is a"
                        + " key point missing?",
                "1 reading, 1 question set, 1 question: 0 errors, 2 warnings");
        assertThat(run.err()).contains("Grading 4 judged examples");
    }

    @Test
    void aCourseWithoutExamplesIsValidatedWithoutTheGrader() throws IOException {
        write("readings/r.md", "---\nid: r\ntitle: R\nweek: 7\nquestionSets: [s]\n---\n");
        write("questions/s.json", """
                {"id": "s", "title": "S", "readings": ["r"], "questions": [
                  {"id": "q", "prompt": "What?", "referenceAnswer": "This."}]}
                """);
        FakeGrader grader = new FakeGrader().failingOn("This.");

        CliRun run = CliRun.withInput("", grader, "validate", dir.toString());

        assertThat(run.out().lines()).containsExactly("1 reading, 1 question set, 1 question: 0 errors, 0 warnings");
        assertThat(run.err()).isEmpty();
    }
}
