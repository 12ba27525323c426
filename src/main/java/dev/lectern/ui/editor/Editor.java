package dev.lectern.ui.editor;

import dev.lectern.course.Problem;
import dev.lectern.course.edit.CourseFileStore;
import dev.lectern.course.edit.DocumentSyntaxException;
import dev.lectern.course.edit.FileStamp;
import dev.lectern.course.load.CourseDocuments;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.DrillServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An editor of one course file shown in place of the reading: a question set or a reading. What they share lives
 * here: undo and redo, the unsaved-changes mark, validation as you type (debounced, in the background, with the
 * loader's own messages), and saving through {@link CourseFileStore} without ever overwriting a change made on disk
 * meanwhile (Reload, Overwrite or Save As… is asked instead).
 */
public abstract class Editor {

    private static final Logger LOG = LoggerFactory.getLogger(Editor.class);
    /** How long typing must pause before the document is validated again. */
    static final long VALIDATE_AFTER_MILLIS = 300;
    static final List<String> SAVE_DISCARD_CANCEL = List.of("Save", "Discard", "Cancel");
    static final List<String> CONFLICT_CHOICES = List.of("Reload", "Overwrite", "Save As…", "Cancel");

    protected final DrillServices services;
    protected final CourseFileStore store;
    protected final EditHistory history = new EditHistory();
    private final Runnable onSaved;
    private Path file;
    private FileStamp stamp;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final StringBinding title;
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final AtomicLong validation = new AtomicLong();
    private final ReadOnlyStringWrapper previewHtml = new ReadOnlyStringWrapper("");
    private final AtomicLong previewGeneration = new AtomicLong();
    private volatile long validatedGeneration = -1;

    /**
     * @param onSaved called on the UI thread after each save, so the open course reloads at once
     */
    public Editor(DrillServices services, CourseFileStore store, Path file, FileStamp stamp, Runnable onSaved) {
        this.services = services;
        this.store = store;
        this.file = file.toAbsolutePath().normalize();
        this.stamp = stamp;
        this.onSaved = onSaved;
        this.title = Bindings.createStringBinding(() -> (history.dirtyProperty().get() ? "• " : "") + name.get(),
                history.dirtyProperty(), name);
    }

    // ---- state for the view ----

    /** "• Edit: LLaVA" while there are unsaved changes, "Edit: LLaVA" otherwise. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The editor's Markdown preview, rendered as the reading or the drills show it. */
    public ReadOnlyStringProperty previewHtmlProperty() {
        return previewHtml.getReadOnlyProperty();
    }

    /**
     * Renders {@code markdown} (images relative to the edited file) in the background; a render overtaken by a newer
     * one is dropped.
     */
    protected void preview(AnswerRenderer renderer, String markdown, Theme theme) {
        long generation = previewGeneration.incrementAndGet();
        Path base = file().getParent();
        services.background().execute(() -> {
            String html;
            try {
                html = renderer.preview(markdown, base, theme);
            } catch (RuntimeException e) {
                LOG.warn("the preview could not be rendered", e);
                html = "<!DOCTYPE html><html><body><p>The preview could not be shown.</p></body></html>";
            }
            String ready = html;
            services.ui().execute(() -> {
                if (generation == previewGeneration.get()) {
                    previewHtml.set(ready);
                }
            });
        });
    }

    /** The editor's name without the mark. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    protected void setName(String text) {
        name.set(text);
    }

    /** True while there are changes not saved to the file. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return history.dirtyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** The loader's problems with the document as edited: "questions/llava.json:12:5: error: …". */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** What the last save or reload did, for the editor's status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The file being edited. */
    public Path file() {
        return file;
    }

    // ---- actions ----

    public void undo() {
        history.undo();
        changed();
    }

    public void redo() {
        history.redo();
        changed();
    }

    /** Ends a burst of typing (the field lost the focus): the next keystroke is undone on its own. */
    public void endTyping() {
        history.endBurst();
    }

    /**
     * Saves the document to its file, unless the file changed on disk since it was read: then asks whether to reload
     * it (dropping the edits), overwrite it, or save the edits as another file. True when the edits are on disk.
     */
    public boolean save() {
        history.endBurst();
        if (!beforeSave()) {
            return false;
        }
        byte[] bytes = bytes();
        try {
            CourseFileStore.SaveResult result = store.save(file, bytes, stamp);
            if (result instanceof CourseFileStore.Saved saved) {
                return saved(saved);
            }
            return resolveConflict(bytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("saving {} failed", file, e);
            services.dialogs().showError("Not saved", file.getFileName() + " could not be saved: " + Messages.reason(e)
                    + " Your changes are still here.");
            return false;
        }
    }

    private boolean resolveConflict(byte[] bytes) throws IOException {
        Optional<String> choice = services.dialogs().choose("The file changed on disk",
                "The file changed on disk since you opened it: " + shown(file) + ". Reload it (your changes here are"
                        + " dropped), overwrite it with your version (the one on disk is kept as a backup), or save"
                        + " your version as another file?", CONFLICT_CHOICES);
        if (choice.isEmpty() || choice.get().equals(CONFLICT_CHOICES.get(3))) {
            status.set("Not saved: the file changed on disk.");
            return false;
        }
        if (choice.get().equals(CONFLICT_CHOICES.get(0))) {
            reloadFromDisk();
            return false;
        }
        if (choice.get().equals(CONFLICT_CHOICES.get(1))) {
            return saved(store.overwrite(file, bytes));
        }
        Optional<Path> target = services.dialogs().chooseSaveFile("Save As", file.getFileName().toString());
        if (target.isEmpty()) {
            status.set("Not saved: the file changed on disk.");
            return false;
        }
        CourseFileStore.SaveResult result = store.saveAs(target.get(), bytes);
        if (result instanceof CourseFileStore.Saved saved) {
            file = target.get().toAbsolutePath().normalize();
            return saved(saved);
        }
        services.dialogs().showError("Not saved", target.get() + " exists already; nothing was written. Choose"
                + " another name, or Overwrite.");
        return false;
    }

    private boolean saved(CourseFileStore.Saved saved) {
        stamp = saved.stamp();
        history.markSaved();
        afterSave();
        status.set("Saved " + shown(file) + ".");
        onSaved.run();
        return true;
    }

    /** Reads the file again, dropping the edits (and their history). */
    public void reloadFromDisk() {
        try {
            CourseFileStore.Loaded<byte[]> read = store.read(file);
            replaceDocument(read.document());
            stamp = read.stamp();
            history.clear();
            status.set("Reloaded " + shown(file) + " from disk.");
            changed();
        } catch (IOException | DocumentSyntaxException | RuntimeException e) {
            LOG.warn("reloading {} failed", file, e);
            services.dialogs().showError("Not reloaded", file.getFileName() + " could not be read again: "
                    + Messages.reason(e));
        }
    }

    /**
     * Asks about unsaved changes before the editor closes (Save / Discard / Cancel). True when it may close: nothing
     * was unsaved, the changes were saved, or the user chose to discard them.
     */
    public boolean confirmClose() {
        if (!history.dirtyProperty().get()) {
            return true;
        }
        Optional<String> choice = services.dialogs().choose("Unsaved changes",
                shown(file) + " has changes that are not saved. Save them before closing?", SAVE_DISCARD_CANCEL);
        if (choice.isEmpty() || choice.get().equals(SAVE_DISCARD_CANCEL.get(2))) {
            return false;
        }
        if (choice.get().equals(SAVE_DISCARD_CANCEL.get(1))) {
            return true;
        }
        return save();
    }

    /** The editor is left: stops pending validation. */
    public void close() {
        validation.incrementAndGet();
    }

    // ---- for the editors ----

    /** The document's bytes as they would be saved. */
    protected abstract byte[] bytes();

    /** Replaces the document with one read from these bytes. */
    protected abstract void replaceDocument(byte[] bytes) throws DocumentSyntaxException;

    /** Asks what must be asked before a save; false cancels the save. */
    protected boolean beforeSave() {
        return true;
    }

    /** After a successful save. */
    protected void afterSave() {
    }

    /** Called after every change of the document: validates it again soon. */
    protected void changed() {
        validateSoon();
    }

    /** Records an edit already done to the document. */
    protected void done(EditHistory.Edit edit, Object burst) {
        history.done(edit, burst);
        changed();
    }

    /** The file as shown to the user: relative to the course folder. */
    protected String shown(Path p) {
        Path root = store.courseDir();
        return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }

    /** Validates the document as edited after typing pauses, in the background, with the loader's checks. */
    void validateSoon() {
        long generation = validation.incrementAndGet();
        byte[] bytes = bytes();
        Path target = file;
        Path root = store.courseDir();
        CompletableFuture.runAsync(() -> {
            if (generation != validation.get()) {
                return;
            }
            List<String> found;
            try {
                List<Problem> list = Files.isDirectory(root.resolve("readings")) || Files.isDirectory(root.resolve("questions"))
                        ? CourseDocuments.validateInCourse(root, target, bytes) : CourseDocuments.validate(target, bytes);
                found = list.stream().map(p -> p.format(Path.of(shown(p.file().toAbsolutePath().normalize())))).toList();
            } catch (RuntimeException e) {
                LOG.warn("validating {} failed", target, e);
                found = List.of("The document could not be checked: " + Messages.reason(e));
            }
            List<String> result = found;
            services.ui().execute(() -> {
                if (generation == validation.get()) {
                    problems.setAll(result);
                    validatedGeneration = generation;
                }
            });
        }, CompletableFuture.delayedExecutor(VALIDATE_AFTER_MILLIS, TimeUnit.MILLISECONDS, services.background()));
    }

    /** True once the problems shown are those of the document as it is now (tests wait for it). */
    public boolean validated() {
        return validatedGeneration == validation.get();
    }
}
