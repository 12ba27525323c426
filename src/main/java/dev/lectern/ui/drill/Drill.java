package dev.lectern.ui.drill;

import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The drill shown in place of the reading: practice, flashcards, an exam, the list of past exams, a review of what is
 * due, or the statistics. Not sealed: the drills live in sub-packages, and a sealed type may permit classes of
 * other packages only inside a named module.
 */
public interface Drill {

    /** The heading over the drill, e.g. "Practice: LLaVA". */
    String title();

    /** Where the student is, e.g. "Question 3 of 10"; empty when that says nothing. */
    ReadOnlyStringProperty progressProperty();

    /** A line shown over the drill: whether its answers count towards the schedule; empty when there is none. */
    default ReadOnlyStringProperty noteProperty() {
        return new javafx.beans.property.ReadOnlyStringWrapper("").getReadOnlyProperty();
    }

    /** Called when the drill is left: stops listening, and saves what must survive (an exam in progress). */
    void close();
}
