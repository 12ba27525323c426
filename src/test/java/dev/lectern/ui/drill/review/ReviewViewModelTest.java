package dev.lectern.ui.drill.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.IntervalText;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import dev.lectern.ui.DrillFixture;
import dev.lectern.ui.drill.DrillServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review without a window: the queue from the card states, the rating the verdict suggests, the intervals on the
 * buttons, each rating committed before the next question, and a failed save that shows a banner and goes on.
 */
class ReviewViewModelTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    List<DrillItem> llava;
    final SimpleObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    @BeforeAll
    static void startGrader() {
        grading = GradingService.of(DrillFixture::grade);
    }

    @AfterAll
    static void stopGrader() {
        grading.close();
    }

    @BeforeEach
    void setUp() {
        fx = new DrillFixture(dir);
        llava = DrillPlans.questions(fx.course, new DrillScope.OfSet("llava")).subList(0, 4);
    }

    private ReviewViewModel review() {
        return review(fx.services(grading));
    }

    /** A review whose queue is built: it reads the progress in the background and waits for that. */
    private ReviewViewModel review(DrillServices services) {
        ReviewViewModel review = new ReviewViewModel(services, "LLaVA", llava, new AnswerRenderer(fx.course.root()),
                theme);
        fx.ui.runUntil(() -> review.phaseProperty().get() != ReviewViewModel.Phase.LOADING);
        return review;
    }

    private static CardKey key(DrillItem item) {
        return item.card();
    }

    /** A graduated card due at {@code due}. */
    private static CardState dueAt(Instant due) {
        return new CardState(CardPhase.REVIEW, 0, 5, 5, Optional.of(due), Optional.of(due.minus(Duration.ofDays(5))),
                3, 0);
    }

    private void allowNewPerDay(int n) {
        fx.progress.saveSchedulerSettings(SchedulerSettings.defaults().withNewPerDay(n));
    }

    private void check(ReviewViewModel review, String answer) {
        review.answerProperty().set(answer);
        review.check();
        fx.ui.runUntil(() -> review.phaseProperty().get() == ReviewViewModel.Phase.RATING);
    }

    private void rate(ReviewViewModel review, FlashcardRating rating) {
        review.rate(rating);
        fx.ui.runUntil(() -> review.phaseProperty().get() != ReviewViewModel.Phase.SAVING);
    }

    @Test
    void theQueueHoldsDueQuestionsMostOverdueFirstThenNewOnesUpToTheDailyLimit() {
        Instant now = DrillFixture.T0;
        fx.progress.states.put(key(llava.get(0)), dueAt(now.minus(Duration.ofDays(1))));
        fx.progress.states.put(key(llava.get(1)), dueAt(now.plus(Duration.ofDays(2))));
        fx.progress.states.put(key(llava.get(2)), dueAt(now.minus(Duration.ofDays(3))));
        allowNewPerDay(1);

        ReviewViewModel review = review();

        assertThat(review.queue()).containsExactly(llava.get(2), llava.get(0), llava.get(3));
        assertThat(review.itemProperty().get()).isEqualTo(llava.get(2));
        assertThat(review.progressProperty().get()).isEqualTo("3 left");
        assertThat(review.title()).isEqualTo("Review: LLaVA");
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.ANSWERING);
    }

    @Test
    void undoTakesBackTheLastRatingAndAsksItsQuestionAgainWithTheStateItHadBefore() {
        allowNewPerDay(2);
        ReviewViewModel review = review();
        DrillItem first = review.itemProperty().get();
        assertThat(review.undoableProperty().get()).isFalse();
        review.reveal();
        rate(review, FlashcardRating.AGAIN);
        assertThat(review.progressProperty().get()).isEqualTo("1 left \u00B7 1 learning");
        assertThat(review.undoableProperty().get()).isTrue();

        review.undo();
        fx.ui.runUntil(() -> review.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING);

        assertThat(review.itemProperty().get()).isEqualTo(first);
        assertThat(review.progressProperty().get()).isEqualTo("2 left");
        assertThat(review.messageProperty().get()).isEqualTo("Took back Again on this question: answer it again.");
        assertThat(review.undoableProperty().get()).isFalse();
        assertThat(fx.progress.events).containsSubsequence("append " + first.card().text(),
                "undo " + first.card().text());
        assertThat(fx.progress.saved()).isEmpty();
        review.reveal();
        rate(review, FlashcardRating.EASY);
        assertThat(review.itemProperty().get()).isNotEqualTo(first);
        assertThat(review.progressProperty().get()).as("Easy graduates it: nothing comes back").isEqualTo("1 left");
    }

    @Test
    void anUndoTheStoreRefusesSaysWhyAndKeepsTheRating() {
        allowNewPerDay(2);
        ReviewViewModel review = review();
        review.reveal();
        rate(review, FlashcardRating.GOOD);
        fx.progress.failSaves("The disk is full.");

        review.undo();
        fx.ui.runUntil(() -> review.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING);

        assertThat(review.messageProperty().get()).isEqualTo("The disk is full.");
        assertThat(review.undoableProperty().get()).isTrue();
        assertThat(fx.progress.saved()).hasSize(1);
    }

    @Test
    void newQuestionsFirstReviewedTodayCountAgainstTheDailyLimit() {
        allowNewPerDay(2);
        fx.progress.withLog(List.of(new ReviewRecord(new CardKey("sam", "promptable"),
                DrillFixture.T0.minus(Duration.ofHours(1)), FlashcardRating.GOOD, OptionalInt.empty(),
                Optional.empty(), "", Duration.ZERO, ReviewMode.REVIEW)));

        assertThat(review().queue()).containsExactly(llava.get(0));
    }

    @Test
    void aCorrectAnswerSuggestsGoodAndAcceptingItLogsAReview() {
        ReviewViewModel review = review();
        String reference = llava.get(0).question().referenceAnswer();
        fx.clock.advance(Duration.ofSeconds(30));

        check(review, reference);

        assertThat(review.gradeProperty().get().verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(review.suggestedProperty().get()).isEqualTo(FlashcardRating.GOOD);
        assertThat(review.referenceHtmlProperty().get()).contains("id=\"reference\"");

        fx.clock.advance(Duration.ofSeconds(4));
        review.acceptSuggested();
        fx.ui.runUntil(() -> review.itemProperty().get() == llava.get(1));

        assertThat(fx.progress.saved()).singleElement().satisfies(r -> {
            assertThat(r.card()).isEqualTo(key(llava.get(0)));
            assertThat(r.rating()).isEqualTo(FlashcardRating.GOOD);
            assertThat(r.mode()).isEqualTo(ReviewMode.REVIEW);
            assertThat(r.verdict()).contains(Verdict.CORRECT);
            assertThat(r.score()).hasValue(100);
            assertThat(r.answer()).isEqualTo(reference);
            assertThat(r.taken()).isEqualTo(Duration.ofSeconds(34));
            assertThat(r.at()).isEqualTo(DrillFixture.T0.plusSeconds(34));
        });
    }

    @Test
    void aPartialAnswerSuggestsHardAndAWrongOneAgain() {
        ReviewViewModel review = review();

        check(review, "partly right");
        assertThat(review.suggestedProperty().get()).isEqualTo(FlashcardRating.HARD);
        rate(review, FlashcardRating.HARD);

        check(review, "qwx zzv");
        assertThat(review.suggestedProperty().get()).isEqualTo(FlashcardRating.AGAIN);
    }

    @Test
    void theStudentMayRateOtherwiseThanSuggested() {
        ReviewViewModel review = review();
        check(review, "qwx zzv");

        rate(review, FlashcardRating.EASY);

        assertThat(fx.progress.saved()).singleElement().satisfies(r -> {
            assertThat(r.rating()).isEqualTo(FlashcardRating.EASY);
            assertThat(r.verdict()).contains(Verdict.INCORRECT);
        });
    }

    @Test
    void aBlankAnswerIsRevealedUngradedWithNoSuggestion() {
        ReviewViewModel review = review();

        review.check();

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.RATING);
        assertThat(review.gradeProperty().get()).isNull();
        assertThat(review.suggestedProperty().get()).isNull();
        assertThat(review.referenceHtmlProperty().get()).contains("id=\"reference\"");

        review.acceptSuggested();
        fx.ui.runFor(Duration.ofMillis(50));
        assertThat(fx.progress.saved()).isEmpty();
        assertThat(review.itemProperty().get()).isEqualTo(llava.get(0));

        rate(review, FlashcardRating.HARD);
        assertThat(fx.progress.saved()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEmpty();
            assertThat(r.score()).isEmpty();
            assertThat(r.answer()).isEmpty();
        });
    }

    @Test
    void eachRatingShowsTheIntervalItWouldGive() {
        Instant now = DrillFixture.T0;
        fx.progress.states.put(key(llava.get(0)), dueAt(now.minus(Duration.ofDays(1))));
        ReviewViewModel review = review();
        assertThat(review.intervalProperty(FlashcardRating.GOOD).get()).isEmpty();

        review.reveal();

        CardKey card = key(llava.get(0));
        Map<FlashcardRating, CardState> preview = new Fsrs(SchedulerSettings.defaults())
                .preview(fx.progress.states.get(card), now, Fsrs.fuzzFor(card, now));
        for (FlashcardRating r : FlashcardRating.values()) {
            assertThat(review.intervalProperty(r).get()).as(r.label())
                    .isEqualTo(IntervalText.of(Duration.between(now, preview.get(r).due().orElseThrow())));
        }
        assertThat(review.intervalProperty(FlashcardRating.AGAIN).get()).isEqualTo("10m");
        assertThat(review.intervalProperty(FlashcardRating.EASY).get())
                .isNotEqualTo(review.intervalProperty(FlashcardRating.GOOD).get());
    }

    @Test
    void aNewQuestionsButtonsShowTheLearningSteps() {
        ReviewViewModel review = review();

        review.reveal();

        assertThat(review.intervalProperty(FlashcardRating.AGAIN).get()).isEqualTo("1m");
        assertThat(review.intervalProperty(FlashcardRating.GOOD).get()).isEqualTo("10m");
    }

    @Test
    void theRatingIsCommittedBeforeTheNextQuestionIsShown() {
        Deque<Runnable> background = new ArrayDeque<>();
        DrillServices services = new DrillServices(grading, fx.progress, fx.dialogs, background::add,
                fx.ui, fx.clock);
        ReviewViewModel review = new ReviewViewModel(services, "LLaVA", llava, new AnswerRenderer(fx.course.root()),
                theme);
        background.poll().run();
        fx.ui.runUntil(() -> review.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING);
        review.itemProperty().addListener((obs, old, now) -> fx.progress.events.add("show "
                + (now == null ? "nothing" : now.key())));
        review.reveal();

        review.rate(FlashcardRating.GOOD);

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.SAVING);
        assertThat(review.itemProperty().get()).isEqualTo(llava.get(0));
        review.rate(FlashcardRating.EASY);
        assertThat(background).hasSize(1);

        background.poll().run();
        fx.ui.runUntil(() -> review.itemProperty().get() == llava.get(1));

        assertThat(fx.progress.events).containsExactly("append " + llava.get(0).key(),
                "show " + llava.get(1).key());
        assertThat(fx.progress.saved()).singleElement().satisfies(r ->
                assertThat(r.rating()).isEqualTo(FlashcardRating.GOOD));
    }

    @Test
    void aFailedSaveShowsABannerAndTheSessionGoesOn() {
        fx.progress.failSaves("The disk is full.");
        ReviewViewModel review = review();
        review.reveal();

        rate(review, FlashcardRating.GOOD);

        assertThat(review.saveProblemProperty().get())
                .isEqualTo("The disk is full. 1 review is kept until it can be written; Lectern tries again with each"
                        + " review.");
        assertThat(review.itemProperty().get()).isEqualTo(llava.get(1));
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.ANSWERING);
        assertThat(fx.progress.pendingCount()).isEqualTo(1);

        fx.progress.failSaves(null);
        review.reveal();
        rate(review, FlashcardRating.HARD);

        assertThat(review.saveProblemProperty().get()).isEmpty();
        assertThat(fx.progress.saved()).extracting(ReviewRecord::card)
                .containsExactly(key(llava.get(0)), key(llava.get(1)));
    }

    @Test
    void tryingAgainWritesTheKeptReviewsAndClearsTheBanner() {
        fx.progress.failSaves("Another Lectern has the data folder.");
        ReviewViewModel review = review();
        review.reveal();
        rate(review, FlashcardRating.GOOD);
        assertThat(review.saveProblemProperty().get()).startsWith("Another Lectern has the data folder.");

        fx.progress.failSaves(null);
        review.retrySaving();
        fx.ui.runUntil(() -> review.saveProblemProperty().get().isEmpty());

        assertThat(fx.progress.saved()).hasSize(1);
        assertThat(fx.progress.events).endsWith("retry");
    }

    @Test
    void afterTheLastQuestionASummaryCountsTheRatings() {
        llava = llava.subList(0, 2);
        ReviewViewModel review = review();
        review.reveal();
        rate(review, FlashcardRating.AGAIN);
        review.reveal();
        rate(review, FlashcardRating.EASY);
        review.reveal();
        rate(review, FlashcardRating.EASY);

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.DONE);
        assertThat(review.summaryProperty().get())
                .startsWith("2 questions reviewed (3 ratings, with the learning steps): 1 Again, 0 Hard, 0 Good, 2 Easy."
                        + " The first of them comes back in ")
                .matches(".* in \\d+d\\.");
        assertThat(review.progressProperty().get()).isEqualTo("2 questions reviewed");
    }

    @Test
    void aQuestionInItsLearningStepsComesBackInTheSameSessionUntilItGraduates() {
        llava = llava.subList(0, 2);
        ReviewViewModel review = review();
        List<DrillItem> shown = new java.util.ArrayList<>();
        List<FlashcardRating> ratings = List.of(FlashcardRating.AGAIN, FlashcardRating.EASY, FlashcardRating.GOOD,
                FlashcardRating.GOOD);
        for (FlashcardRating rating : ratings) {
            shown.add(review.itemProperty().get());
            review.reveal();
            rate(review, rating);
            fx.clock.advance(Duration.ofMinutes(2));
        }

        assertThat(shown).containsExactly(llava.get(0), llava.get(1), llava.get(0), llava.get(0));
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.DONE);
        assertThat(fx.progress.saved()).extracting(ReviewRecord::rating).containsExactlyElementsOf(ratings);
    }

    @Test
    void whenNothingIsDueItSaysWhenTheNextReviewIsAndHowManyNewQuestionsTomorrowBrings() {
        Instant now = DrillFixture.T0;
        fx.progress.states.put(key(llava.get(0)), dueAt(now.plus(Duration.ofHours(3))));
        fx.progress.states.put(key(llava.get(1)), dueAt(now.plus(Duration.ofDays(2))));
        allowNewPerDay(1);
        fx.progress.withLog(List.of(new ReviewRecord(new CardKey("sam", "promptable"), now.minusSeconds(60),
                FlashcardRating.GOOD, OptionalInt.empty(), Optional.empty(), "", Duration.ZERO, ReviewMode.REVIEW)));

        ReviewViewModel review = review();

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.NOTHING_DUE);
        assertThat(review.summaryProperty().get()).isEqualTo("Nothing is due for LLaVA. The next review is due in 3h."
                + " 1 new question tomorrow (today's limit of 1 is reached).");
        assertThat(review.queue()).isEmpty();
    }

    @Test
    void withNewQuestionsOffItSaysSo() {
        allowNewPerDay(0);

        ReviewViewModel review = review();

        assertThat(review.summaryProperty().get()).isEqualTo("Nothing is due for LLaVA. New questions are off (0 a day"
                + " in the review settings).");
    }

    @Test
    void aGradeArrivingAfterTheReviewIsClosedIsDropped() {
        ReviewViewModel review = review();
        review.answerProperty().set("partly");
        review.check();
        review.close();

        fx.ui.runFor(Duration.ofMillis(100));

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.CHECKING);
    }

    @Test
    void theProgressIsReadOffTheUiThreadBeforeTheFirstQuestionShows() {
        Deque<Runnable> background = new ArrayDeque<>();
        fx.progress.states.put(key(llava.get(1)), dueAt(DrillFixture.T0.minus(Duration.ofDays(1))));
        ReviewViewModel review = new ReviewViewModel(new DrillServices(grading, fx.progress, fx.dialogs,
                background::add, fx.ui, fx.clock), "LLaVA", llava, new AnswerRenderer(fx.course.root()), theme);

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.LOADING);
        assertThat(review.itemProperty().get()).isNull();
        assertThat(review.messageProperty().get()).isEqualTo("Finding what is due…");
        review.reveal();
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.LOADING);

        background.poll().run();
        fx.ui.runUntil(() -> review.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING);

        assertThat(review.itemProperty().get()).isEqualTo(llava.get(1));
        assertThat(review.messageProperty().get()).isEmpty();
    }

    @Test
    void anUnsureGradeSuggestsNoRatingSoEnterTakesNoneAndTheStudentPicksOne() {
        try (GradingService unsure = GradingService.of((key, answer) -> new dev.lectern.grading.Grade(55,
                Verdict.UNSURE, key.keyPoints().stream().map(k -> new dev.lectern.grading.KeyPointResult(k, false, 0.5,
                        List.of(), true, "the answer says the decoder is heavy")).toList(),
                "Much in common, nothing confirmed.", List.of()))) {
            ReviewViewModel review = review(fx.services(unsure));

            check(review, "a heavy decoder and a light encoder");

            assertThat(review.gradeProperty().get().verdict()).isEqualTo(Verdict.UNSURE);
            assertThat(review.gradeProperty().get().keyPoints()).allSatisfy(k -> {
                assertThat(k.contradicted()).isTrue();
                assertThat(k.reason()).isEqualTo("the answer says the decoder is heavy");
            });
            assertThat(review.gradeProperty().get().explanation()).isEqualTo("Much in common, nothing confirmed.");
            assertThat(review.gradedAnswerProperty().get()).isEqualTo("a heavy decoder and a light encoder");
            assertThat(review.suggestedProperty().get()).isNull();
            assertThat(review.messageProperty().get()).isEqualTo("Compare with the reference and rate yourself.");

            review.acceptSuggested();
            fx.ui.runFor(Duration.ofMillis(50));
            assertThat(fx.progress.saved()).isEmpty();
            assertThat(review.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.RATING);

            rate(review, FlashcardRating.HARD);
            assertThat(fx.progress.saved()).singleElement().satisfies(r -> {
                assertThat(r.rating()).isEqualTo(FlashcardRating.HARD);
                assertThat(r.verdict()).contains(Verdict.UNSURE);
            });
        }
    }
}
