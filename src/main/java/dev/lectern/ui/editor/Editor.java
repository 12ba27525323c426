package dev.lectern.ui.editor;

import dev.lectern.course.Problem;
import dev.lectern.course.edit.CourseFileStore;
import dev.lectern.course.edit.DocumentSyntaxException;
import dev.lectern.course.edit.FileStamp;
import dev.lectern.course.load.CourseDocuments;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.ui.Background;
import dev.lectern.ui.Messages;
import dev.lectern.ui.ReadOnlyList;
import dev.lectern.ui.drill.DrillServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
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
    private final AnswerRenderer renderer;
    private final ObservableValue<Theme> theme;
    private final Runnable onSaved;
    private Path file;
    private FileStamp stamp;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final StringBinding title;
    private final ReadOnlyList<String> problems = new ReadOnlyList<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final AtomicLong validation = new AtomicLong();
    private final ReadOnlyStringWrapper previewHtml = new ReadOnlyStringWrapper("");
    private final AtomicLong previewGeneration = new AtomicLong();
    private volatile long validatedGeneration = -1;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    /** The save under way; null when none is. */
    private CompletableFuture<Boolean> pendingSave;

    /**
     * @param theme   the preview follows it
     * @param onSaved called on the UI thread after each save, so the open course reloads at once
     */
    public Editor(DrillServices services, CourseFileStore store, Path file, FileStamp stamp,
            ObservableValue<Theme> theme, Runnable onSaved) {
        this.services = services;
        this.store = store;
        this.renderer = new AnswerRenderer(store.courseDir());
        this.theme = theme;
        this.file = file.toAbsolutePath().normalize();
        this.stamp = stamp;
        this.onSaved = onSaved;
        this.title = Bindings.createStringBinding(() -> (history.dirtyProperty().get() ? "• " : "") + name.get(),
                history.dirtyProperty(), name);
        theme.addListener((obs, old, now) -> renderPreview());
    }

    /** How one kind of editor opens its file: how the document is read, and the editor's constructor. */
    public record Opener<D, E extends Editor>(Reader<D> read, Maker<D, E> make) {

        /** Opens {@code file} for editing. */
        public E open(DrillServices services, Path courseDir, Path file, ObservableValue<Theme> theme,
                Runnable onSaved) throws IOException, DocumentSyntaxException {
            CourseFileStore store = new CourseFileStore(courseDir);
            return make.make(services, store, file, read.read(store, file), theme, onSaved);
        }

        /** Opens {@code file} for editing, reading it in the background; completes on the UI executor. */
        public CompletableFuture<E> opening(DrillServices services, Path courseDir, Path file,
                ObservableValue<Theme> theme, Runnable onSaved) {
            CourseFileStore store = new CourseFileStore(courseDir);
            return inBackground(services, () -> read.read(store, file))
                    .thenApply(loaded -> make.make(services, store, file, loaded, theme, onSaved));
        }
    }

    /** Reads a document of one kind, {@link CourseFileStore#readReading} say. */
    @FunctionalInterface
    public interface Reader<D> {
        CourseFileStore.Loaded<D> read(CourseFileStore store, Path file) throws IOException, DocumentSyntaxException;
    }

    /** An editor's constructor. */
    @FunctionalInterface
    public interface Maker<D, E extends Editor> {
        E make(DrillServices services, CourseFileStore store, Path file, CourseFileStore.Loaded<D> loaded,
                ObservableValue<Theme> theme, Runnable onSaved);
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
     * Selects item {@code index} of {@code items} (none when it is out of range) and ends the burst of typing in the
     * one before, so undo takes the two apart.
     */
    protected final void select(ReadOnlyIntegerWrapper selection, List<?> items, int index) {
        int wanted = index >= 0 && index < items.size() ? index : -1;
        if (wanted == selection.get()) {
            return;
        }
        history.endBurst();
        selection.set(wanted);
    }

    /** Hears what is typed into one of an editor's text fields. */
    @FunctionalInterface
    protected interface FieldEdit<F> {
        void edited(F field, String old, String now);
    }

    /** An empty text property for each constant of {@code type}, each telling {@code edit} what is typed into it. */
    protected static <F extends Enum<F>> Map<F, StringProperty> textFields(Class<F> type, FieldEdit<F> edit) {
        Map<F, StringProperty> fields = new EnumMap<>(type);
        for (F f : type.getEnumConstants()) {
            StringProperty p = new SimpleStringProperty("");
            fields.put(f, p);
            p.addListener((obs, old, now) -> edit.edited(f, old, now));
        }
        return fields;
    }

    /** The Markdown the preview shows. */
    protected abstract String previewMarkdown();

    /**
     * Renders {@link #previewMarkdown()} (images relative to the edited file) in the current theme, in the
     * background; a render overtaken by a newer one is dropped.
     */
    protected final void renderPreview() {
        long generation = previewGeneration.incrementAndGet();
        Path base = file().getParent();
        String markdown = previewMarkdown();
        Theme theme = this.theme.getValue();
        Consumer<String> show = html -> {
            if (generation == previewGeneration.get()) {
                previewHtml.set(html);
            }
        };
        services.tasks().supply(() -> renderer.preview(markdown, base, theme), show, e -> {
            LOG.warn("the preview could not be rendered", e);
            show.accept("<!DOCTYPE html><html><body><p>The preview could not be shown.</p></body></html>");
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
        return problems.view();
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

    /** True while a save is under way (the file is written in the background). */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /**
     * Saves the document to its file, unless the file changed on disk since it was read: then asks whether to reload
     * it (dropping the edits), overwrite it, or save the edits as another file. The file is written in the
     * background, with "Saving …" in the status meanwhile; completes on the UI executor, with true when the edits
     * are on disk. A save asked for while one is under way is that save.
     */
    public CompletableFuture<Boolean> save() {
        if (pendingSave != null) {
            return pendingSave;
        }
        history.endBurst();
        String before = status.get();
        saving.set(true);
        status.set("Saving " + shown(file) + "…");
        CompletableFuture<Boolean> done = beforeSave()
                .thenCompose(go -> {
                    if (go) {
                        return write();
                    }
                    status.set(before);
                    return CompletableFuture.completedFuture(false);
                })
                .exceptionally(e -> {
                    Throwable cause = unwrap(e);
                    LOG.warn("saving {} failed", file, cause);
                    status.set("Not saved.");
                    services.dialogs().showError("Not saved", file.getFileName() + " could not be saved: "
                            + Messages.reason(cause) + " Your changes are still here.");
                    return false;
                });
        if (done.isDone()) {
            saving.set(false);
            return done;
        }
        pendingSave = done.whenComplete((ok, e) -> {
            pendingSave = null;
            saving.set(false);
        });
        return pendingSave;
    }

    private CompletableFuture<Boolean> write() {
        byte[] bytes = bytes();
        EditHistory.SavePoint point = history.savePoint();
        Path target = file;
        FileStamp expected = stamp;
        return inBackground(() -> store.save(target, bytes, expected)).thenCompose(result ->
                result instanceof CourseFileStore.Saved saved ? saved(saved, point) : resolveConflict(bytes, point));
    }

    private CompletableFuture<Boolean> resolveConflict(byte[] bytes, EditHistory.SavePoint point) {
        Optional<String> choice = services.dialogs().choose("The file changed on disk",
                "The file changed on disk since you opened it: " + shown(file) + ". Reload it (your changes here are"
                        + " dropped), overwrite it with your version (the one on disk is kept as a backup), or save"
                        + " your version as another file?", CONFLICT_CHOICES);
        if (choice.isEmpty() || choice.get().equals(CONFLICT_CHOICES.get(3))) {
            return notSaved();
        }
        if (choice.get().equals(CONFLICT_CHOICES.get(0))) {
            return reloadFromDisk().thenApply(reloaded -> false);
        }
        Path current = file;
        if (choice.get().equals(CONFLICT_CHOICES.get(1))) {
            return inBackground(() -> store.overwrite(current, bytes)).thenCompose(saved -> saved(saved, point));
        }
        Optional<Path> target = services.dialogs().chooseSaveFile("Save As", file.getFileName().toString());
        if (target.isEmpty()) {
            return notSaved();
        }
        return inBackground(() -> store.saveAs(target.get(), bytes)).thenCompose(result -> {
            if (result instanceof CourseFileStore.Saved saved) {
                file = target.get().toAbsolutePath().normalize();
                return saved(saved, point);
            }
            status.set("Not saved.");
            services.dialogs().showError("Not saved", target.get() + " exists already; nothing was written. Choose"
                    + " another name, or Overwrite.");
            return CompletableFuture.completedFuture(false);
        });
    }

    private CompletableFuture<Boolean> notSaved() {
        status.set("Not saved: the file changed on disk.");
        return CompletableFuture.completedFuture(false);
    }

    private CompletableFuture<Boolean> saved(CourseFileStore.Saved saved, EditHistory.SavePoint point) {
        stamp = saved.stamp();
        history.markSaved(point);
        return afterSave().thenApply(v -> {
            status.set("Saved " + shown(file) + ".");
            onSaved.run();
            return true;
        });
    }

    /**
     * Reads the file again in the background, dropping the edits (and their history); completes on the UI executor,
     * with false when the file could not be read (the user is told).
     */
    public CompletableFuture<Boolean> reloadFromDisk() {
        Path target = file;
        return inBackground(() -> store.read(target)).thenApply(read -> {
            try {
                replaceDocument(read.document());
            } catch (DocumentSyntaxException e) {
                throw new CompletionException(e);
            }
            stamp = read.stamp();
            history.clear();
            status.set("Reloaded " + shown(file) + " from disk.");
            changed();
            return true;
        }).exceptionally(e -> {
            Throwable cause = unwrap(e);
            LOG.warn("reloading {} failed", target, cause);
            services.dialogs().showError("Not reloaded", target.getFileName() + " could not be read again: "
                    + Messages.reason(cause));
            return false;
        });
    }

    /**
     * Asks about unsaved changes before the editor closes (Save / Discard / Cancel). Completes with true when it may
     * close: nothing was unsaved, the changes were saved, or the user chose to discard them.
     */
    public CompletableFuture<Boolean> confirmClose() {
        if (!history.dirtyProperty().get()) {
            return CompletableFuture.completedFuture(true);
        }
        Optional<String> choice = services.dialogs().choose("Unsaved changes",
                shown(file) + " has changes that are not saved. Save them before closing?", SAVE_DISCARD_CANCEL);
        if (choice.isEmpty() || choice.get().equals(SAVE_DISCARD_CANCEL.get(2))) {
            return CompletableFuture.completedFuture(false);
        }
        if (choice.get().equals(SAVE_DISCARD_CANCEL.get(1))) {
            return CompletableFuture.completedFuture(true);
        }
        return save();
    }

    /**
     * Runs {@code work} on the background executor; the future completes on the UI executor, with its result or
     * its failure.
     */
    protected <T> CompletableFuture<T> inBackground(Background.Task<T> work) {
        return inBackground(services, work);
    }

    /** As {@link #inBackground(Background.Task)}, for work before an editor exists (reading the file to edit). */
    protected static <T> CompletableFuture<T> inBackground(DrillServices services, Background.Task<T> work) {
        return services.tasks().future(work);
    }

    /** The failure itself, not the wrapper a chain of futures puts around it. */
    protected static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
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

    /** Asks what must be asked before a save (on the UI executor); false cancels the save. */
    protected CompletableFuture<Boolean> beforeSave() {
        return CompletableFuture.completedFuture(true);
    }

    /** After a successful save, on the UI executor; the save is done when this is. */
    protected CompletableFuture<Void> afterSave() {
        return CompletableFuture.completedFuture(null);
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
