package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.ui.TestCourses;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lectern search}: the app's search at the terminal, as lines or as JSON. */
class SearchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aWordPrintsTheReadingsAndQuestionsThatHaveItWithTheWordMarked() {
        Path course = TestCourses.copyOfBundledCourse(dir.resolve("course"));

        CliRun run = CliRun.run("search", "--course", course.toString(), "promptable");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("reading  segment-anything, slide ").contains("[promptable]")
                .contains("question segment-anything/");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonGivesKindIdsSlideTitleAndSnippetForEachHitAndKeepsToTheLimit() throws Exception {
        Path course = TestCourses.copyOfBundledCourse(dir.resolve("course"));

        CliRun run = CliRun.run("search", "--course", course.toString(), "--json", "--limit", "1", "mask", "decoder");

        assertThat(run.exitCode()).isZero();
        JsonNode hits = new ObjectMapper().readTree(run.out());
        assertThat(hits.isArray()).isTrue();
        assertThat(hits.size()).isBetween(1, 2);
        JsonNode first = hits.get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("kind", "readingId", "setId", "questionId", "slide", "title", "snippet");
        assertThat(first.get("kind").asText()).isIn("reading", "question");
        assertThat(first.get("snippet").asText().toLowerCase()).contains("decoder");
        for (JsonNode h : hits) {
            if (h.get("kind").asText().equals("reading")) {
                assertThat(h.get("slide").isInt()).isTrue();
            } else {
                assertThat(h.get("slide").isNull()).isTrue();
                assertThat(h.get("questionId").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void nothingFoundSaysSoAndABadLimitIsAUsageError() throws Exception {
        Path course = TestCourses.copyOfBundledCourse(dir.resolve("course"));

        CliRun none = CliRun.run("search", "--course", course.toString(), "zyxwvutsrq");
        CliRun bad = CliRun.run("search", "--course", course.toString(), "--limit", "0", "mask");
        CliRun empty = CliRun.run("search", "--course", Files.createDirectories(dir.resolve("e/readings")).getParent()
                .toString(), "--json", "mask");

        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("Nothing in the course matches \u201Czyxwvutsrq\u201D.");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--limit must be 1 or more");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out().strip()).isEqualTo("[ ]");
    }
}
