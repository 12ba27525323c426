package dev.lectern.ui.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.study.StudyStatistics;
import dev.lectern.ui.DrillFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics without a window: the figures of a known review log, the span toggle, and the export. */
class StatisticsViewModelTest {

    static GradingService grading;
    static final Instant T0 = DrillFixture.T0; // Monday 2 March 2026, 10:00 UTC
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final CardKey SOURCE = new CardKey("llava", "instruction-data-source");
    static final CardKey TYPES = new CardKey("llava", "three-response-types");

    @TempDir
    Path dir;

    DrillFixture fx;

    @BeforeAll
    static void startGrader() {
        grading = GradingService.of(DrillFixture::grade);
    }

    @AfterAll
    static void stopGrader() {
        grading.close();
    }

    private static ReviewRecord review(CardKey card, Instant at, FlashcardRating rating) {
        return new ReviewRecord(card, at, rating, OptionalInt.empty(), Optional.empty(), "", Duration.ofSeconds(5),
                ReviewMode.REVIEW);
    }

    private static CardState graduated(double stability, Instant due) {
        return new CardState(CardPhase.REVIEW, 0, stability, 5, Optional.of(due), Optional.of(T0), 3, 0);
    }

    @BeforeEach
    void setUp() {
        fx = new DrillFixture(dir);
        // Reviews on the 28th of February (2), the 1st of March (1) and today (2); SOURCE comes back 2 and 1 days on.
        fx.progress.withLog(List.of(
                review(SOURCE, T0.minus(Duration.ofDays(2)), FlashcardRating.GOOD),
                review(TYPES, T0.minus(Duration.ofDays(2)).plusSeconds(60), FlashcardRating.AGAIN),
                review(SOURCE, T0.minus(Duration.ofDays(1)), FlashcardRating.GOOD),
                review(SOURCE, T0, FlashcardRating.AGAIN),
                review(TYPES, T0.plusSeconds(60), FlashcardRating.GOOD)));
        fx.progress.states.put(SOURCE, graduated(30, T0.plus(Duration.ofDays(5))));
        fx.progress.states.put(TYPES, graduated(2, T0.minus(Duration.ofHours(1))));
    }

    private StatisticsViewModel statistics() {
        StatisticsViewModel stats = new StatisticsViewModel(fx.services(grading), fx.course);
        fx.ui.runUntil(() -> !stats.loadingProperty().get());
        return stats;
    }

    @Test
    void reviewsPerDayCoverTheLastThirtyDaysEndingToday() {
        StatisticsViewModel stats = statistics();

        assertThat(stats.reviewsPerDay()).hasSize(30);
        assertThat(stats.reviewsPerDay().get(29)).isEqualTo(new StudyStatistics.DayCount(TODAY, 2));
        assertThat(stats.reviewsPerDay().get(28)).isEqualTo(new StudyStatistics.DayCount(TODAY.minusDays(1), 1));
        assertThat(stats.reviewsPerDay().get(27)).isEqualTo(new StudyStatistics.DayCount(TODAY.minusDays(2), 2));
        assertThat(stats.reviewsPerDay().subList(0, 27)).allMatch(d -> d.count() == 0);
        assertThat(stats.progressProperty().get()).isEqualTo("5 reviews");
        assertThat(stats.title()).isEqualTo("Statistics");
    }

    @Test
    void howOftenTheStudentOverrodeTheGraderIsShownPerQuestionSetByItsTitle() {
        assertThat(statistics().overridesProperty().get()).startsWith("No graded answers yet");
        Instant later = T0.plusSeconds(600);
        List<ReviewRecord> log = new java.util.ArrayList<>(fx.progress.allReviews());
        log.add(practiced(SOURCE, later, Verdict.PARTIAL, Verdict.CORRECT));
        log.add(practiced(TYPES, later.plusSeconds(1), Verdict.INCORRECT, Verdict.INCORRECT));
        log.add(practiced(TYPES, later.plusSeconds(2), Verdict.CORRECT, Verdict.CORRECT));
        log.add(practiced(TYPES, later.plusSeconds(3), Verdict.CORRECT, Verdict.CORRECT));
        fx.progress.withLog(log);

        String title = fx.course.questionSets().stream().filter(q -> q.id().equals("llava")).findFirst()
                .orElseThrow().title();
        assertThat(statistics().overridesProperty().get()).startsWith(title + ": 1 of 4 graded answers (25%)\n")
                .contains("may need better reference answers or key points");
    }

    private static ReviewRecord practiced(CardKey card, Instant at, Verdict grader, Verdict student) {
        return new ReviewRecord(card, at, FlashcardRating.suggestedFor(student), OptionalInt.of(50),
                Optional.of(student), "an answer typed at " + at, Duration.ofSeconds(9), ReviewMode.PRACTICE,
                Optional.of(grader));
    }

    @Test
    void historyOfAQuestionNoLongerInTheCourseIsNamed() {
        assertThat(statistics().keptProperty().get()).isEmpty();
        fx.progress.states.put(new CardKey("llava", "renamed-question"), graduated(3, T0.plus(Duration.ofDays(2))));

        assertThat(statistics().keptProperty().get()).isEqualTo("History is kept for 1 question no longer in the"
                + " course (renamed or removed); it counts again if they return: llava/renamed-question.");
    }

    @Test
    void theSpanToggleShowsNinetyOrThreeHundredSixtyFiveDays() {
        StatisticsViewModel stats = statistics();

        stats.daysProperty().set(90);
        assertThat(stats.reviewsPerDay()).hasSize(90).last().isEqualTo(new StudyStatistics.DayCount(TODAY, 2));

        stats.daysProperty().set(365);
        assertThat(stats.reviewsPerDay()).hasSize(365);
        assertThat(stats.reviewsPerDay().get(0).day()).isEqualTo(TODAY.minusDays(364));
    }

    @Test
    void theForecastPutsOverdueQuestionsOnTodayAndTheRestOnTheirDay() {
        StatisticsViewModel stats = statistics();

        assertThat(stats.dueForecast()).hasSize(30);
        assertThat(stats.dueForecast().get(0)).isEqualTo(new StudyStatistics.DayCount(TODAY, 1));
        assertThat(stats.dueForecast().get(5)).isEqualTo(new StudyStatistics.DayCount(TODAY.plusDays(5), 1));
        assertThat(stats.dueForecast().stream().mapToInt(StudyStatistics.DayCount::count).sum()).isEqualTo(2);
    }

    @Test
    void streaksTotalsMasteryAndRetentionComeFromTheLog() {
        StatisticsViewModel stats = statistics();

        assertThat(stats.streaksProperty().get()).isEqualTo("Streak: 3 days (longest 3 days)");
        assertThat(stats.totalsProperty().get()).isEqualTo("5 reviews of 2 questions");
        StudyStatistics.ReadingMastery llava = stats.mastery().stream().filter(m -> m.readingId().equals("llava"))
                .findFirst().orElseThrow();
        assertThat(llava.title()).isEqualTo("LLaVA");
        assertThat(llava.mastered()).isEqualTo(1);
        assertThat(llava.questions()).isEqualTo(fx.course.questionSet("llava").orElseThrow().questions().size());
        assertThat(stats.mastery()).extracting(StudyStatistics.ReadingMastery::readingId)
                .containsExactlyElementsOf(fx.course.readings().stream().map(r -> r.id()).toList());
        // SOURCE was reviewed a day after its previous review twice: once recalled (Sunday's week), once not (today's).
        assertThat(stats.retentionByWeek()).containsExactly(
                new StudyStatistics.WeekRetention(TODAY.minusDays(7), 1, 1),
                new StudyStatistics.WeekRetention(TODAY, 2, 1));
        assertThat(stats.examSummaryProperty().get()).isEqualTo("No finished exams yet.");
        assertThat(stats.exams()).isEmpty();
    }

    @Test
    void exportingWritesTheReviewLogAndSaysHowManyReviews() throws IOException {
        StatisticsViewModel stats = statistics();
        Path out = dir.resolve("reviews.csv");
        fx.dialogs.nextSaveFile = Optional.of(out);

        stats.exportReviewLog();
        fx.ui.runUntil(() -> !stats.messageProperty().get().startsWith("Exporting"));

        assertThat(stats.messageProperty().get()).isEqualTo("5 reviews exported to " + out + ".");
        assertThat(Files.readAllLines(out)).hasSize(6);
        assertThat(fx.dialogs.shown).containsExactly("save file: Export Review Log: lectern-reviews.csv");
    }

    @Test
    void cancellingTheExportWritesNothing() {
        StatisticsViewModel stats = statistics();

        stats.exportReviewLog();

        assertThat(fx.progress.events).doesNotContain("export");
        assertThat(stats.messageProperty().get()).isEmpty();
    }

    @Test
    void anExportThatFailsSaysWhy() {
        StatisticsViewModel stats = statistics();
        Path out = dir.resolve("no-such-folder").resolve("x").resolve("reviews.csv");

        stats.exportReviewLog(out);
        fx.ui.runUntil(() -> !stats.messageProperty().get().startsWith("Exporting"));

        assertThat(stats.messageProperty().get()).startsWith("The review log could not be exported to " + out + ": ");
    }

    @Test
    void anEmptyRetentionChartSaysWhyAndAFullOneSaysNothing() {
        StatisticsViewModel withReviews = statistics();
        assertThat(withReviews.retentionByWeek()).isNotEmpty();
        assertThat(withReviews.retentionNoteProperty().get()).isEmpty();

        fx = new DrillFixture(Path.of(dir.toString(), "learning"));
        fx.progress.withLog(List.of(review(TYPES, T0, FlashcardRating.GOOD)));
        StatisticsViewModel learningOnly = statistics();
        assertThat(learningOnly.retentionByWeek()).isEmpty();
        assertThat(learningOnly.retentionNoteProperty().get()).startsWith("No retention yet: it counts the reviews of"
                + " questions that have finished their learning steps");

        fx = new DrillFixture(Path.of(dir.toString(), "none"));
        assertThat(statistics().retentionNoteProperty().get()).isEqualTo("No retention yet: nothing has been reviewed.");
    }

    @Test
    void theBackupsAreListedWithTheLineThatRestoresOne() {
        assertThat(statistics().backupsProperty().get()).startsWith("No backups yet:");

        Path folder = dir.resolve("data/backups");
        fx.progress.backups = List.of(
                new dev.lectern.store.BackupFile(folder.resolve("progress-session-20260302-095900.db"), T0.minusSeconds(60),
                        2 * 1024 * 1024, java.util.OptionalLong.of(42)),
                new dev.lectern.store.BackupFile(folder.resolve("progress-2026-03-01.db"), T0.minus(Duration.ofDays(1)),
                        1024 * 1024, java.util.OptionalLong.empty()));

        String listed = statistics().backupsProperty().get();
        assertThat(listed.lines()).hasSize(3);
        assertThat(listed.lines().findFirst().orElseThrow()).startsWith("progress-session-20260302-095900.db")
                .endsWith("42 reviews");
        assertThat(listed).contains("progress-2026-03-01.db").contains("cannot be read")
                .endsWith("close Lectern and run lectern restore " + folder + "/NAME.");
    }
}
