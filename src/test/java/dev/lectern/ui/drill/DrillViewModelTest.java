package dev.lectern.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.GradingService;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import dev.lectern.study.Exam;
import dev.lectern.study.ExamSetup;
import dev.lectern.ui.DrillFixture;
import dev.lectern.ui.drill.exam.ExamHistoryViewModel;
import dev.lectern.ui.drill.exam.ExamViewModel;
import dev.lectern.ui.drill.flashcards.FlashcardViewModel;
import dev.lectern.ui.drill.practice.PracticeViewModel;
import dev.lectern.ui.drill.review.ReviewViewModel;
import dev.lectern.ui.statistics.StatisticsViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import dev.lectern.store.FakeProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Starting, resuming and leaving drills, without a window. */
class DrillViewModelTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    DrillViewModel drills;

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
        drills = new DrillViewModel(fx.services(grading), new Random(7));
        drills.courseProperty().set(fx.course);
    }

    private ExamViewModel currentExam() {
        return (ExamViewModel) drills.currentProperty().get();
    }

    private void startExamOfThree() {
        fx.dialogs.examSetups.add(ExamSetup.timed(3, Duration.ofMinutes(5)));
        fx.ui.runUntil(drills.startExam(new DrillScope.OfWeek(7))::isDone);
    }

    @Test
    void reviewOnAWeekStartsWithItsNewQuestionsUpToTheDailyLimit() {
        fx.progress.saveSchedulerSettings(dev.lectern.scheduling.SchedulerSettings.defaults().withNewPerDay(3));

        drills.startReview(new DrillScope.OfWeek(7));

        ReviewViewModel review = (ReviewViewModel) drills.currentProperty().get();
        fx.ui.runUntil(() -> review.phaseProperty().get() != ReviewViewModel.Phase.LOADING);
        assertThat(review.title()).isEqualTo("Review: Week 7");
        assertThat(review.queue()).hasSize(3)
                .containsExactlyElementsOf(DrillPlans.questions(fx.course, new DrillScope.OfWeek(7)).subList(0, 3));
    }

    @Test
    void theReviewSettingsDialogSavesWhatTheStudentChanges() {
        fx.dialogs.settingsEdit = s -> s.withDesiredRetention(0.85).withNewPerDay(5).withFuzz(false);

        drills.editReviewSettings();
        fx.ui.runUntil(() -> !fx.dialogs.shown.isEmpty());

        assertThat(fx.progress.schedulerSettings().desiredRetention()).isEqualTo(0.85);
        assertThat(fx.progress.schedulerSettings().newPerDay()).isEqualTo(5);
        assertThat(fx.progress.schedulerSettings().fuzz()).isFalse();
        assertThat(fx.dialogs.shown).containsExactly("review settings: retention 0.9");
    }

    @Test
    void cancellingTheReviewSettingsSavesNothing() {
        drills.editReviewSettings();
        fx.ui.runUntil(() -> !fx.dialogs.shown.isEmpty());

        assertThat(fx.progress.events).doesNotContain("settings");
    }

    @Test
    void theStatusLineCountsWhatIsDueInTheCourse() {
        dev.lectern.scheduling.CardKey first = DrillPlans.questions(fx.course,
                new DrillScope.WholeCourse()).get(0).card();
        fx.progress.states.put(first, new dev.lectern.scheduling.CardState(dev.lectern.scheduling.CardPhase.REVIEW, 0, 3, 5,
                java.util.Optional.of(DrillFixture.T0.minusSeconds(60)), java.util.Optional.of(DrillFixture.T0
                        .minus(Duration.ofDays(3))), 2, 0));

        drills.refreshDue();
        fx.ui.runUntil(() -> !drills.dueSummaryProperty().get().isEmpty());

        assertThat(drills.dueSummaryProperty().get()).isEqualTo("1 due · 20 new");
    }

    @Test
    void statisticsShowInPlaceOfTheReading() {
        drills.showStatistics();

        assertThat(drills.currentProperty().get()).isInstanceOf(StatisticsViewModel.class);
    }

    @Test
    void practiceOnASetGoesThroughItInOrder() {
        drills.startPractice(new DrillScope.OfSet("llava"));

        PracticeViewModel practice = (PracticeViewModel) drills.currentProperty().get();
        assertThat(practice.title()).isEqualTo("Practice: " + fx.course.questionSet("llava").orElseThrow().title());
        assertThat(practice.itemProperty().get().key()).isEqualTo("llava/instruction-data-source");
        assertThat(practice.size()).isEqualTo(11);
        assertThat(drills.activeProperty().get()).isTrue();
    }

    @Test
    void aFlashcardThatCannotBeSavedRaisesTheBannerUntilATryAgainSavesIt() {
        drills.startFlashcards(new DrillScope.OfSet("llava"));
        FlashcardViewModel cards = (FlashcardViewModel) drills.currentProperty().get();
        fx.progress.failSaves("Your review could not be saved: the disk is full. Lectern keeps it and will try again.");

        cards.reveal();
        cards.rate(dev.lectern.scheduling.FlashcardRating.GOOD);
        fx.ui.runUntil(() -> !drills.saveProblemProperty().get().isEmpty());

        assertThat(drills.saveProblemProperty().get()).isEqualTo("Your review could not be saved: the disk is full."
                + " Lectern keeps it and will try again. 1 review is waiting.");
        assertThat(fx.progress.saved()).isEmpty();

        fx.progress.failSaves(null);
        drills.retrySaving();
        fx.ui.runUntil(() -> drills.saveProblemProperty().get().isEmpty());
        assertThat(fx.progress.saved()).hasSize(1);
    }

    @Test
    void aDrillSavesToTheProgressOfTheCourseItStartedInEvenWhenTheAppMovesOnToAnotherCoursesProgress() {
        FakeProgress startedIn = new FakeProgress(dir.resolve("first-course"));
        fx.progress.pinnedTo = startedIn;
        drills.startFlashcards(new DrillScope.OfSet("llava"));
        FlashcardViewModel cards = (FlashcardViewModel) drills.currentProperty().get();
        fx.progress.pinnedTo = null; // Another course opened: the app's progress is now that course's.

        cards.reveal();
        cards.rate(dev.lectern.scheduling.FlashcardRating.GOOD);
        fx.ui.runUntil(() -> !startedIn.saved().isEmpty());

        assertThat(startedIn.saved()).extracting(r -> r.card().setId()).containsExactly("llava");
        assertThat(fx.progress.saved()).isEmpty();
    }

    @Test
    void flashcardsOnAWeekCoverEveryQuestionOfTheWeek() {
        drills.startFlashcards(new DrillScope.OfWeek(7));

        FlashcardViewModel cards = (FlashcardViewModel) drills.currentProperty().get();
        assertThat(cards.title()).isEqualTo("Flashcards: Week 7");
        assertThat(cards.progressProperty().get())
                .endsWith(" of " + DrillPlans.questions(fx.course, new DrillScope.OfWeek(7)).size());
    }

    @Test
    void aScopeWithoutQuestionsSaysSoAndStartsNothing() {
        drills.startPractice(new DrillScope.OfWeek(42));

        assertThat(drills.currentProperty().get()).isNull();
        assertThat(fx.dialogs.shown).containsExactly("info: No questions: There are no questions for Week 42.");
    }

    @Test
    void anExamDrawsTheNumberAskedForAndIsSavedAtOnce() {
        startExamOfThree();

        Exam exam = currentExam().examProperty().get();
        List<String> week7 = DrillPlans.questions(fx.course, new DrillScope.OfWeek(7)).stream().map(DrillItem::key)
                .toList();
        assertThat(exam.questions()).hasSize(3).extracting(DrillItem::key).doesNotHaveDuplicates().isSubsetOf(week7);
        assertThat(exam.timeLimit()).contains(Duration.ofMinutes(5));
        assertThat(fx.dialogs.shown).containsExactly("exam setup: Week 7, " + week7.size() + " available");
        assertThat(fx.exams.latestUnfinished()).map(Exam::id).contains(exam.id());
    }

    @Test
    void cancellingTheExamSetupStartsNothing() {
        fx.ui.runUntil(drills.startExam(new DrillScope.WholeCourse())::isDone);

        assertThat(drills.currentProperty().get()).isNull();
        assertThat(fx.exams.all()).isEmpty();
    }

    @Test
    void closingAnExamInProgressKeepsItForLater() {
        startExamOfThree();
        currentExam().answerProperty().set("my answer");

        drills.closeDrill();

        assertThat(drills.currentProperty().get()).isNull();
        assertThat(fx.exams.latestUnfinished()).map(e -> e.answers().get(0)).contains("my answer");
    }

    @ParameterizedTest
    @CsvSource({
        "Resume, true, 1",
        "Discard and Start New, false, 1",
        "Cancel, false, 1"})
    void startingAnExamWhileOneIsUnfinishedOffersToResumeIt(String choice, boolean resumed, int exams) {
        startExamOfThree();
        currentExam().answerProperty().set("my answer");
        drills.closeDrill();
        String unfinished = fx.exams.latestUnfinished().orElseThrow().id();
        fx.clock.advance(Duration.ofMinutes(1));
        fx.dialogs.choices.add(choice);
        fx.dialogs.examSetups.add(ExamSetup.untimed(2));

        fx.ui.runUntil(drills.startExam(new DrillScope.WholeCourse())::isDone);

        assertThat(fx.dialogs.shown.get(1)).contains("The exam on Week 7 is not finished: 1 of 3 questions answered");
        if (choice.equals("Cancel")) {
            assertThat(drills.currentProperty().get()).isNull();
        } else {
            assertThat(currentExam().examProperty().get().id().equals(unfinished)).isEqualTo(resumed);
        }
        assertThat(fx.exams.all()).hasSize(exams);
    }

    @Test
    void atStartAnUnfinishedExamIsOfferedAndResumedWithItsAnswers() {
        startExamOfThree();
        currentExam().answerProperty().set("my answer");
        drills.suspend();
        DrillViewModel nextRun = new DrillViewModel(fx.services(grading), new Random(8));
        nextRun.courseProperty().set(fx.course);
        fx.dialogs.choices.add("Resume");

        fx.ui.runUntil(nextRun.offerToResume()::isDone);

        ExamViewModel exam = (ExamViewModel) nextRun.currentProperty().get();
        assertThat(exam.answerProperty().get()).isEqualTo("my answer");
        assertThat(exam.remainingProperty().get()).isEqualTo("Time left 5:00");
    }

    @Test
    void atStartNothingIsAskedWithoutAnUnfinishedExam() {
        fx.ui.runUntil(drills.offerToResume()::isDone);

        assertThat(fx.dialogs.shown).isEmpty();
    }

    @Test
    void laterLeavesTheUnfinishedExamAlone() {
        startExamOfThree();
        drills.closeDrill();
        fx.dialogs.choices.add("Later");

        fx.ui.runUntil(drills.offerToResume()::isDone);

        assertThat(drills.currentProperty().get()).isNull();
        assertThat(fx.exams.latestUnfinished()).isPresent();
    }

    @Test
    void pastExamsListTheFinishedOnesAndOpenTheirResults() {
        startExamOfThree();
        ExamViewModel exam = currentExam();
        fx.dialogs.choices.add("Finish");
        exam.finish();
        fx.ui.runUntil(() -> exam.phaseProperty().get() == ExamViewModel.Phase.RESULTS);

        drills.showPastExams();
        fx.ui.runUntil(() -> drills.currentProperty().get() instanceof ExamHistoryViewModel);
        ExamHistoryViewModel history = (ExamHistoryViewModel) drills.currentProperty().get();
        assertThat(history.exams()).hasSize(1);
        history.open(history.exams().get(0));

        assertThat(currentExam().phaseProperty().get()).isEqualTo(ExamViewModel.Phase.RESULTS);
        assertThat(currentExam().totalProperty().get()).startsWith("0 of 300 points");
    }

    @Test
    void scopesAreDescribedInTheCoursesWords() {
        assertThat(drills.describe(new DrillScope.OfSet("llava")))
                .isEqualTo(fx.course.questionSet("llava").orElseThrow().title());
        assertThat(drills.describe(new DrillScope.OfReading("llava"))).isEqualTo("LLaVA");
        assertThat(drills.describe(new DrillScope.OfWeek(7))).isEqualTo("Week 7");
        assertThat(drills.describe(new DrillScope.WholeCourse())).isEqualTo("Whole Course");
    }
}
