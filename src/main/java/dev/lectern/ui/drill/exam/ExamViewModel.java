package dev.lectern.ui.drill.exam;

import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Verdict;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillMode;
import dev.lectern.study.Exam;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.drill.QuestionDrill;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exam: the student answers the drawn questions in any order without feedback, within the time limit if there is
 * one, then everything is marked at once and a results page shows each answer, its score and the reference answer.
 * The exam is saved after every answer and when it is left, so it can be resumed; the marked exam is kept.
 */
public final class ExamViewModel extends QuestionDrill<ExamViewModel.Phase> {

    private static final Logger LOG = LoggerFactory.getLogger(ExamViewModel.class);
    static final List<String> FINISH_CHOICES = List.of("Finish", "Keep Answering");

    /** Where the exam is. */
    public enum Phase {
        /** Questions are being answered. */
        ANSWERING,
        /** All answers are being graded. */
        MARKING,
        /** The results page is shown. */
        RESULTS
    }

    private final AnswerRenderer renderer;
    private final ObservableValue<Theme> theme;
    private final ChangeListener<Theme> rerender = (obs, old, now) -> renderResults();

    private final ReadOnlyObjectWrapper<Exam> exam = new ReadOnlyObjectWrapper<>();
    private final StringProperty answer = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper answered = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper timed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper remaining = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper first = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper last = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper resultsHtml = new ReadOnlyStringWrapper("");
    /** Saves run one after another, in the order they were asked for. */
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);
    /**
     * Time spent on each question in this sitting (questions can be visited more than once); goes to the review log
     * with the marks. Time from earlier sittings of a resumed exam is not known per question.
     */
    private final Duration[] spent;
    /** The question being timed, or -1; and since when. */
    private int timing = -1;
    private Instant timingSince;

    /** @param started a new exam, a resumed one (whose sitting starts now), or a finished one to read again */
    public ExamViewModel(DrillServices services, Exam started, AnswerRenderer renderer, ObservableValue<Theme> theme) {
        super(services, "Exam: " + started.title(), Phase.ANSWERING);
        noteSchedule(dev.lectern.scheduling.ReviewMode.EXAM);
        this.renderer = renderer;
        this.theme = theme;
        exam.set(started);
        spent = new Duration[started.size()];
        Arrays.fill(spent, Duration.ZERO);
        timed.set(started.timeLimit().isPresent());
        theme.addListener(rerender);
        if (started.isFinished()) {
            showResults();
        } else {
            show(started.position());
            updateClock();
        }
    }

    public ReadOnlyObjectProperty<Exam> examProperty() {
        return exam.getReadOnlyProperty();
    }

    /** The answer to the question on screen, as it is typed. */
    public StringProperty answerProperty() {
        return answer;
    }

    /** "3 of 10 answered". */
    public ReadOnlyStringProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty timedProperty() {
        return timed.getReadOnlyProperty();
    }

    /** The countdown, "Time left 12:34"; empty without a time limit. */
    public ReadOnlyStringProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty firstProperty() {
        return first.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lastProperty() {
        return last.getReadOnlyProperty();
    }

    /** The total once marked, "150 of 200 points (75%) · 1 correct · 1 partial · 0 incorrect". */
    public ReadOnlyStringProperty totalProperty() {
        return summaryProperty();
    }

    public ReadOnlyStringProperty resultsHtmlProperty() {
        return resultsHtml.getReadOnlyProperty();
    }

    /** Ctrl+Enter: keeps the answer and shows the next question; on the last one, finishes the exam. */
    public void next() {
        if (phase() != Phase.ANSWERING) {
            return;
        }
        Exam e = commit();
        if (e.position() + 1 < e.size()) {
            goTo(e.position() + 1);
        } else {
            finish();
        }
    }

    public void previous() {
        if (phase() == Phase.ANSWERING && exam.get().position() > 0) {
            commit();
            goTo(exam.get().position() - 1);
        }
    }

    /** Keeps the answer and shows another question. */
    public void goTo(int index) {
        if (phase() != Phase.ANSWERING) {
            return;
        }
        commit();
        exam.set(exam.get().at(index));
        show(index);
        save();
    }

    /** Finishes and marks the exam; asks first when some questions have no answer. */
    public void finish() {
        if (phase() != Phase.ANSWERING) {
            return;
        }
        Exam e = commit();
        int missing = e.size() - e.answeredCount();
        if (missing > 0) {
            String question = missing == 1 ? "One question has" : missing + " questions have";
            Optional<String> choice = services.dialogs().choose("Finish the exam?", question
                    + " no answer yet. Unanswered questions score 0.", FINISH_CHOICES);
            if (!choice.map(FINISH_CHOICES.get(0)::equals).orElse(false)) {
                return;
            }
        }
        mark("Marking your answers…");
    }

    /** Called every second while the exam is shown: updates the countdown, and marks the exam when time is up. */
    public void tick() {
        if (phase() != Phase.ANSWERING) {
            return;
        }
        updateClock();
        if (exam.get().isOutOfTime(services.clock().instant())) {
            commit();
            mark("Time is up. Marking your answers…");
        }
    }

    /**
     * Saves the exam as it stands, in the background, so it can be resumed; the future completes once it is written
     * (or failed to be, which the line says). A marked exam is already saved.
     */
    public CompletableFuture<Void> checkpoint() {
        if (phase() == Phase.RESULTS) {
            return saving;
        }
        if (phase() == Phase.ANSWERING) {
            commit();
        }
        save();
        return saving;
    }

    /**
     * Saves the exam now, on this thread, so it can be resumed: used when the window closes, where nothing may be
     * left to a background thread. A marked exam is already saved.
     */
    public void suspend() {
        if (phase() == Phase.RESULTS) {
            return;
        }
        if (phase() == Phase.ANSWERING) {
            commit();
        }
        saving.join();
        try {
            services.exams().save(exam.get().checkpoint(services.clock().instant()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("the exam could not be saved", e);
        }
    }

    @Override
    public void close() {
        if (!closed()) {
            suspend();
            super.close();
            theme.removeListener(rerender);
        }
    }

    // ---- internals ----

    /** Puts the typed answer into the exam; returns the exam. */
    private Exam commit() {
        Exam e = exam.get();
        if (!e.isFinished() && !e.answers().get(e.position()).equals(answer.get())) {
            e = e.withAnswer(e.position(), answer.get());
            exam.set(e);
            updateAnswered();
        }
        return e;
    }

    /** Adds the time on the question being timed up to now, and goes on timing {@code next} (-1: none). */
    private void time(int next) {
        Instant now = services.clock().instant();
        if (timing >= 0 && timingSince != null) {
            Duration d = Duration.between(timingSince, now);
            spent[timing] = spent[timing].plus(d.isNegative() ? Duration.ZERO : d);
        }
        timing = next;
        timingSince = now;
    }

    private void show(int index) {
        time(index);
        Exam e = exam.get();
        answer.set(e.answers().get(index));
        first.set(index == 0);
        last.set(index == e.size() - 1);
        updateAnswered();
        ask(e.questions().get(index), index, e.size(), Phase.ANSWERING);
    }

    private void updateAnswered() {
        Exam e = exam.get();
        answered.set(e.answeredCount() + " of " + e.size() + " answered");
    }

    private void updateClock() {
        remaining.set(exam.get().remaining(services.clock().instant())
                .map(left -> "Time left " + AnswerRenderer.clock(roundUp(left))).orElse(""));
    }

    /** 4.2 s left shows as 0:05, so the countdown reaches 0:00 exactly when time is up. */
    private static Duration roundUp(Duration d) {
        return d.getNano() == 0 ? d : Duration.ofSeconds(d.getSeconds() + 1);
    }

    private void save() {
        Exam snapshot = exam.get().checkpoint(services.clock().instant());
        saving = saving.thenRunAsync(() -> {
            try {
                services.exams().save(snapshot);
            } catch (IOException | RuntimeException e) {
                LOG.warn("the exam could not be saved", e);
                services.ui().execute(() -> say("The exam could not be saved: " + Messages.reason(e)));
            }
        }, services.background());
    }

    private void mark(String saying) {
        time(-1);
        Exam e = exam.get();
        phase(Phase.MARKING);
        remaining.set("");
        say(services.grading().isReady() ? saying : "Loading the grader…");
        save();
        List<CompletableFuture<Grade>> marks = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            DrillItem question = e.questions().get(i);
            String given = e.answers().get(i);
            marks.add(given.isBlank() ? CompletableFuture.completedFuture(unanswered(question))
                    : services.grading().grade(AnswerKey.of(question.question()), given));
        }
        CompletableFuture.allOf(marks.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) ->
                services.ui().execute(() -> {
                    if (closed()) {
                        return;
                    }
                    if (failure != null) {
                        LOG.warn("marking exam {} failed", e.id(), failure);
                        say("Your answers could not be marked (" + Messages.reason(failure)
                                + "). The exam is saved; try Finish again later.");
                        show(exam.get().position());
                        return;
                    }
                    marked(marks.stream().map(CompletableFuture::join).toList());
                }));
    }

    private static Grade unanswered(DrillItem item) {
        List<KeyPointResult> missed = item.question().keyPoints().stream()
                .map(k -> new KeyPointResult(k, false, 0, List.of())).toList();
        return new Grade(0, Verdict.INCORRECT, missed, "No answer given.", List.of());
    }

    private void marked(List<Grade> grades) {
        Exam done = exam.get().finished(grades, services.clock().instant());
        exam.set(done);
        save();
        List<ReviewOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            Grade g = grades.get(i);
            outcomes.add(new ReviewOutcome.Answered(done.questions().get(i), done.finishedAt().orElseThrow(),
                    DrillMode.EXAM, Optional.of(g), g.verdict(), done.answers().get(i), spent[i]));
        }
        // The marks go to the review log in the background; the results show once they are committed.
        record(outcomes, Phase.MARKING, this::showResults);
    }

    private void showResults() {
        Exam e = exam.get();
        leaveQuestion();
        remaining.set("");
        finish(Messages.plural(e.size(), "question") + " marked", AnswerRenderer.describe(e.total()), Phase.RESULTS);
        renderResults();
    }

    private void renderResults() {
        if (phase() != Phase.RESULTS) {
            return;
        }
        try {
            resultsHtml.set(renderer.examResults(exam.get(), theme.getValue()));
        } catch (RuntimeException e) {
            LOG.warn("rendering the results of exam {} failed", exam.get().id(), e);
            say("The results could not be shown: " + Messages.reason(e));
        }
    }
}
