package dev.lectern.ui.drill.exam;

import dev.lectern.study.Exam;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.Drill;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The finished exams kept for review, newest first; opening one shows its results page again. */
public final class ExamHistoryViewModel implements Drill {

    private final ObservableList<Exam> exams;
    private final Consumer<Exam> open;
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");

    public ExamHistoryViewModel(List<Exam> finished, Consumer<Exam> open) {
        this.exams = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(finished));
        this.open = open;
        progress.set(Messages.plural(finished.size(), "exam"));
    }

    @Override
    public String title() {
        return "Past Exams";
    }

    @Override
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObservableList<Exam> exams() {
        return exams;
    }

    /** Shows the results page of a finished exam. */
    public void open(Exam exam) {
        if (exam != null) {
            open.accept(exam);
        }
    }

    @Override
    public void close() {
        // Nothing to keep: the exams are on disk.
    }
}
