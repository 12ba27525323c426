package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.ProgressStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress kept per course: real course folders, real progress databases in a data folder of the test's own. */
class CourseProgressCommandTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    Path first;
    Path second;
    Path data;

    @BeforeEach
    void writeTwoCoursesWithTheSameSetIds() throws IOException {
        first = course("first", "first-course-aaaaaa", "First course");
        second = course("second", "second-course-bbbbbb", "Second course");
        data = dir.resolve("data");
    }

    private Path course(String folder, String id, String title) throws IOException {
        Path root = dir.resolve(folder);
        Files.createDirectories(root.resolve("readings"));
        Files.createDirectories(root.resolve("questions"));
        Files.writeString(root.resolve("readings/course.yaml"), "id: " + id + "\ntitle: " + title + "\n");
        Files.writeString(root.resolve("readings/numbers.md"), "---\nid: numbers\ntitle: Numbers\nweek: 3\n"
                + "questionSets: [counting]\n---\n\n## Abstract\n\nOn numbers.\n");
        Files.writeString(root.resolve("questions/counting.json"), """
                {"id": "counting", "title": "Counting", "readings": ["numbers"], "questions": [
                  {"id": "one", "prompt": "What is one?", "referenceAnswer": "One is the first number."},
                  {"id": "two", "prompt": "What is two?", "referenceAnswer": "Two comes after one."},
                  {"id": "three", "prompt": "What is three?", "referenceAnswer": "Three is two plus one."}]}
                """);
        return root;
    }

    private CliRun lectern(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(new CliContext(FakeGrader::new, () -> new BufferedReader(new StringReader(stdin)), false,
                StandardCharsets.UTF_8, folder -> ProgressStore.open(folder, CLOCK), CLOCK), all);
    }

    @Test
    void twoCoursesWithTheSameSetIdsNeverShareTheirHistory() {
        CliRun reviewed = lectern("\nagain\n\nhard\n\ngood\n", "review", "--course", first.toString());
        assertThat(reviewed.exitCode()).as(reviewed.err()).isZero();

        CliRun firstStats = lectern("", "stats", "--course", first.toString());
        CliRun secondStats = lectern("", "stats", "--course", second.toString());

        assertThat(firstStats.exitCode()).as(firstStats.err()).isZero();
        assertThat(firstStats.out()).contains("3 reviews of 3 questions.");
        assertThat(secondStats.exitCode()).as(secondStats.err()).isZero();
        assertThat(secondStats.out()).contains("0 reviews of 0 questions.");

        CliRun reviewedSecond = lectern("\ngood\n", "review", "--course", second.toString());
        assertThat(reviewedSecond.exitCode()).as(reviewedSecond.err()).isZero();
        // The second course's review shows every question as new: the first course's ratings are not its own.
        assertThat(reviewedSecond.out()).contains("3 questions due");
        assertThat(lectern("", "stats", "--course", second.toString()).out()).contains("1 review of 1 question.");
        assertThat(lectern("", "stats", "--course", first.toString()).out()).contains("3 reviews of 3 questions.");
    }

    @Test
    void progressKeptBeforeCoursesHadIdsStaysWithTheCourseWhoseSetsItReviewed() {
        try (ProgressStore legacy = ProgressStore.open(data, CLOCK)) {
            legacy.append(new ReviewRecord(new CardKey("counting", "one"), NOW.minusSeconds(3600), FlashcardRating.GOOD,
                    OptionalInt.empty(), Optional.empty(), "", Duration.ZERO, ReviewMode.REVIEW));
        }

        CliRun firstStats = lectern("", "stats", "--course", first.toString());
        CliRun secondStats = lectern("", "stats", "--course", second.toString());

        assertThat(firstStats.out()).as(firstStats.err()).contains("1 review of 1 question.");
        assertThat(secondStats.out()).as(secondStats.err()).contains("0 reviews of 0 questions.");
        assertThat(data.resolve("progress-course")).hasContent("first-course-aaaaaa");
    }

    @Test
    void backupWithACourseCopiesThatCoursesProgress() throws IOException {
        lectern("\ngood\n", "review", "--course", second.toString());

        CliRun backup = lectern("", "backup", "--course", second.toString(), "--out", dir.resolve("copy.db").toString());

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains(data.resolve("courses").resolve("second-course-bbbbbb").toString());
        Files.createDirectories(dir.resolve("restored"));
        Files.copy(dir.resolve("copy.db"), dir.resolve("restored/progress.db"));
        try (ProgressStore copy = ProgressStore.open(dir.resolve("restored"), CLOCK)) {
            assertThat(copy.allReviews()).extracting(r -> r.card().questionId()).containsExactly("one");
        }
    }
}
