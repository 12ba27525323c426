package dev.lectern.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.course.Difficulty;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.FlashcardRating;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An exam's answers, time and total, with the time always passed in. */
class ExamTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static List<DrillItem> questions(int n) {
        List<Question> qs = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            qs.add(new Question("q" + i, "Prompt " + i + "?", "Answer " + i + ".", List.of(),
                    List.of(new KeyPoint("point " + i, List.of())), List.of(), Difficulty.MEDIUM, null));
        }
        QuestionSet set = new QuestionSet("set", "A set", List.of(), qs, null);
        return qs.stream().map(q -> new DrillItem(set, q)).toList();
    }

    static Grade grade(int score, Verdict verdict) {
        return new Grade(score, verdict, List.of(), "", List.of());
    }

    @Test
    void aNewExamHasBlankAnswersAndStartsAtTheFirstQuestion() {
        Exam exam = Exam.start("e1", "Week 7", questions(3), Optional.empty(), T0);

        assertThat(exam.answers()).containsExactly("", "", "");
        assertThat(exam.position()).isZero();
        assertThat(exam.answeredCount()).isZero();
        assertThat(exam.isFinished()).isFalse();
        assertThat(exam.remaining(T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void answeringReturnsANewExamAndLeavesTheOldOneAlone() {
        Exam exam = Exam.start("e1", "Week 7", questions(3), Optional.empty(), T0);

        Exam answered = exam.withAnswer(1, "my answer").at(2);

        assertThat(answered.answers()).containsExactly("", "my answer", "");
        assertThat(answered.position()).isEqualTo(2);
        assertThat(answered.answeredCount()).isEqualTo(1);
        assertThat(exam.answers()).containsExactly("", "", "");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 600",
        "59, 541",
        "600, 0",
        "900, 0"})
    void theCountdownIsTheLimitLessTheTimeUsedAndNeverNegative(long secondsLater, long secondsLeft) {
        Exam exam = Exam.start("e1", "Week 7", questions(2), Optional.of(Duration.ofMinutes(10)), T0);

        assertThat(exam.remaining(T0.plusSeconds(secondsLater))).contains(Duration.ofSeconds(secondsLeft));
        assertThat(exam.isOutOfTime(T0.plusSeconds(secondsLater))).isEqualTo(secondsLeft == 0);
    }

    @Test
    void timeWhileTheWindowWasClosedDoesNotCount() {
        Exam exam = Exam.start("e1", "Week 7", questions(2), Optional.of(Duration.ofMinutes(10)), T0);

        Exam saved = exam.checkpoint(T0.plusSeconds(120));
        Exam resumed = saved.resumed(T0.plusSeconds(86_400));

        assertThat(saved.usedBefore()).isEqualTo(Duration.ofSeconds(120));
        assertThat(resumed.remaining(T0.plusSeconds(86_400 + 30))).contains(Duration.ofSeconds(450));
    }

    @Test
    void aFinishedExamKeepsItsGradesTotalAndTimeUsedWithinTheLimit() {
        Exam exam = Exam.start("e1", "Week 7", questions(3), Optional.of(Duration.ofMinutes(1)), T0)
                .withAnswer(0, "a").withAnswer(1, "b");

        Exam done = exam.finished(List.of(grade(100, Verdict.CORRECT), grade(50, Verdict.PARTIAL),
                grade(0, Verdict.INCORRECT)), T0.plusSeconds(75));

        assertThat(done.isFinished()).isTrue();
        assertThat(done.finishedAt()).contains(T0.plusSeconds(75));
        assertThat(done.used(T0.plusSeconds(9999))).isEqualTo(Duration.ofMinutes(1));
        ExamTotal total = done.total();
        assertThat(total.points()).isEqualTo(150);
        assertThat(total.maxPoints()).isEqualTo(300);
        assertThat(total.percent()).isEqualTo(50);
        assertThat(List.of(total.correct(), total.partial(), total.incorrect())).containsExactly(1, 1, 1);
        assertThatThrownBy(() -> done.withAnswer(2, "late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnfinishedExamHasNoTotal() {
        Exam exam = Exam.start("e1", "Week 7", questions(1), Optional.empty(), T0);

        assertThatThrownBy(exam::total).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void gradesMustMatchTheQuestions() {
        Exam exam = Exam.start("e1", "Week 7", questions(2), Optional.empty(), T0);

        assertThatThrownBy(() -> exam.finished(List.of(grade(0, Verdict.INCORRECT)), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExamNeedsQuestionsAndAPositiveTimeLimit() {
        assertThatThrownBy(() -> Exam.start("e", "t", List.of(), Optional.empty(), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exam.start("e", "t", questions(1), Optional.of(Duration.ZERO), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExamSetup(0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(ExamSetup.DEFAULT_QUESTIONS).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource({"1, AGAIN", "2, HARD", "3, GOOD", "4, EASY"})
    void flashcardRatingsAreNumberedOneToFour(int number, FlashcardRating rating) {
        assertThat(FlashcardRating.ofNumber(number)).contains(rating);
        assertThat(rating.number()).isEqualTo(number);
    }

    @Test
    void thereIsNoFifthRating() {
        assertThat(FlashcardRating.ofNumber(5)).isEmpty();
        assertThat(FlashcardRating.ofNumber(0)).isEmpty();
    }

    @Test
    void anAnswerIsOverriddenWhenTheVerdictDiffersFromTheGrade() {
        DrillItem item = questions(1).get(0);

        assertThat(new ReviewOutcome.Answered(item, T0, DrillMode.PRACTICE, Optional.of(grade(80, Verdict.CORRECT)),
                Verdict.CORRECT).overridden()).isFalse();
        assertThat(new ReviewOutcome.Answered(item, T0, DrillMode.PRACTICE, Optional.of(grade(80, Verdict.CORRECT)),
                Verdict.PARTIAL).overridden()).isTrue();
        assertThat(new ReviewOutcome.Answered(item, T0, DrillMode.PRACTICE, Optional.empty(), Verdict.PARTIAL)
                .overridden()).isTrue();
    }
}
