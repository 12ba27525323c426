package dev.lectern.ui.drill.practice;

import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillMode;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.AnswerCheck;
import dev.lectern.ui.drill.Drill;
import dev.lectern.ui.drill.DrillServices;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Practice: the student types an answer, checks it, sees the grade with its key points and the reference answer,
 * accepts or overrides the verdict, and goes on to the next question. Every settled verdict goes to the review log.
 */
public final class PracticeViewModel implements Drill {

    /** Where the student is with the current question. */
    public enum Phase {
        /** Typing the answer. */
        ANSWERING,
        /** Waiting for the grader. */
        CHECKING,
        /** The grade (or, if grading failed, only the reference answer) is shown; the verdict is to be settled. */
        FEEDBACK,
        /** Every question has been practised. */
        DONE
    }

    private final DrillServices services;
    private final String title;
    private final List<DrillItem> items;
    private final AnswerCheck check;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.ANSWERING);
    private final ReadOnlyObjectWrapper<DrillItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    private int index;
    /** When the question on screen was shown, for the time taken. */
    private Instant shownAt;

    public PracticeViewModel(DrillServices services, String title, List<DrillItem> items, AnswerRenderer renderer,
            ObservableValue<Theme> theme) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to practise");
        }
        this.services = services;
        this.title = title;
        this.items = List.copyOf(items);
        this.check = new AnswerCheck(services, renderer, theme);
        show(0);
    }

    @Override
    public String title() {
        return "Practice: " + title;
    }

    @Override
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DrillItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** The answer being typed. */
    public StringProperty answerProperty() {
        return check.answerProperty();
    }

    /** The grade of the checked answer; null before checking, or when the grader failed. */
    public ReadOnlyObjectProperty<Grade> gradeProperty() {
        return check.gradeProperty();
    }

    /** The answer exactly as it was graded, which the grade's evidence spans point into. */
    public ReadOnlyStringProperty gradedAnswerProperty() {
        return check.gradedAnswerProperty();
    }

    /** A line for the student: the grader is loading, or could not grade. */
    public ReadOnlyStringProperty messageProperty() {
        return check.messageProperty();
    }

    /** The reference answer as a document, once the answer has been checked. */
    public ReadOnlyStringProperty referenceHtmlProperty() {
        return check.referenceHtmlProperty();
    }

    /** What was practised, once done: "5 questions: 3 correct, 1 partial, 1 incorrect". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public int size() {
        return items.size();
    }

    /** Grades the typed answer in the background; the feedback shows when the grade is in. */
    public void check() {
        if (phase.get() != Phase.ANSWERING) {
            return;
        }
        DrillItem current = item.get();
        phase.set(Phase.CHECKING);
        check.grade(current, "Compare it with the reference answer and mark it yourself.", result -> {
            phase.set(Phase.FEEDBACK);
            check.showReference(current);
        });
    }

    /** Takes the grader's verdict and goes on to the next question. */
    public void accept() {
        Grade g = check.gradeProperty().get();
        if (phase.get() == Phase.FEEDBACK && g != null) {
            settle(g.verdict());
        }
    }

    /** Sets the verdict by hand (the grader got it wrong, or could not grade) and goes on. */
    public void override(Verdict verdict) {
        if (phase.get() == Phase.FEEDBACK) {
            settle(verdict);
        }
    }

    /** Enter: after feedback, accepts the grader's verdict and goes on. */
    public void next() {
        accept();
    }

    @Override
    public void close() {
        check.close();
    }

    private void settle(Verdict verdict) {
        DrillItem current = item.get();
        Instant now = services.clock().instant();
        services.progress().record(new ReviewOutcome.Answered(current, now, DrillMode.PRACTICE,
                Optional.ofNullable(check.gradeProperty().get()), verdict, check.gradedAnswerProperty().get(),
                Duration.between(shownAt, now)));
        verdicts.merge(verdict, 1, Integer::sum);
        show(index + 1);
    }

    private void show(int next) {
        index = next;
        check.clear();
        if (next >= items.size()) {
            progress.set(Messages.plural(items.size(), "question") + " practised");
            summary.set(Messages.plural(items.size(), "question") + ": "
                    + verdicts.getOrDefault(Verdict.CORRECT, 0) + " correct, "
                    + verdicts.getOrDefault(Verdict.PARTIAL, 0) + " partial, "
                    + verdicts.getOrDefault(Verdict.INCORRECT, 0) + " incorrect");
            phase.set(Phase.DONE);
            return;
        }
        item.set(items.get(next));
        progress.set(Messages.progress(next, items.size()));
        shownAt = services.clock().instant();
        phase.set(Phase.ANSWERING);
    }
}
