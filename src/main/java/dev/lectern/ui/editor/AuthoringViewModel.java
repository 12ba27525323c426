package dev.lectern.ui.editor;

import dev.lectern.course.Course;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.SourceRef;
import dev.lectern.course.edit.NewCourse;
import dev.lectern.render.Theme;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.editor.questionset.QuestionSetEditorViewModel;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

    /**
     * Opens the question set in the editor (after asking about the unsaved changes of an editor on show); the file is
     * read in the background. Completes on the UI executor once the editor is shown, or was not.
     */
    public CompletableFuture<Void> editQuestionSet(QuestionSet set) {
        return set == null ? CompletableFuture.completedFuture(null)
                : edit(set.source(), "Cannot edit " + set.title(), QuestionSetEditorViewModel.OPENER);
    }

    /** Opens the reading in the editor, as {@link #editQuestionSet} does a question set. */
    public CompletableFuture<Void> editReading(Reading reading) {
        return reading == null ? CompletableFuture.completedFuture(null)
                : edit(reading.source(), "Cannot edit " + reading.shortTitle(), ReadingEditorViewModel.OPENER);
    }

    private CompletableFuture<Void> edit(SourceRef source, String failureTitle, Editor.Opener<?, ?> opener) {
        Course c = course.getValue();
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        Path file = fileOf(c, source);
        return closeEditor().thenCompose(closed -> {
            if (!closed) {
                return CompletableFuture.completedFuture(null);
            }
            return opener.opening(services, c.root(), file, theme, reloadCourse).handle((editor, failure) -> {
                if (failure != null) {
                    Throwable cause = Editor.unwrap(failure);
                    LOG.warn("opening {} for editing failed", file, cause);
                    services.dialogs().showError(failureTitle, file.getFileName() + " could not be opened for"
                            + " editing: " + Messages.reason(cause));
                } else {
                    current.set(editor);
                }
                return null;
            });
        });
    }

    private static Path fileOf(Course c, SourceRef source) {
        return c.root().resolve(source.file()).toAbsolutePath().normalize();
    }

    /**
     * Closes the editor on show, asking about unsaved changes; completes with false when the user keeps it open (or
     * its save failed).
     */
    public CompletableFuture<Boolean> closeEditor() {
        Editor editor = current.get();
        if (editor == null) {
            return CompletableFuture.completedFuture(true);
        }
        return editor.confirmClose().thenApply(mayClose -> {
            if (mayClose && current.get() == editor) {
                editor.close();
                current.set(null);
            }
            return mayClose;
        });
    }

    /** The app is quitting: asks about unsaved changes; completes with false when the user cancels quitting. */
    public CompletableFuture<Boolean> confirmQuit() {
        Editor editor = current.get();
        return editor == null ? CompletableFuture.completedFuture(true) : editor.confirmClose();
    }

    /**
     * Asks for a folder, writes a new course there with a sample reading and question set (in the background), and
     * opens it. Completes on the UI executor.
     */
    public CompletableFuture<Void> newCourse() {
        Optional<Path> dir = services.dialogs().chooseDirectory("New Course: choose an empty folder",
                Optional.ofNullable(course.getValue()).map(c -> c.root().getParent()));
        if (dir.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return closeEditor().thenCompose(closed -> {
            if (!closed) {
                return CompletableFuture.completedFuture(null);
            }
            String name = dir.get().getFileName() == null ? "New course" : dir.get().getFileName().toString();
            return Editor.inBackground(services, () -> NewCourse.create(dir.get(), name)).handle((made, failure) -> {
                if (failure != null) {
                    Throwable cause = Editor.unwrap(failure);
                    LOG.warn("making a new course in {} failed", dir.get(), cause);
                    services.dialogs().showError("No new course", "The course could not be made in " + dir.get()
                            + ": " + Messages.reason(cause));
                } else {
                    openCourse.accept(dir.get().toAbsolutePath().normalize());
                }
                return null;
            });
        });
    }
}
