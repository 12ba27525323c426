package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.Verdict;
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
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

    static final String NL = System.lineSeparator();
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

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
                {
                  "id": "counting",
                  "title": "Counting",
                  "readings": ["numbers"],
                  "questions": [
                    {"id": "one", "prompt": "What is one?", "referenceAnswer": "One is the first number."},
                    {"id": "two", "prompt": "What is two?", "referenceAnswer": "Two comes after one."},
                    {"id": "three", "prompt": "What is three?", "referenceAnswer": "Three is two plus one."}
                  ]
                }
                """);
        progress = new FakeProgress(dir.resolve("data"));
    }

    private CliRun review(String input, String... args) {
        return review(new FakeGrader(), input, args);
    }

    private CliRun review(FakeGrader grader, String input, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "review";
        all[1] = "--course";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.withProgress(input, grader, progress, Clock.fixed(NOW, ZoneOffset.UTC), all);
    }

    @Test
    void reviewAsksEachDueQuestionGradesItSuggestsARatingAndSavesTheRatingGiven() {
        CliRun run = review("One is the first number.\n\n\n\nx\n4\n40\n");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(String.join(NL,
                "Review of the whole course: 3 questions due. Type an answer (an empty line shows the reference"
                        + " answer), then a rating: 1-4 or again, hard, good, easy; an empty line takes the suggested"
                        + " one; u instead of an answer takes back the last rating. End of input (Ctrl+D) stops.",
                "",
                "3 left · Counting",
                "What is one?",
                "> One is the first number.",
                "Score 100/100 · correct",
                "Graded against: What is one?",
                "Reference answer: One is the first number.",
                "1 Again 1m · 2 Hard 6m · 3 Good 10m (suggested) · 4 Easy " + easy("one"),
                "Rating (Enter = Good)> ",
                "Good: back in 10m, later in this session.",
                "",
                "2 left · 1 learning · Counting",
                "What is two?",
                "> ",
                "Reference answer: Two comes after one.",
                "1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy " + easy("two"),
                "Rating> ",
                "Nothing was graded, so there is no suggestion: type 1-4 or again, hard, good, easy.",
                "Rating> x",
                "\"x\" is not a rating: type 1-4 or again, hard, good, easy.",
                "Rating> 4",
                "Easy: back in " + easy("two") + ".",
                "",
                "1 left · 1 learning · Counting",
                "What is three?",
                "> 40",
                "Score 40/100 · partial",
                "Graded against: What is three?",
                "Reference answer: Three is two plus one.",
                "1 Again 1m · 2 Hard 6m (suggested) · 3 Good 10m · 4 Easy " + easy("three"),
                "Rating (Enter = Hard)> ",
                "",
                "Reviewed 2 questions of 3: 0 Again, 0 Hard, 1 Good, 1 Easy.",
                ""));
        assertThat(progress.saved()).hasSize(2);
        ReviewRecord first = progress.saved().get(0);
        assertThat(first.card()).isEqualTo(new CardKey("counting", "one"));
        assertThat(first.rating()).isEqualTo(FlashcardRating.GOOD);
        assertThat(first.verdict()).contains(Verdict.CORRECT);
        assertThat(first.score()).hasValue(100);
        assertThat(first.answer()).isEqualTo("One is the first number.");
        assertThat(first.mode()).isEqualTo(ReviewMode.REVIEW);
        assertThat(first.at()).isEqualTo(NOW);
        ReviewRecord second = progress.saved().get(1);
        assertThat(second.rating()).isEqualTo(FlashcardRating.EASY);
        assertThat(second.verdict()).isEmpty();
        assertThat(second.answer()).isEmpty();
    }

    /** What Easy gives a new card of the counting set now, as the buttons show it. */
    private static String easy(String question) {
        CardKey card = new CardKey("counting", question);
        return dev.lectern.scheduling.IntervalText.of(Duration.between(NOW, new dev.lectern.scheduling.Fsrs(
                dev.lectern.scheduling.SchedulerSettings.defaults()).preview(CardState.NEW, NOW,
                        dev.lectern.scheduling.Fsrs.fuzzFor(card, NOW)).get(FlashcardRating.EASY).due().orElseThrow()));
    }

    @Test
    void ratingsAreTypedAsWordsOrNumbers() {
        CliRun run = review("\nagain\n\nHARD\n\n3\n");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(progress.saved()).extracting(ReviewRecord::rating)
                .containsExactly(FlashcardRating.AGAIN, FlashcardRating.HARD, FlashcardRating.GOOD);
    }

    @Test
    void onlyDueQuestionsComeThenNewOnesUpToTheLimit() {
        progress.states.put(new CardKey("counting", "three"), new CardState(CardPhase.REVIEW, 0, 4, 5,
                Optional.of(NOW.minusSeconds(3600)), Optional.of(NOW.minus(Duration.ofDays(4))), 2, 0));
        progress.states.put(new CardKey("counting", "one"), new CardState(CardPhase.REVIEW, 0, 4, 5,
                Optional.of(NOW.plus(Duration.ofDays(2))), Optional.of(NOW.minus(Duration.ofDays(2))), 2, 0));

        CliRun run = review("", "--limit", "1");

        assertThat(run.out()).startsWith("Review of the whole course: 1 question due.")
                .contains("1 left · Counting" + NL + "What is three?");
    }

    @Test
    void whenNothingIsDueItSaysWhenTheNextReviewIs() {
        progress.saveSchedulerSettings(dev.lectern.scheduling.SchedulerSettings.defaults().withNewPerDay(0));
        progress.states.put(new CardKey("counting", "one"), new CardState(CardPhase.REVIEW, 0, 4, 5,
                Optional.of(NOW.plus(Duration.ofHours(5))), Optional.of(NOW.minus(Duration.ofDays(2))), 2, 0));

        CliRun run = review("", "--week", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Nothing is due for week 3. The next review is due in 5h. New questions are"
                + " off (0 a day in the review settings)." + NL);
    }

    @Test
    void aReviewThatCannotBeSavedIsReportedAndTheSessionGoesOn() {
        progress.failSaves("The disk is full.");

        CliRun run = review("\n1\n\n1\n");

        assertThat(run.err()).contains("lectern: The disk is full.");
        assertThat(run.out()).contains("2 left · 1 learning").endsWith("2 reviews could not be saved." + NL);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(progress.pendingCount()).isEqualTo(2);
    }

    @Test
    void aQuestionRatedAgainComesBackLaterInTheSameSession() {
        CliRun run = review("\n1\n\n4\n\n4\n\n4\n", "--limit", "2");

        assertThat(run.out()).contains("Again: back in 1m, later in this session.")
                .contains("2 left · Counting" + NL + "What is one?")
                .as("the counter never grows: a question rated Again is counted as learning, not as one more")
                .contains("1 left · 1 learning · Counting" + NL + "What is two?")
                .contains("1 learning · Counting" + NL + "What is one?")
                .contains("Reviewed 2 questions of 2 (3 ratings, with the learning steps): 1 Again, 0 Hard, 0 Good,"
                        + " 2 Easy.");
        assertThat(progress.saved()).extracting(r -> r.card().questionId()).containsExactly("one", "two", "one");
    }

    @Test
    void uTakesBackTheLastRatingRecordsTheUndoAndAsksThatQuestionAgain() {
        CliRun run = review("\n4\nu\n\n2\n", "--limit", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Easy: back in " + easy("one") + "." + NL + NL + "1 left · Counting" + NL
                + "What is two?" + NL + "> u" + NL + "Took back Easy: the question again." + NL + NL
                + "2 left · Counting" + NL + "What is one?");
        assertThat(progress.events).containsSubsequence("append counting/one", "undo counting/one",
                "append counting/one");
        assertThat(progress.saved()).singleElement().satisfies(r -> assertThat(r.rating())
                .isEqualTo(FlashcardRating.HARD));
        assertThat(run.out()).contains("Reviewed 1 question of 2: 0 Again, 1 Hard, 0 Good, 0 Easy.");
    }

    @Test
    void uBeforeAnyRatingSaysThereIsNothingToTakeBack() {
        CliRun run = review("u\n", "--limit", "1");

        assertThat(run.out()).contains("> u" + NL + "Nothing to take back yet.");
        assertThat(progress.events).noneMatch(e -> e.startsWith("undo"));
    }

    @Test
    void anUnknownReadingIsAnError() {
        CliRun run = review("", "--reading", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("lectern: There is no reading \"nope\" in this course.");
    }

    @Test
    void aGradedAnswerShowsWhatTheDrillShowsKeyPointsCoveredMissedAndContradictedWithTheReason() throws IOException {
        Files.writeString(dir.resolve("questions/counting.json"), """
                {
                  "id": "counting",
                  "title": "Counting",
                  "readings": ["numbers"],
                  "questions": [
                    {"id": "one", "prompt": "What is one?", "referenceAnswer": "One is the first number.",
                     "keyPoints": ["first number", "odd", "a unit"]}
                  ]
                }
                """);

        CliRun run = review("one is the first number and not odd\n1\n");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(String.join(NL,
                "> one is the first number and not odd",
                "Score 0/100 · incorrect",
                "  ✓ first number",
                "  ✗ odd (contradicted: the answer says it is not odd)",
                "  ✗ a unit",
                "Graded against: What is one?",
                "Reference answer: One is the first number."));
    }

    @Test
    void anUnsureGradeSaysSoAndSuggestsNoRatingSoAnEmptyLineAsksAgain() {
        CliRun run = review(new FakeGrader().unsureOn("one, more or less"), "one, more or less\n\n2\n",
                "--limit", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(String.join(NL,
                "> one, more or less",
                "Score 50/100 · unsure",
                "Compare with the reference and rate yourself.",
                "Graded against: What is one?",
                "Reference answer: One is the first number.",
                "1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy " + easy("one"),
                "Rating> ",
                "The grader is unsure, so there is no suggestion: type 1-4 or again, hard, good, easy.",
                "Rating> 2"));
        assertThat(progress.saved()).singleElement().satisfies(r -> {
            assertThat(r.rating()).isEqualTo(FlashcardRating.HARD);
            assertThat(r.verdict()).contains(Verdict.UNSURE);
        });
    }
}
