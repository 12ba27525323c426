package dev.lectern.ui.drill;

import dev.lectern.grading.Grade;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * A drill in which the student types an answer and has it graded (practice, review): the answer, its grade, the
 * answer as graded and the reference answer, through an {@link AnswerCheck}.
 *
 * @param <P> the drill's phases
 */
public abstract class TypedAnswerDrill<P extends Enum<P>> extends QuestionDrill<P> {

    protected final AnswerCheck check;

    protected TypedAnswerDrill(DrillServices services, String title, P first, AnswerRenderer renderer,
            ObservableValue<Theme> theme) {
        super(services, title, first);
        this.check = new AnswerCheck(services, new ReferenceAnswer(renderer, theme, this::say), this::say);
    }

    /** The answer being typed. */
    public final StringProperty answerProperty() {
        return check.answerProperty();
    }

    /** The grade of the checked answer; null before checking, when only revealed, or when the grader failed. */
    public final ReadOnlyObjectProperty<Grade> gradeProperty() {
        return check.gradeProperty();
    }

    /** The answer exactly as it was graded, which the grade's evidence spans point into. */
    public final ReadOnlyStringProperty gradedAnswerProperty() {
        return check.gradedAnswerProperty();
    }

    /** The reference answer as a document, once the answer has been checked or revealed. */
    public final ReadOnlyStringProperty referenceHtmlProperty() {
        return check.referenceHtmlProperty();
    }

    @Override
    public void close() {
        super.close();
        check.close();
    }
}
