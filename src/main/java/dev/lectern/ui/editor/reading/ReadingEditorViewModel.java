package dev.lectern.ui.editor.reading;

import dev.lectern.course.ReadingKind;
import dev.lectern.course.Session;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.edit.CourseFileStore;
import dev.lectern.course.edit.DocumentSyntaxException;
import dev.lectern.course.edit.ReadingDocument;
import dev.lectern.render.Theme;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.editor.EditHistory;
import dev.lectern.ui.editor.Editor;
import dev.lectern.ui.editor.FormText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading editor: the front matter as a form, the abstract, the slide excerpts (each with a title, page, text
 * and image; "Add image…" copies a picture into {@code images/<reading-id>/} in the course folder) and the notes,
 * with a preview. Every edit can be undone: an edit keeps the document's bytes before and after it, so undo gives
 * back exactly the file it had.
 *
 * <p>Form texts: authors one per line; tags and question sets separated by commas.
 */
public final class ReadingEditorViewModel extends Editor {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingEditorViewModel.class);
    static final List<String> IMAGE_TYPES = List.of("png", "jpg", "jpeg", "gif", "svg", "webp");
    /** Opens readings for editing. */
    public static final Opener<ReadingDocument, ReadingEditorViewModel> OPENER =
            new Opener<>(CourseFileStore::readReading, ReadingEditorViewModel::new);

    /** A front-matter or body field as text. */
    public enum Field {
        TITLE("Title"), SHORT_TITLE("Short title"), AUTHORS("Authors"), YEAR("Year"), VENUE("Venue"), WEEK("Week"),
        SESSION("Session number"), SESSION_LABEL("Session label"), TAGS("Tags"), QUESTION_SETS("Question sets"),
        ARXIV("arXiv"), PDF("PDF"), CODE("Code"), PROJECT("Project"), ABSTRACT("Abstract"), NOTES("Notes");

        final String label;

        Field(String label) {
            this.label = label;
        }
    }

    /** A field of the selected slide excerpt. */
    public enum SlideField {
        TITLE, PAGE, TEXT, IMAGE
    }

    private ReadingDocument document;
    private final Map<Field, StringProperty> fields;
    private final ObjectProperty<ReadingKind> kind = new SimpleObjectProperty<>();
    private final ObservableList<SlideExcerpt> slides = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper selectedSlide = new ReadOnlyIntegerWrapper(-1);
    private final Map<SlideField, StringProperty> slideFields;
    private boolean filling;

    ReadingEditorViewModel(DrillServices services, CourseFileStore store, Path file,
            CourseFileStore.Loaded<ReadingDocument> loaded, ObservableValue<Theme> theme, Runnable onSaved) {
        super(services, store, file, loaded.stamp(), theme, onSaved);
        this.document = loaded.document();
        this.fields = textFields(Field.class, (f, old, now) -> {
            if (!filling) {
                edit("typing in " + f.label, f, () -> write(f, now));
            }
        });
        this.slideFields = textFields(SlideField.class, (f, old, now) -> {
            int index = selectedSlide.get();
            if (!filling && index >= 0) {
                edit("slide " + f.name().toLowerCase(Locale.ROOT), List.of(f, index),
                        () -> replaceSlide(index, withField(slides.get(index), f, now)));
            }
        });
        kind.addListener((obs, old, now) -> {
            if (!filling) {
                edit("kind", null, () -> document.setKind(now));
            }
        });
        selectedSlide.addListener((obs, old, now) -> fillSlide());
        fill();
        changed();
    }


    // ---- state ----

    public StringProperty field(Field f) {
        return fields.get(f);
    }

    /** Null: not written (the loader takes paper). */
    public ObjectProperty<ReadingKind> kindProperty() {
        return kind;
    }

    public ObservableList<SlideExcerpt> slides() {
        return slides;
    }

    public ReadOnlyIntegerProperty selectedSlideProperty() {
        return selectedSlide.getReadOnlyProperty();
    }

    public void selectSlide(int index) {
        select(selectedSlide, slides, index);
    }

    public StringProperty slideField(SlideField f) {
        return slideFields.get(f);
    }

    ReadingDocument document() {
        return document;
    }

    /** "Slide 3 · p. 12" for the list. */
    public static String label(SlideExcerpt s) {
        String title = s.title().isBlank() ? "(untitled slide)" : s.title();
        return title + (s.page().isPresent() ? " · p. " + s.page().getAsInt() : "")
                + (s.image().isPresent() ? " · image" : "");
    }

    // ---- slides ----

    public void addSlide() {
        int index = selectedSlide.get() < 0 ? slides.size() : selectedSlide.get() + 1;
        edit("add slide excerpt", null, () -> {
            List<SlideExcerpt> list = new ArrayList<>(document.slides());
            list.add(index, new SlideExcerpt("Slide " + (list.size() + 1), "", Optional.empty(), OptionalInt.empty()));
            document.setSlides(list);
        });
        selectSlide(index);
    }

    public void removeSlide() {
        int index = selectedSlide.get();
        if (index < 0) {
            return;
        }
        edit("delete slide excerpt", null, () -> {
            List<SlideExcerpt> list = new ArrayList<>(document.slides());
            list.remove(index);
            document.setSlides(list);
        });
        selectSlide(Math.min(index, slides.size() - 1));
    }

    public void moveSlide(int from, int to) {
        if (from == to || from < 0 || to < 0 || from >= slides.size() || to >= slides.size()) {
            return;
        }
        edit("move slide excerpt", null, () -> {
            List<SlideExcerpt> list = new ArrayList<>(document.slides());
            list.add(to, list.remove(from));
            document.setSlides(list);
        });
        selectSlide(to);
    }

    /**
     * Asks for a picture, copies it into {@code images/<reading-id>/} in the course folder (a file already there with
     * other bytes is not overwritten: the copy gets a new name) and sets it as the selected slide excerpt's image (a
     * new excerpt when none is selected). The file is copied in the background; completes on the UI executor.
     */
    public CompletableFuture<Void> addImage() {
        Optional<Path> chosen = services.dialogs().chooseOpenFile("Add Image", IMAGE_TYPES);
        if (chosen.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Path dir = store.courseDir().resolve("images").resolve(document.id().isBlank() ? "reading" : document.id());
        return inBackground(() -> copyIntoCourse(chosen.get(), dir)).handle((copied, failure) -> {
            if (failure != null) {
                LOG.warn("copying {} into the course failed", chosen.get(), unwrap(failure));
                services.dialogs().showError("Image not added", chosen.get().getFileName() + " could not be copied"
                        + " into the course folder: " + Messages.reason(unwrap(failure)));
                return null;
            }
            if (selectedSlide.get() < 0) {
                addSlide();
            }
            String reference = file().getParent().relativize(copied).toString().replace('\\', '/');
            history.endBurst();
            slideFields.get(SlideField.IMAGE).set(reference);
            history.endBurst();
            return null;
        });
    }

    private static Path copyIntoCourse(Path source, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = source.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "-");
        byte[] bytes = Files.readAllBytes(source);
        Path target = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target) && !Arrays.equals(Files.readAllBytes(target), bytes); n++) {
            target = dir.resolve(stem + "-" + n + extension);
        }
        if (!Files.exists(target)) {
            Files.write(target, bytes);
        }
        return target;
    }

    // ---- edits ----

    /** Does {@code change} to the document as one undoable edit that remembers the bytes before and after. */
    private void edit(String label, Object burst, Runnable change) {
        byte[] before = document.toBytes();
        change.run();
        byte[] after = document.toBytes();
        syncSlides();
        renderPreview();
        done(EditHistory.edit(label, () -> restore(before), () -> restore(after)), burst);
    }

    private void restore(byte[] bytes) {
        try {
            int slide = selectedSlide.get();
            document = ReadingDocument.parse(file(), bytes);
            fill();
            selectSlide(Math.min(slide, slides.size() - 1));
        } catch (DocumentSyntaxException e) {
            throw new IllegalStateException("the reading's own bytes could not be read again", e);
        }
    }

    private void write(Field f, String text) {
        switch (f) {
            case TITLE -> document.setTitle(text.strip());
            case SHORT_TITLE -> document.setShortTitle(text.strip());
            case AUTHORS -> document.setAuthors(FormText.lines(text));
            case YEAR -> document.setYear(number(text));
            case VENUE -> document.setVenue(text.strip());
            case WEEK -> number(text).ifPresent(document::setWeek);
            case SESSION, SESSION_LABEL -> {
                OptionalInt n = number(fields.get(Field.SESSION).get());
                document.setSession(n.isPresent()
                        ? Optional.of(new Session(n.getAsInt(), fields.get(Field.SESSION_LABEL).get().strip()))
                        : Optional.empty());
            }
            case TAGS -> document.setTags(FormText.commaSeparated(text));
            case QUESTION_SETS -> document.setQuestionSets(FormText.commaSeparated(text));
            case ARXIV, PDF, CODE, PROJECT -> {
                Map<String, String> links = new LinkedHashMap<>(document.links());
                links.put(f.name().toLowerCase(Locale.ROOT), text.strip());
                document.setLinks(links);
            }
            case ABSTRACT -> document.setAbstract(text);
            case NOTES -> document.setNotes(text);
        }
    }

    private static OptionalInt number(String text) {
        String s = text == null ? "" : text.strip();
        return s.matches("\\d{1,9}") ? OptionalInt.of(Integer.parseInt(s)) : OptionalInt.empty();
    }

    private void replaceSlide(int index, SlideExcerpt slide) {
        List<SlideExcerpt> list = new ArrayList<>(document.slides());
        list.set(index, slide);
        document.setSlides(list);
    }

    private static SlideExcerpt withField(SlideExcerpt s, SlideField f, String text) {
        return switch (f) {
            case TITLE -> new SlideExcerpt(text, s.markdown(), s.image(), s.page());
            case PAGE -> new SlideExcerpt(s.title(), s.markdown(), s.image(), number(text));
            case TEXT -> new SlideExcerpt(s.title(), text, s.image(), s.page());
            case IMAGE -> new SlideExcerpt(s.title(), s.markdown(),
                    text.isBlank() ? Optional.empty() : Optional.of(text.strip()), s.page());
        };
    }

    private void syncSlides() {
        List<SlideExcerpt> now = document.slides();
        if (!now.equals(slides)) {
            int keep = selectedSlide.get();
            filling = true;
            try {
                if (now.size() == slides.size()) {
                    for (int i = 0; i < now.size(); i++) {
                        if (!now.get(i).equals(slides.get(i))) {
                            slides.set(i, now.get(i)); // one item changes: the list keeps its selection
                        }
                    }
                } else {
                    slides.setAll(now);
                }
            } finally {
                filling = false;
            }
            if (keep >= slides.size()) {
                selectedSlide.set(slides.size() - 1);
            }
        }
    }

    private void fill() {
        filling = true;
        try {
            fields.get(Field.TITLE).set(document.title());
            fields.get(Field.SHORT_TITLE).set(document.shortTitle().orElse(""));
            fields.get(Field.AUTHORS).set(String.join("\n", document.authors()));
            fields.get(Field.YEAR).set(document.year().isPresent() ? Integer.toString(document.year().getAsInt()) : "");
            fields.get(Field.VENUE).set(document.venue().orElse(""));
            fields.get(Field.WEEK).set(document.week().isPresent() ? Integer.toString(document.week().getAsInt()) : "");
            fields.get(Field.SESSION).set(document.session().map(s -> Integer.toString(s.number())).orElse(""));
            fields.get(Field.SESSION_LABEL).set(document.session().map(Session::label).orElse(""));
            fields.get(Field.TAGS).set(String.join(", ", document.tags()));
            fields.get(Field.QUESTION_SETS).set(String.join(", ", document.questionSets()));
            Map<String, String> links = document.links();
            for (Field f : List.of(Field.ARXIV, Field.PDF, Field.CODE, Field.PROJECT)) {
                fields.get(f).set(links.getOrDefault(f.name().toLowerCase(Locale.ROOT), ""));
            }
            fields.get(Field.ABSTRACT).set(document.abstractMarkdown());
            fields.get(Field.NOTES).set(document.notes());
            kind.set(document.kind().orElse(null));
            slides.setAll(document.slides());
        } finally {
            filling = false;
        }
        setName("Edit: " + (document.title().isBlank() ? file().getFileName().toString() : document.title()));
        selectedSlide.set(-1);
        selectedSlide.set(slides.isEmpty() ? -1 : 0);
        renderPreview();
    }

    private void fillSlide() {
        int index = selectedSlide.get();
        SlideExcerpt s = index >= 0 && index < slides.size() ? slides.get(index) : null;
        filling = true;
        try {
            slideFields.get(SlideField.TITLE).set(s == null ? "" : s.title());
            slideFields.get(SlideField.PAGE).set(s == null || s.page().isEmpty() ? "" : Integer.toString(s.page().getAsInt()));
            slideFields.get(SlideField.TEXT).set(s == null ? "" : s.markdown());
            slideFields.get(SlideField.IMAGE).set(s == null ? "" : s.image().orElse(""));
        } finally {
            filling = false;
        }
        renderPreview();
    }

    @Override
    protected String previewMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Abstract\n\n").append(fields.get(Field.ABSTRACT).get()).append("\n\n");
        int index = selectedSlide.get();
        if (index >= 0 && index < slides.size()) {
            SlideExcerpt s = slides.get(index);
            md.append("## ").append(s.title().isBlank() ? "Slide" : s.title()).append("\n\n");
            s.image().ifPresent(img -> md.append("![").append(s.title()).append("](").append(img).append(")\n\n"));
            md.append(s.markdown()).append("\n\n");
        }
        md.append("## Notes\n\n").append(fields.get(Field.NOTES).get()).append('\n');
        return md.toString();
    }

    // ---- saving ----

    @Override
    protected byte[] bytes() {
        return document.toBytes();
    }

    @Override
    protected void replaceDocument(byte[] bytes) throws DocumentSyntaxException {
        document = ReadingDocument.parse(file(), bytes);
        fill();
    }

    @Override
    protected CompletableFuture<Void> afterSave() {
        setName("Edit: " + (document.title().isBlank() ? file().getFileName().toString() : document.title()));
        return CompletableFuture.completedFuture(null);
    }
}
