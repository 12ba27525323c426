package dev.lectern.ui.drill.exam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillMode;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import dev.lectern.study.Exam;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.ui.DrillFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exam without a window: answers kept and saved, a countdown on a clock the test moves, marking, results. */
class ExamViewModelTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    List<DrillItem> questions;
    AnswerRenderer renderer;

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
        questions = DrillPlans.questions(fx.course, new DrillScope.OfSet("llava")).subList(0, 3);
        renderer = new AnswerRenderer(fx.course.root());
    }

    private ExamViewModel exam(Optional<Duration> limit) {
        return exam(Exam.start("exam-1", "LLaVA", questions, limit, fx.clock.instant()), grading);
    }

    private ExamViewModel exam(Exam exam, GradingService with) {
        return new ExamViewModel(fx.services(with), exam, renderer, new SimpleObjectProperty<>(Theme.LIGHT));
    }

    private String reference(int i) {
        return questions.get(i).question().referenceAnswer();
    }

    private static void type(ExamViewModel vm, String answer) {
        vm.answerProperty().set(answer);
    }

    private void finishAndWait(ExamViewModel vm) {
        vm.finish();
        fx.ui.runUntil(() -> vm.phaseProperty().get() == ExamViewModel.Phase.RESULTS);
    }

    @Test
    void anExamStartsOnTheFirstQuestionWithTheCountdownFull() {
        ExamViewModel vm = exam(Optional.of(Duration.ofMinutes(10)));

        assertThat(vm.phaseProperty().get()).isEqualTo(ExamViewModel.Phase.ANSWERING);
        assertThat(vm.progressProperty().get()).isEqualTo("Question 1 of 3");
        assertThat(vm.remainingProperty().get()).isEqualTo("Time left 10:00");
        assertThat(vm.timedProperty().get()).isTrue();
        assertThat(vm.firstProperty().get()).isTrue();
        assertThat(vm.answeredProperty().get()).isEqualTo("0 of 3 answered");
    }

    @Test
    void anUntimedExamShowsNoCountdown() {
        ExamViewModel vm = exam(Optional.empty());

        assertThat(vm.timedProperty().get()).isFalse();
        assertThat(vm.remainingProperty().get()).isEmpty();
    }

    @Test
    void eachAnswerIsKeptAndSavedWhenMovingOn() {
        ExamViewModel vm = exam(Optional.empty());
        type(vm, "first answer");

        vm.next();

        assertThat(vm.progressProperty().get()).isEqualTo("Question 2 of 3");
        assertThat(vm.answerProperty().get()).isEmpty();
        assertThat(vm.answeredProperty().get()).isEqualTo("1 of 3 answered");
        assertThat(fx.exams.latestUnfinished()).map(e -> e.answers().get(0)).contains("first answer");
        assertThat(fx.exams.latestUnfinished()).map(Exam::position).contains(1);

        vm.previous();

        assertThat(vm.answerProperty().get()).isEqualTo("first answer");
        assertThat(vm.firstProperty().get()).isTrue();
    }

    @Test
    void thereIsNoFeedbackWhileAnswering() {
        ExamViewModel vm = exam(Optional.empty());
        type(vm, reference(0));

        vm.next();

        assertThat(vm.totalProperty().get()).isEmpty();
        assertThat(vm.resultsHtmlProperty().get()).isEmpty();
        assertThat(fx.progress.outcomes()).isEmpty();
    }

    @Test
    void theCountdownFollowsTheClock() {
        ExamViewModel vm = exam(Optional.of(Duration.ofMinutes(10)));

        fx.clock.advance(Duration.ofSeconds(61));
        vm.tick();

        assertThat(vm.remainingProperty().get()).isEqualTo("Time left 8:59");
    }

    @Test
    void finishingMarksEveryAnswerShowsTheResultsAndKeepsTheExam() {
        ExamViewModel vm = exam(Optional.empty());
        type(vm, reference(0));
        vm.next();
        type(vm, "partly right");
        vm.next();
        type(vm, "qwx zzv");

        finishAndWait(vm);

        assertThat(vm.totalProperty().get())
                .isEqualTo("150 of 300 points (50%) · 1 correct · 1 partial · 1 incorrect");
        assertThat(vm.resultsHtmlProperty().get()).contains("qwx zzv").contains("partly right").contains("id=\"total\"");
        assertThat(fx.exams.finished()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("exam-1");
            assertThat(e.grades()).extracting(g -> g.verdict())
                    .containsExactly(Verdict.CORRECT, Verdict.PARTIAL, Verdict.INCORRECT);
        });
        assertThat(fx.exams.latestUnfinished()).isEmpty();
        assertThat(fx.progress.outcomes()).hasSize(3).allSatisfy(o ->
                assertThat(((ReviewOutcome.Answered) o).mode()).isEqualTo(DrillMode.EXAM));
        assertThat(fx.progress.outcomes()).extracting(o -> ((ReviewOutcome.Answered) o).answer())
                .containsExactly(reference(0), "partly right", "qwx zzv");
    }

    @Test
    void eachMarkedAnswerCarriesTheTimeSpentOnItsQuestionOverEveryVisit() {
        ExamViewModel vm = exam(Optional.empty());
        fx.clock.advance(Duration.ofSeconds(10));
        vm.next();
        fx.clock.advance(Duration.ofSeconds(20));
        vm.previous();
        fx.clock.advance(Duration.ofSeconds(5));
        vm.goTo(2);
        fx.clock.advance(Duration.ofSeconds(3));
        fx.dialogs.choices.add("Finish");

        finishAndWait(vm);

        assertThat(fx.progress.outcomes()).extracting(o -> ((ReviewOutcome.Answered) o).taken())
                .containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(3));
    }

    @Test
    void finishingWithUnansweredQuestionsAsksFirst() {
        ExamViewModel vm = exam(Optional.empty());
        type(vm, reference(0));
        fx.dialogs.choices.add("Keep Answering");

        vm.finish();

        assertThat(vm.phaseProperty().get()).isEqualTo(ExamViewModel.Phase.ANSWERING);
        assertThat(fx.dialogs.shown).singleElement().asString().contains("2 questions have no answer yet");

        fx.dialogs.choices.add("Finish");
        finishAndWait(vm);

        assertThat(vm.examProperty().get().grades().get(1).explanation()).isEqualTo("No answer given.");
        assertThat(vm.examProperty().get().grades().get(1).score()).isZero();
    }

    @Test
    void whenTimeIsUpTheExamIsMarkedWithWhatWasTyped() {
        ExamViewModel vm = exam(Optional.of(Duration.ofMinutes(2)));
        type(vm, reference(0));

        fx.clock.advance(Duration.ofMinutes(2));
        vm.tick();
        fx.ui.runUntil(() -> vm.phaseProperty().get() == ExamViewModel.Phase.RESULTS);

        assertThat(fx.dialogs.shown).isEmpty();
        assertThat(vm.examProperty().get().grades().get(0).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(vm.examProperty().get().used(fx.clock.instant())).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void suspendingSavesTheTimeUsedAndResumingGoesOnFromThere() {
        ExamViewModel vm = exam(Optional.of(Duration.ofMinutes(10)));
        type(vm, "typed before closing");
        fx.clock.advance(Duration.ofMinutes(3));

        vm.suspend();
        fx.clock.advance(Duration.ofHours(5));
        Exam saved = fx.exams.latestUnfinished().orElseThrow();
        ExamViewModel resumed = exam(saved.resumed(fx.clock.instant()), grading);

        assertThat(saved.answers().get(0)).isEqualTo("typed before closing");
        assertThat(resumed.answerProperty().get()).isEqualTo("typed before closing");
        assertThat(resumed.remainingProperty().get()).isEqualTo("Time left 7:00");
    }

    @Test
    void whenMarkingFailsTheExamStaysOpenAndSaved() {
        try (GradingService broken = GradingService.of((key, answer) -> {
            throw new IllegalStateException("no model");
        })) {
            ExamViewModel vm = exam(Exam.start("exam-1", "LLaVA", questions, Optional.empty(), fx.clock.instant()),
                    broken);
            type(vm, "an answer");
            fx.dialogs.choices.add("Finish");

            vm.finish();
            fx.ui.runUntil(() -> vm.phaseProperty().get() == ExamViewModel.Phase.ANSWERING
                    && !vm.messageProperty().get().isEmpty());

            assertThat(vm.messageProperty().get()).startsWith("Your answers could not be marked (no model)");
            assertThat(fx.exams.latestUnfinished()).map(e -> e.answers().get(0)).contains("an answer");
        }
    }

    @Test
    void aFinishedExamOpensOnItsResults() {
        ExamViewModel first = exam(Optional.empty());
        type(first, reference(0));
        fx.dialogs.choices.add("Finish");
        finishAndWait(first);

        ExamViewModel again = exam(fx.exams.finished().get(0), grading);

        assertThat(again.phaseProperty().get()).isEqualTo(ExamViewModel.Phase.RESULTS);
        assertThat(again.totalProperty().get()).startsWith("100 of 300 points");
        assertThat(again.resultsHtmlProperty().get()).contains("No answer given.");
    }

    @Test
    void theMarksAreCommittedOffTheUiThreadBeforeTheResultsShow() {
        java.util.Deque<Runnable> background = new java.util.concurrent.ConcurrentLinkedDeque<>();
        ExamViewModel vm = new ExamViewModel(new dev.lectern.ui.drill.DrillServices(grading, fx.progress, fx.dialogs,
                background::add, fx.ui, fx.clock), Exam.start("exam-1", "LLaVA", questions, Optional.empty(),
                fx.clock.instant()), renderer, new SimpleObjectProperty<>(Theme.LIGHT));
        type(vm, reference(0));
        fx.dialogs.choices.add("Finish");

        vm.finish();
        fx.ui.runUntil(() -> vm.messageProperty().get().equals("Saving…"));

        assertThat(vm.phaseProperty().get()).isEqualTo(ExamViewModel.Phase.MARKING);
        assertThat(fx.progress.outcomes()).isEmpty();
        fx.ui.runUntil(() -> {
            Runnable next = background.poll();
            if (next != null) {
                next.run();
            }
            return vm.phaseProperty().get() == ExamViewModel.Phase.RESULTS;
        });
        assertThat(fx.progress.outcomes()).hasSize(3);
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}
