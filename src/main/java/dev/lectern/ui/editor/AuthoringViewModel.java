package dev.lectern.ui.editor;

import dev.lectern.course.Course;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.SourceRef;
import dev.lectern.course.edit.DocumentSyntaxException;
import dev.lectern.course.edit.NewCourse;
import dev.lectern.render.Theme;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.editor.questionset.QuestionSetEditorViewModel;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and closes the editors shown in place of the reading (one at a time), asks about unsaved changes on close
 * and on quit, and makes new courses. After a save the open course is reloaded at once.
 */
public final class AuthoringViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AuthoringViewModel.class);

    private final DrillServices services;
    private final ObservableValue<Course> course;
    private final ObservableValue<Theme> theme;
    private final Runnable reloadCourse;
    private final Consumer<Path> openCourse;
    private final ReadOnlyObjectWrapper<Editor> current = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding active = current.isNotNull();

    /**
     * @param reloadCourse reloads the open course (after a save)
     * @param openCourse   opens a course folder (a new course)
     */
    public AuthoringViewModel(DrillServices services, ObservableValue<Course> course, ObservableValue<Theme> theme,
            Runnable reloadCourse, Consumer<Path> openCourse) {
        this.services = services;
        this.course = course;
        this.theme = theme;
        this.reloadCourse = reloadCourse;
        this.openCourse = openCourse;
    }

    /** The editor on show, or null. */
    public ReadOnlyObjectProperty<Editor> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public BooleanBinding activeProperty() {
        return active;
    }

    /** Opens the question set in the editor (after asking about the unsaved changes of an editor on show). */
    public void editQuestionSet(QuestionSet set) {
        Course c = course.getValue();
        if (c == null || set == null || !closeEditor()) {
            return;
        }
        Path file = fileOf(c, set.source());
        try {
            show(QuestionSetEditorViewModel.open(services, c.root(), file, theme, reloadCourse));
        } catch (IOException | DocumentSyntaxException | RuntimeException e) {
            LOG.warn("opening {} for editing failed", file, e);
            services.dialogs().showError("Cannot edit " + set.title(), file.getFileName() + " could not be opened"
                    + " for editing: " + Messages.reason(e));
        }
    }

    /** Opens the reading in the editor. */
    public void editReading(Reading reading) {
        Course c = course.getValue();
        if (c == null || reading == null || !closeEditor()) {
            return;
        }
        Path file = fileOf(c, reading.source());
        try {
            show(ReadingEditorViewModel.open(services, c.root(), file, theme, reloadCourse));
        } catch (IOException | DocumentSyntaxException | RuntimeException e) {
            LOG.warn("opening {} for editing failed", file, e);
            services.dialogs().showError("Cannot edit " + reading.shortTitle(), file.getFileName()
                    + " could not be opened for editing: " + Messages.reason(e));
        }
    }

    private static Path fileOf(Course c, SourceRef source) {
        return c.root().resolve(source.file()).toAbsolutePath().normalize();
    }

    private void show(Editor editor) {
        current.set(editor);
    }

    /** Closes the editor on show, asking about unsaved changes; false when the user keeps it open. */
    public boolean closeEditor() {
        Editor editor = current.get();
        if (editor == null) {
            return true;
        }
        if (!editor.confirmClose()) {
            return false;
        }
        editor.close();
        current.set(null);
        return true;
    }

    /** The app is quitting: asks about unsaved changes; false when the user cancels quitting. */
    public boolean confirmQuit() {
        Editor editor = current.get();
        return editor == null || editor.confirmClose();
    }

    /** Asks for a folder, writes a new course there with a sample reading and question set, and opens it. */
    public void newCourse() {
        Optional<Path> dir = services.dialogs().chooseDirectory("New Course: choose an empty folder",
                Optional.ofNullable(course.getValue()).map(c -> c.root().getParent()));
        if (dir.isEmpty() || !closeEditor()) {
            return;
        }
        try {
            String name = dir.get().getFileName() == null ? "New course" : dir.get().getFileName().toString();
            NewCourse.create(dir.get(), name);
            openCourse.accept(dir.get().toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            LOG.warn("making a new course in {} failed", dir.get(), e);
            services.dialogs().showError("No new course", "The course could not be made in " + dir.get() + ": "
                    + Messages.reason(e));
        }
    }
}
