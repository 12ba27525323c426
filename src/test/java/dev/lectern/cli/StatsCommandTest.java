package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.FakeProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {

    static final String NL = System.lineSeparator();
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z"); // a Monday
    static final CardKey ONE = new CardKey("counting", "one");
    static final CardKey TWO = new CardKey("counting", "two");

    @TempDir
    Path dir;

    FakeProgress progress;

    @BeforeEach
    void writeCourse() throws IOException {
        Files.createDirectories(dir.resolve("readings"));
        Files.createDirectories(dir.resolve("questions"));
        Files.writeString(dir.resolve("readings/numbers.md"), "---\nid: numbers\ntitle: Numbers\nweek: 3\n"
                + "questionSets: [counting]\n---\n\n## Abstract\n\nOn numbers.\n");
        Files.writeString(dir.resolve("readings/letters.md"), "---\nid: letters\ntitle: Letters\nweek: 4\n---\n\n"
                + "## Abstract\n\nOn letters.\n");
        Files.writeString(dir.resolve("questions/counting.json"), """
                {"id": "counting", "title": "Counting", "readings": ["numbers"], "questions": [
                  {"id": "one", "prompt": "What is one?", "referenceAnswer": "One is the first number."},
                  {"id": "two", "prompt": "What is two?", "referenceAnswer": "Two comes after one."},
                  {"id": "three", "prompt": "What is three?", "referenceAnswer": "Three is two plus one."}]}
                """);
        progress = new FakeProgress(dir.resolve("data"));
    }

    private static ReviewRecord review(CardKey card, Instant at, FlashcardRating rating) {
        return new ReviewRecord(card, at, rating, OptionalInt.empty(), Optional.empty(), "", Duration.ZERO,
                ReviewMode.REVIEW);
    }

    private CliRun stats(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "stats";
        all[1] = "--course";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.withProgress("", new FakeGrader(), progress, Clock.fixed(NOW, ZoneOffset.UTC), all);
    }

    @Test
    void statsPrintTheFiguresOfAKnownLog() {
        progress.withLog(List.of(
                review(ONE, NOW.minus(Duration.ofDays(2)), FlashcardRating.GOOD),
                review(TWO, NOW.minus(Duration.ofDays(2)).plusSeconds(60), FlashcardRating.AGAIN),
                review(ONE, NOW.minus(Duration.ofDays(1)), FlashcardRating.GOOD),
                review(ONE, NOW, FlashcardRating.AGAIN),
                review(TWO, NOW.plusSeconds(60), FlashcardRating.GOOD)));
        progress.states.put(ONE, new CardState(CardPhase.REVIEW, 0, 30, 5, Optional.of(NOW.plus(Duration.ofDays(5))),
                Optional.of(NOW), 3, 1));
        progress.states.put(TWO, new CardState(CardPhase.REVIEW, 0, 2, 5, Optional.of(NOW.minusSeconds(3600)),
                Optional.of(NOW), 2, 1));

        CliRun run = stats();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(String.join(NL,
                "Statistics on 2026-03-02",
                "5 reviews of 2 questions. Streak: 3 days (longest 3 days).",
                "",
                "Reviews per day, last 30 days: 5 reviews, on these days:",
                "  2026-02-28  2",
                "  2026-03-01  1",
                "  2026-03-02  2",
                "",
                "Due in the next 30 days: 2 reviews (today's count includes the overdue):",
                "  2026-03-02  1",
                "  2026-03-07  1",
                "",
                "True retention by week (reviews of questions last seen a day or more before):",
                "  week of 2026-02-23  100%  (1 of 1 recalled)",
                "  week of 2026-03-02   50%  (1 of 2 recalled)",
                "",
                "Mastery per reading (questions with a stability of 21 days or more):",
                "  numbers   33%  1 of 3  Numbers",
                "",
                "Exams: none finished yet.",
                ""));
    }

    @Test
    void historyOfQuestionsNoLongerInTheCourseIsNamedNotDropped() {
        CardKey renamed = new CardKey("counting", "zero");
        progress.withLog(List.of(review(renamed, NOW, FlashcardRating.GOOD), review(ONE, NOW, FlashcardRating.GOOD)));
        progress.states.put(renamed, new CardState(CardPhase.LEARNING, 1, 2, 5, Optional.of(NOW.plusSeconds(600)),
                Optional.of(NOW), 1, 0));
        progress.states.put(ONE, new CardState(CardPhase.LEARNING, 1, 2, 5, Optional.of(NOW.plusSeconds(600)),
                Optional.of(NOW), 1, 0));

        CliRun run = stats();

        assertThat(run.out()).endsWith(NL + "History kept for 1 question no longer in the course (renamed or removed;"
                + " it comes back if they return): counting/zero" + NL);
    }

    @Test
    void anEmptyLogSaysSo() {
        CliRun run = stats("--days", "365");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 reviews of 0 questions. Streak: 0 days (longest 0 days).")
                .contains("Reviews per day, last 365 days: 0 reviews." + NL)
                .contains("Due in the next 30 days: 0 reviews." + NL)
                .contains("True retention by week (reviews of questions last seen a day or more before): none yet.");
    }

    @Test
    void progressIsOpenedInTheDataFolderGivenToLectern() {
        List<Path> opened = new java.util.ArrayList<>();
        CliContext context = new CliContext(FakeGrader::new, () -> new java.io.BufferedReader(new java.io.StringReader(
                "")), false, java.nio.charset.StandardCharsets.UTF_8, dataDir -> {
                    opened.add(dataDir);
                    return progress;
                }, Clock.fixed(NOW, ZoneOffset.UTC));

        CliRun run = CliRun.run(context, "--data-dir", dir.resolve("elsewhere").toString(), "stats", "--course",
                dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // A course other than the bundled one keeps its progress in a data folder of its own in the one given.
        String id = dev.lectern.course.load.CourseLoader.load(dir).course().info().id();
        assertThat(opened).containsExactly(dir.resolve("elsewhere").toAbsolutePath().resolve("courses").resolve(id));
    }

    @Test
    void daysOtherThanThirtyNinetyOrAYearAreAUsageError() {
        CliRun run = stats("--days", "7");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--days must be 30, 90 or 365, not 7.");
    }
}
