package dev.lectern.ui.drill.practice;

import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillMode;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.study.SessionSummary;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.AnswerCheck;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.drill.TypedAnswerDrill;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ObservableValue;

/**
 * Practice: the student types an answer, checks it, sees the grade with its key points and the reference answer,
 * accepts or overrides the verdict, and goes on to the next question. Every settled verdict goes to the review log,
 * written in the background; the next question shows once it is committed.
 */
public final class PracticeViewModel extends TypedAnswerDrill<PracticeViewModel.Phase> {

    /** Where the student is with the current question. */
    public enum Phase {
        /** Typing the answer. */
        ANSWERING,
        /** Waiting for the grader. */
        CHECKING,
        /** The grade (or, if grading failed, only the reference answer) is shown; the verdict is to be settled. */
        FEEDBACK,
        /** The settled verdict is being written; the next question follows once it is committed. */
        SAVING,
        /** Every question has been practised. */
        DONE
    }

    private final List<DrillItem> items;
    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    private final List<Grade> grades = new ArrayList<>();
    private int index;

    public PracticeViewModel(DrillServices services, String title, List<DrillItem> items, AnswerRenderer renderer,
            ObservableValue<Theme> theme) {
        super(services, "Practice: " + title, Phase.ANSWERING, renderer, theme);
        noteSchedule(dev.lectern.scheduling.ReviewMode.PRACTICE);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to practise");
        }
        this.items = List.copyOf(items);
        show(0);
    }

    public int size() {
        return items.size();
    }

    /** Grades the typed answer in the background; the feedback shows when the grade is in. */
    public void check() {
        if (phase() != Phase.ANSWERING) {
            return;
        }
        DrillItem current = item();
        phase(Phase.CHECKING);
        check.grade(current, "Compare it with the reference answer and mark it yourself.", result -> {
            phase(Phase.FEEDBACK);
            check.showReference(current);
        });
    }

    /**
     * Takes the grader's verdict and goes on to the next question. Not when the grader is unsure: then the student
     * compares with the reference answer and marks it.
     */
    public void accept() {
        Grade g = check.gradeProperty().get();
        if (phase() == Phase.FEEDBACK && g != null && !AnswerCheck.unsure(g)) {
            settle(g.verdict());
        }
    }

    /** Sets the verdict by hand (the grader got it wrong, or could not grade) and goes on. */
    public void override(Verdict verdict) {
        if (phase() == Phase.FEEDBACK) {
            settle(verdict);
        }
    }

    /** Whether the grader's verdict can be accepted as it is: there is one, and it is not unsure. */
    public boolean acceptable() {
        Grade g = check.gradeProperty().get();
        return g != null && !AnswerCheck.unsure(g);
    }

    /** Enter: after feedback, accepts the grader's verdict and goes on (not when it is unsure). */
    public void next() {
        accept();
    }

    private void settle(Verdict verdict) {
        DrillItem current = item();
        Instant now = services.clock().instant();
        record(List.of(new ReviewOutcome.Answered(current, now, DrillMode.PRACTICE,
                Optional.ofNullable(check.gradeProperty().get()), verdict, check.gradedAnswerProperty().get(),
                taken(now))), Phase.SAVING, () -> {
                    verdicts.merge(verdict, 1, Integer::sum);
                    // Marked correct over the grader: its misses were the grader's, not the student's.
                    Optional.ofNullable(check.gradeProperty().get())
                            .filter(g -> verdict != Verdict.CORRECT || g.verdict() == Verdict.CORRECT)
                            .ifPresent(grades::add);
                    show(index + 1);
                });
    }

    private void show(int next) {
        index = next;
        check.clear();
        if (next >= items.size()) {
            String counts = Messages.plural(items.size(), "question") + ": " + verdicts.getOrDefault(Verdict.CORRECT, 0)
                    + " correct, " + verdicts.getOrDefault(Verdict.PARTIAL, 0) + " partial, "
                    + verdicts.getOrDefault(Verdict.INCORRECT, 0) + " incorrect.";
            String weakest = SessionSummary.weakestLine(grades);
            finish(Messages.plural(items.size(), "question") + " practised", counts + weakest, Phase.DONE);
            List<dev.lectern.scheduling.CardKey> cards = items.stream().map(DrillItem::card).toList();
            services.tasks().supply(services.progress()::cardStates, states -> summarize(counts + weakest
                    + SessionSummary.comingBack(cards, states, services.clock().instant(),
                    dev.lectern.scheduling.IntervalText::of)), e -> { });
            return;
        }
        ask(items.get(next), next, items.size(), Phase.ANSWERING);
    }
}
