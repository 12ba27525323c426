package dev.lectern.ui.drill.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillMode;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.ui.DrillFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Practice without a window: check, feedback, accept or override, next; every settled verdict is logged. */
class PracticeViewModelTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    List<DrillItem> llava;
    SimpleObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    PracticeViewModel practice;

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
        llava = DrillPlans.questions(fx.course, new DrillScope.OfSet("llava")).subList(0, 3);
        practice = new PracticeViewModel(fx.services(grading), "LLaVA", llava, new AnswerRenderer(fx.course.root()),
                theme);
    }

    private void check(String answer) {
        practice.answerProperty().set(answer);
        practice.check();
        fx.ui.runUntil(() -> practice.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK);
    }

    /** Waits until the settled verdict is committed and the next question shows. */
    private void settled(PracticeViewModel p) {
        fx.ui.runUntil(() -> p.phaseProperty().get() != PracticeViewModel.Phase.SAVING);
    }

    @Test
    void startsOnTheFirstQuestionWaitingForAnAnswer() {
        assertThat(practice.phaseProperty().get()).isEqualTo(PracticeViewModel.Phase.ANSWERING);
        assertThat(practice.itemProperty().get()).isEqualTo(llava.get(0));
        assertThat(practice.progressProperty().get()).isEqualTo("Question 1 of 3");
        assertThat(practice.title()).isEqualTo("Practice: LLaVA");
    }

    @Test
    void theReferenceAnswerIsGradedCorrectWithItsKeyPointsAndTheReferenceShown() {
        String reference = llava.get(0).question().referenceAnswer();

        check(reference);

        assertThat(practice.gradeProperty().get().verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(practice.gradeProperty().get().keyPoints()).allMatch(k -> k.covered());
        assertThat(practice.gradedAnswerProperty().get()).isEqualTo(reference);
        assertThat(practice.referenceHtmlProperty().get()).contains("id=\"reference\"").contains("GPT-4");
        assertThat(practice.messageProperty().get()).isEmpty();
    }

    @Test
    void acceptingLogsTheGradersVerdictAndGoesToTheNextQuestion() {
        check(llava.get(0).question().referenceAnswer());

        practice.accept();

        settled(practice);

        assertThat(fx.progress.outcomes()).singleElement().satisfies(o -> {
            ReviewOutcome.Answered answered = (ReviewOutcome.Answered) o;
            assertThat(answered.item()).isEqualTo(llava.get(0));
            assertThat(answered.mode()).isEqualTo(DrillMode.PRACTICE);
            assertThat(answered.verdict()).isEqualTo(Verdict.CORRECT);
            assertThat(answered.overridden()).isFalse();
            assertThat(answered.grade()).map(g -> g.score()).contains(100);
            assertThat(answered.at()).isEqualTo(DrillFixture.T0);
        });
        assertThat(practice.itemProperty().get()).isEqualTo(llava.get(1));
        assertThat(practice.progressProperty().get()).isEqualTo("Question 2 of 3");
        assertThat(practice.answerProperty().get()).isEmpty();
        assertThat(practice.gradeProperty().get()).isNull();
        assertThat(practice.referenceHtmlProperty().get()).isEmpty();
    }

    @Test
    void theLoggedAnswerIsTheCheckedTextWithTheTimeFromShowingTheQuestionToSettling() {
        fx.clock.advance(Duration.ofSeconds(40));
        check("partly about GPT-4");
        fx.clock.advance(Duration.ofSeconds(5));

        practice.accept();

        settled(practice);

        ReviewOutcome.Answered answered = (ReviewOutcome.Answered) fx.progress.outcomes().get(0);
        assertThat(answered.answer()).isEqualTo("partly about GPT-4");
        assertThat(answered.taken()).isEqualTo(Duration.ofSeconds(45));
        assertThat(fx.progress.saved()).singleElement().satisfies(r -> {
            assertThat(r.answer()).isEqualTo("partly about GPT-4");
            assertThat(r.rating()).isEqualTo(dev.lectern.scheduling.FlashcardRating.HARD);
        });
    }

    @Test
    void overridingLogsTheStudentsVerdict() {
        check("qwx zzv");
        assertThat(practice.gradeProperty().get().verdict()).isEqualTo(Verdict.INCORRECT);

        practice.override(Verdict.PARTIAL);

        settled(practice);

        ReviewOutcome.Answered answered = (ReviewOutcome.Answered) fx.progress.outcomes().get(0);
        assertThat(answered.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(answered.grade()).map(g -> g.verdict()).contains(Verdict.INCORRECT);
        assertThat(answered.overridden()).isTrue();
    }

    @Test
    void anOverriddenAnswerIsAJudgedExampleOfThatQuestionTheNextTimeItIsGraded() {
        List<AnswerKey> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (GradingService recording = GradingService.of((key, answer) -> {
            keys.add(key);
            return DrillFixture.grade(key, answer);
        })) {
            PracticeViewModel first = new PracticeViewModel(fx.services(recording), "LLaVA", llava,
                    new AnswerRenderer(fx.course.root()), theme);
            first.answerProperty().set("GPT-4 was given captions and boxes, never the pixels");
            first.check();
            fx.ui.runUntil(() -> first.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK);
            assertThat(keys.get(0).examples()).noneMatch(e -> e.judge() == JudgedExample.Judge.YOU);
            first.override(Verdict.CORRECT);
            settled(first);

            PracticeViewModel again = new PracticeViewModel(fx.services(recording), "LLaVA", llava,
                    new AnswerRenderer(fx.course.root()), theme);
            again.answerProperty().set("it saw captions and boxes only");
            again.check();
            fx.ui.runUntil(() -> again.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK);
        }

        assertThat(keys).hasSize(2);
        assertThat(keys.get(1).examples()).filteredOn(e -> e.judge() == JudgedExample.Judge.YOU).singleElement()
                .satisfies(e -> {
                    assertThat(e.answer()).isEqualTo("GPT-4 was given captions and boxes, never the pixels");
                    assertThat(e.verdict()).isEqualTo(ExampleVerdict.CORRECT);
                });
        assertThat(fx.progress.saved()).singleElement().satisfies(r -> {
            assertThat(r.overridden()).isTrue();
            assertThat(r.graded()).contains(Verdict.INCORRECT);
        });
    }

    @Test
    void whenPracticeDoesNotRescheduleTheDrillSaysSoAtTheStart() {
        fx.progress.saveSchedulerSettings(dev.lectern.scheduling.SchedulerSettings.defaults().withRescheduling(
                java.util.EnumSet.of(dev.lectern.scheduling.ReviewMode.EXAM)));
        PracticeViewModel p = new PracticeViewModel(fx.services(grading), "LLaVA", llava,
                new AnswerRenderer(fx.course.root()), theme);
        fx.ui.runUntil(() -> !p.noteProperty().get().isEmpty());

        assertThat(p.noteProperty().get()).isEqualTo("Your answers here are kept in your history but do not change"
                + " your schedule (Drill > Review Settings… decides).");
        assertThat(practice.noteProperty().get()).isEqualTo("Your answers here count towards your schedule, as"
                + " reviews do.");
    }

    @Test
    void nextAcceptsWhenTheFeedbackIsShownAndDoesNothingBefore() {
        practice.next();
        settled(practice);
        assertThat(fx.progress.outcomes()).isEmpty();

        check("");
        practice.next();
        settled(practice);

        assertThat(fx.progress.outcomes()).singleElement()
                .satisfies(o -> assertThat(((ReviewOutcome.Answered) o).verdict()).isEqualTo(Verdict.INCORRECT));
    }

    @Test
    void afterTheLastQuestionASummaryCountsTheVerdicts() {
        check(llava.get(0).question().referenceAnswer());
        practice.accept();
        settled(practice);
        check("partly right");
        practice.accept();
        settled(practice);
        check("qwx zzv");
        practice.override(Verdict.CORRECT);
        settled(practice);

        assertThat(practice.phaseProperty().get()).isEqualTo(PracticeViewModel.Phase.DONE);
        assertThat(practice.summaryProperty().get()).as("a grade marked correct over the grader names no weak point")
                .isEqualTo("3 questions: 2 correct, 1 partial, 0 incorrect. Weakest key points: “"
                        + llava.get(1).question().keyPoints().get(0).text() + "” (missed 1 of 1), “"
                        + llava.get(1).question().keyPoints().get(1).text() + "” (missed 1 of 1), “"
                        + llava.get(1).question().keyPoints().get(2).text() + "” (missed 1 of 1).");
        assertThat(fx.progress.outcomes()).hasSize(3);
    }

    @Test
    void checkWaitsForTheGraderWithoutBlockingAndShowsTheGradeWhenItComes() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        try (GradingService loading = GradingService.of((key, answer) -> {
            await(loaded);
            return DrillFixture.grade(key, answer);
        })) {
            PracticeViewModel waiting = new PracticeViewModel(fx.services(loading), "LLaVA", llava,
                    new AnswerRenderer(fx.course.root()), theme);
            waiting.answerProperty().set(llava.get(0).question().referenceAnswer());

            waiting.check();

            assertThat(waiting.phaseProperty().get()).isEqualTo(PracticeViewModel.Phase.CHECKING);
            assertThat(waiting.messageProperty().get()).isIn("Loading the grader…", "Checking…");
            loaded.countDown();
            fx.ui.runUntil(() -> waiting.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK);
            assertThat(waiting.gradeProperty().get().verdict()).isEqualTo(Verdict.CORRECT);
        }
    }

    @Test
    void aGraderThatCannotLoadLeavesTheStudentToMarkTheAnswer() {
        try (GradingService broken = GradingService.of((key, answer) -> {
            throw new IllegalStateException("the model file is missing");
        })) {
            PracticeViewModel p = new PracticeViewModel(fx.services(broken), "LLaVA", llava,
                    new AnswerRenderer(fx.course.root()), theme);
            p.answerProperty().set("an answer");

            p.check();
            fx.ui.runUntil(() -> p.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK);

            assertThat(p.gradeProperty().get()).isNull();
            assertThat(p.messageProperty().get()).startsWith("The answer could not be graded (the model file is missing)");
            assertThat(p.referenceHtmlProperty().get()).contains("GPT-4");
            p.accept();
            settled(p);
            assertThat(fx.progress.outcomes()).isEmpty();
            p.override(Verdict.PARTIAL);
            settled(p);
            assertThat(fx.progress.outcomes()).singleElement()
                    .satisfies(o -> assertThat(((ReviewOutcome.Answered) o).grade()).isEmpty());
        }
    }

    @Test
    void theReferenceAnswerFollowsTheTheme() {
        check("qwx zzv");
        assertThat(practice.referenceHtmlProperty().get()).contains(Theme.LIGHT.cssClass());

        theme.set(Theme.DARK);

        assertThat(practice.referenceHtmlProperty().get()).contains(Theme.DARK.cssClass());
    }

    @Test
    void aGradeArrivingAfterTheDrillClosedIsDropped() {
        practice.answerProperty().set("qwx zzv");
        practice.check();
        practice.close();

        fx.ui.runFor(Duration.ofMillis(300));

        assertThat(practice.phaseProperty().get()).isEqualTo(PracticeViewModel.Phase.CHECKING);
        assertThat(fx.progress.outcomes()).isEmpty();
    }

    @Test
    void theVerdictIsCommittedOffTheUiThreadBeforeTheNextQuestionIsShown() {
        java.util.Deque<Runnable> background = new java.util.ArrayDeque<>();
        PracticeViewModel p = new PracticeViewModel(new dev.lectern.ui.drill.DrillServices(grading, fx.progress,
                fx.dialogs, background::add, fx.ui, fx.clock), "LLaVA", llava, new AnswerRenderer(fx.course.root()),
                theme);
        p.itemProperty().addListener((obs, old, now) -> fx.progress.events.add("show " + now.key()));
        assertThat(background).as("the schedule note's settings are read in the background").hasSize(1);
        background.poll().run();
        p.answerProperty().set("qwx zzv");
        p.check();
        assertThat(background).as("the student's earlier overrides are read in the background").hasSize(1);
        background.poll().run();
        fx.ui.runUntil(() -> p.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK);

        p.accept();

        assertThat(p.phaseProperty().get()).isEqualTo(PracticeViewModel.Phase.SAVING);
        assertThat(p.messageProperty().get()).isEqualTo("Saving…");
        assertThat(p.itemProperty().get()).isEqualTo(llava.get(0));
        assertThat(fx.progress.outcomes()).isEmpty();
        p.override(Verdict.CORRECT);
        assertThat(background).hasSize(1);

        background.poll().run();
        settled(p);

        assertThat(fx.progress.events).containsExactly("append " + llava.get(0).key(), "show " + llava.get(1).key());
        assertThat(p.messageProperty().get()).isEmpty();
    }

    @Test
    void aStoreThatFailsOutrightSaysWhyAndThePracticeGoesOn() {
        PracticeViewModel p = new PracticeViewModel(new dev.lectern.ui.drill.DrillServices(grading,
                new dev.lectern.ui.transfer.ReportingProgress(fx.progress, r -> {
                    throw new IllegalStateException("the database is locked");
                }), fx.dialogs, Runnable::run, fx.ui, fx.clock), "LLaVA", llava,
                new AnswerRenderer(fx.course.root()), theme);
        p.answerProperty().set("qwx zzv");
        p.check();
        fx.ui.runUntil(() -> p.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK);

        p.accept();
        settled(p);

        assertThat(p.itemProperty().get()).isEqualTo(llava.get(1));
        assertThat(p.messageProperty().get()).isEqualTo("The review could not be saved: the database is locked");
    }

    @Test
    void anUnsureGradeAsksTheStudentToCompareAndIsNotAcceptedAsItIs() {
        try (GradingService unsure = GradingService.of((key, answer) -> unsureGrade(key))) {
            PracticeViewModel p = new PracticeViewModel(fx.services(unsure), "LLaVA", llava,
                    new AnswerRenderer(fx.course.root()), theme);
            p.answerProperty().set("GPT-4 made the captions, I think");
            p.check();
            fx.ui.runUntil(() -> p.phaseProperty().get() == PracticeViewModel.Phase.FEEDBACK);

            assertThat(p.gradeProperty().get().verdict()).isEqualTo(Verdict.UNSURE);
            assertThat(p.messageProperty().get()).isEqualTo("Compare with the reference and rate yourself.");
            assertThat(p.acceptable()).isFalse();
            assertThat(p.referenceHtmlProperty().get()).contains("GPT-4");

            p.next();
            p.accept();
            fx.ui.runFor(Duration.ofMillis(50));
            assertThat(fx.progress.outcomes()).isEmpty();
            assertThat(p.itemProperty().get()).isEqualTo(llava.get(0));

            p.override(Verdict.PARTIAL);
            settled(p);
            assertThat(fx.progress.outcomes()).singleElement().satisfies(o -> {
                ReviewOutcome.Answered answered = (ReviewOutcome.Answered) o;
                assertThat(answered.verdict()).isEqualTo(Verdict.PARTIAL);
                assertThat(answered.grade()).map(g -> g.verdict()).contains(Verdict.UNSURE);
            });
        }
    }

    /** An unsure grade with one key point contradicted, as the claim checks give it. */
    static dev.lectern.grading.Grade unsureGrade(dev.lectern.grading.AnswerKey key) {
        List<dev.lectern.grading.KeyPointResult> points = key.keyPoints().stream()
                .map(k -> new dev.lectern.grading.KeyPointResult(k, false, 0.5, List.of(), true,
                        "the answer names another model"))
                .toList();
        return new dev.lectern.grading.Grade(55, Verdict.UNSURE, points, "Much in common, nothing confirmed.",
                List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
