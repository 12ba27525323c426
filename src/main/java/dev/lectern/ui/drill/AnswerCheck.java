package dev.lectern.ui.drill;

import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.study.DrillItem;
import dev.lectern.ui.Messages;
import java.util.function.Consumer;
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
 * What the drills that take a typed answer share: the answer being typed, its grading in the background (a grade
 * for a question the student has left is dropped), a line for the student, and the reference answer rendered in the
 * window's theme (again when the theme changes).
 */
public final class AnswerCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerCheck.class);

    private final DrillServices services;
    private final AnswerRenderer renderer;
    private final ObservableValue<Theme> theme;
    private final ChangeListener<Theme> rerender = (obs, old, now) -> render();

    private final StringProperty answer = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Grade> grade = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper gradedAnswer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper referenceHtml = new ReadOnlyStringWrapper("");
    /** The question whose reference answer is on show; null while none is. */
    private DrillItem shown;
    private long generation;
    private boolean closed;

    public AnswerCheck(DrillServices services, AnswerRenderer renderer, ObservableValue<Theme> theme) {
        this.services = services;
        this.renderer = renderer;
        this.theme = theme;
        theme.addListener(rerender);
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

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty referenceHtmlProperty() {
        return referenceHtml.getReadOnlyProperty();
    }

    /** The answer as typed, never null. */
    public String typed() {
        return answer.get() == null ? "" : answer.get();
    }

    void say(String line) {
        message.set(line);
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
        message.set(services.grading().isReady() ? "Checking…" : "Loading the grader…");
        services.grading().grade(AnswerKey.of(item.question()), text).whenComplete((result, failure) ->
                services.ui().execute(() -> {
                    if (closed || mine != generation) {
                        return;
                    }
                    if (failure != null) {
                        LOG.warn("grading {} failed", item.key(), failure);
                        grade.set(null);
                        message.set("The answer could not be graded (" + Messages.reason(failure) + "). " + ifItFails);
                    } else {
                        grade.set(result);
                        message.set("");
                    }
                    done.accept(result);
                }));
    }

    /** Shows the answer as typed, ungraded (the student only revealed the reference answer). */
    public void ungraded() {
        generation++;
        grade.set(null);
        gradedAnswer.set(typed());
        message.set("");
    }

    /** Renders {@code item}'s reference answer, and again whenever the theme changes until {@link #clear}. */
    public void showReference(DrillItem item) {
        shown = item;
        render();
    }

    /** A new question: no answer, grade, line or reference answer; a grade still on its way is dropped. */
    public void clear() {
        generation++;
        shown = null;
        grade.set(null);
        gradedAnswer.set("");
        message.set("");
        referenceHtml.set("");
        answer.set("");
    }

    public void close() {
        closed = true;
        theme.removeListener(rerender);
    }

    private void render() {
        if (shown == null) {
            return;
        }
        try {
            referenceHtml.set(renderer.referenceAnswer(shown, theme.getValue()));
        } catch (RuntimeException e) {
            LOG.warn("rendering the reference answer of {} failed", shown.key(), e);
            referenceHtml.set("");
            message.set("The reference answer could not be shown: " + Messages.reason(e));
        }
    }
}
