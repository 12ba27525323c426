package dev.lectern.ui.drill;

import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.study.DrillItem;
import dev.lectern.ui.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the drills that take a typed answer share: the answer being typed, its grading in the background (a grade
 * for a question the student has left is dropped), and the reference answer once it is checked.
 */
public final class AnswerCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerCheck.class);
    /** The student's overrides of one question the grader weighs: the newest. */
    static final int MOST_OVERRIDES = 50;
    /** The line for an answer the grader is unsure about: the student judges it, nothing is suggested. */
    public static final String UNSURE = "Compare with the reference and rate yourself.";

    private final DrillServices services;
    private final ReferenceAnswer reference;
    private final Consumer<String> say;

    private final StringProperty answer = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Grade> grade = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper gradedAnswer = new ReadOnlyStringWrapper("");
    private long generation;
    private boolean closed;

    /** @param say the line for the student: checking, the grader is loading, or could not grade */
    public AnswerCheck(DrillServices services, ReferenceAnswer reference, Consumer<String> say) {
        this.services = services;
        this.reference = reference;
        this.say = say;
    }

    public StringProperty answerProperty() {
        return answer;
    }

    public ReadOnlyObjectProperty<Grade> gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gradedAnswerProperty() {
        return gradedAnswer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty referenceHtmlProperty() {
        return reference.htmlProperty();
    }

    /** The answer as typed, never null. */
    public String typed() {
        return answer.get() == null ? "" : answer.get();
    }

    /**
     * Grades the typed answer to {@code item} in the background. On the UI thread, unless the student has moved on,
     * {@code done} gets the grade, or null when grading failed (the line for the student then says so and ends with
     * {@code ifItFails}, what to do instead).
     */
    public void grade(DrillItem item, String ifItFails, Consumer<Grade> done) {
        String text = typed();
        long mine = ++generation;
        gradedAnswer.set(text);
        say.accept(services.grading().isReady() ? "Checking…" : "Loading the grader…");
        CompletableFuture.supplyAsync(() -> keyWithYourOverrides(item), services.background())
                .thenCompose(key -> services.grading().grade(key, text)).whenComplete((result, failure) ->
                services.ui().execute(() -> {
                    if (closed || mine != generation) {
                        return;
                    }
                    if (failure != null) {
                        LOG.warn("grading {} failed", item.key(), failure);
                        grade.set(null);
                        say.accept("The answer could not be graded (" + Messages.reason(failure) + "). "
                                + ifItFails);
                    } else {
                        grade.set(result);
                        say.accept(unsure(result) ? UNSURE : "");
                    }
                    done.accept(result);
                }));
    }

    /**
     * The question's answer key with the student's own overrides of the grader on it added to the instructor's
     * examples (the newest verdict for each answer, at most {@value #MOST_OVERRIDES}): a person grading the twentieth
     * answer remembers how they judged the nineteen before. Read from the review log, so off the UI thread; when it
     * cannot be read, the key as the course gives it.
     */
    private AnswerKey keyWithYourOverrides(DrillItem item) {
        AnswerKey key = AnswerKey.of(item.question());
        List<ReviewRecord> log;
        try {
            log = services.progress().allReviews();
        } catch (RuntimeException e) {
            LOG.info("the overrides of {} could not be read: {}", item.key(), e.getMessage());
            return key;
        }
        Map<String, JudgedExample> yours = new LinkedHashMap<>();
        for (ReviewRecord r : log) {
            if (r.card().equals(item.card()) && r.overridden()) {
                String answer = r.answer().strip();
                yours.remove(answer);
                exampleVerdict(r.verdict().orElseThrow())
                        .ifPresent(v -> yours.put(answer, JudgedExample.yours(answer, v)));
            }
        }
        if (yours.isEmpty()) {
            return key;
        }
        List<JudgedExample> examples = new ArrayList<>(key.examples());
        List<JudgedExample> newest = new ArrayList<>(yours.values());
        examples.addAll(newest.subList(Math.max(0, newest.size() - MOST_OVERRIDES), newest.size()));
        return key.withExamples(examples);
    }

    private static Optional<ExampleVerdict> exampleVerdict(Verdict v) {
        return switch (v) {
            case CORRECT -> Optional.of(ExampleVerdict.CORRECT);
            case PARTIAL -> Optional.of(ExampleVerdict.PARTIAL);
            case INCORRECT -> Optional.of(ExampleVerdict.INCORRECT);
            default -> Optional.empty();
        };
    }

    /** Whether the grader could not tell: the claim checks neither confirmed nor contradicted what the words suggest. */
    public static boolean unsure(Grade grade) {
        return grade != null && grade.verdict() == Verdict.UNSURE;
    }

    /** Shows the answer as typed, ungraded (the student only revealed the reference answer). */
    public void ungraded() {
        generation++;
        grade.set(null);
        gradedAnswer.set(typed());
        say.accept("");
    }

    /** Renders {@code item}'s reference answer, and again whenever the theme changes until {@link #clear}. */
    public void showReference(DrillItem item) {
        reference.show(item);
    }

    /** A new question: no answer, grade, line or reference answer; a grade still on its way is dropped. */
    public void clear() {
        generation++;
        reference.clear();
        grade.set(null);
        gradedAnswer.set("");
        say.accept("");
        answer.set("");
    }

    public void close() {
        closed = true;
        reference.close();
    }
}
