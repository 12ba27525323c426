package dev.lectern.ui.editor.questionset;

import dev.lectern.course.Difficulty;
import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.edit.CourseFileStore;
import dev.lectern.course.edit.DocumentSyntaxException;
import dev.lectern.course.edit.QuestionSetDocument;
import dev.lectern.course.edit.QuestionSetDocument.EditableQuestion;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.render.Theme;
import dev.lectern.scheduling.CardKey;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.editor.EditHistory;
import dev.lectern.ui.editor.Editor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question-set editor: the list of questions (add, duplicate, delete, reorder) and a form for the selected one
 * (prompt, reference answer with a live preview, alternative answers, key points with their accepted phrasings,
 * tags, difficulty), the set's title, validation as you type, and "Try an answer" with the real grader against the
 * question as edited. Every edit can be undone; saving asks before carrying a renamed question's review history over.
 *
 * <p>Form texts: alternative answers one per line; key points one per line, accepted phrasings after {@code |}
 * ("Uses GPT-4 | GPT-4 | a language-only GPT"); tags separated by commas.
 */
public final class QuestionSetEditorViewModel extends Editor {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionSetEditorViewModel.class);
    static final List<String> CARRY_OVER = List.of("Carry It Over", "Start Afresh", "Cancel");
    /** Opens question sets for editing. */
    public static final Opener<QuestionSetDocument, QuestionSetEditorViewModel> OPENER =
            new Opener<>(CourseFileStore::readQuestionSet, QuestionSetEditorViewModel::new);

    /** What "Try an answer" gave: the grade, or why there is none. */
    public record Trial(String answer, Optional<Grade> grade, String message) {
    }

    private record Burst(EditableQuestion question, QuestionField field) {
    }

    private QuestionSetDocument document;
    private final ObservableList<EditableQuestion> questions = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final Map<QuestionField, StringProperty> fields;
    private final ObjectProperty<Difficulty> difficulty = new SimpleObjectProperty<>();
    private final StringProperty setTitle = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private final StringProperty sampleAnswer = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Trial> trial = new ReadOnlyObjectWrapper<>();
    private final AtomicLong trialGeneration = new AtomicLong();
    private final ObservableList<JudgedExample> examples = FXCollections.observableArrayList();
    private final ObjectProperty<ExampleVerdict> exampleVerdict = new SimpleObjectProperty<>(ExampleVerdict.CORRECT);
    /** The id each question had when the file was read or last saved, to notice renames. */
    private final Map<EditableQuestion, String> savedIds = new IdentityHashMap<>();
    private String savedSetId;
    private final List<CardKey[]> renamesToRecord = new ArrayList<>();
    /** True while the form is filled from the document, so those changes are not taken for edits. */
    private boolean filling;

    QuestionSetEditorViewModel(DrillServices services, CourseFileStore store, Path file,
            CourseFileStore.Loaded<QuestionSetDocument> loaded, ObservableValue<Theme> theme, Runnable onSaved) {
        super(services, store, file, loaded.stamp(), theme, onSaved);
        this.document = loaded.document();
        this.fields = textFields(QuestionField.class, this::fieldEdited);
        difficulty.addListener((obs, old, now) -> difficultyEdited(old, now));
        setTitle.addListener((obs, old, now) -> titleEdited(old, now));
        fields.get(QuestionField.REFERENCE).addListener((obs, old, now) -> renderPreview());
        selected.addListener((obs, old, now) -> fillForm());
        documentLoaded();
    }


    private void documentLoaded() {
        savedIds.clear();
        document.questions().forEach(q -> savedIds.put(q, q.id()));
        savedSetId = document.id();
        setName("Edit: " + (document.title().isBlank() ? file().getFileName().toString() : document.title()));
        filling = true;
        try {
            setTitle.set(document.title());
        } finally {
            filling = false;
        }
        questions.setAll(document.questions());
        selected.set(-1);
        selected.set(questions.isEmpty() ? -1 : 0);
        fillForm();
        changed();
    }

    // ---- state for the view ----

    /** The questions in drill order; the view shows {@link #label}. */
    public ObservableList<EditableQuestion> questions() {
        return questions;
    }

    /** "q3 — What does the projector do?" */
    public static String label(EditableQuestion q) {
        String prompt = q.prompt().strip().replaceAll("\\s+", " ");
        if (prompt.length() > 80) {
            prompt = prompt.substring(0, 79) + "…";
        }
        String id = q.isEditable() ? (q.id().isBlank() ? "(no id)" : q.id()) : "(not a question object)";
        return prompt.isEmpty() ? id : id + " — " + prompt;
    }

    /** The index of the question in the form; -1 when there is none. */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(int index) {
        select(selected, questions, index);
    }

    public StringProperty idProperty() {
        return fields.get(QuestionField.ID);
    }

    public StringProperty promptProperty() {
        return fields.get(QuestionField.PROMPT);
    }

    /** Markdown. */
    public StringProperty referenceAnswerProperty() {
        return fields.get(QuestionField.REFERENCE);
    }

    /** One per line. */
    public StringProperty alternativeAnswersProperty() {
        return fields.get(QuestionField.ALTERNATIVES);
    }

    /** One per line, accepted phrasings after "|". */
    public StringProperty keyPointsProperty() {
        return fields.get(QuestionField.KEY_POINTS);
    }

    /** Separated by commas. */
    public StringProperty tagsProperty() {
        return fields.get(QuestionField.TAGS);
    }

    /** Null: not written (the loader takes medium). */
    public ObjectProperty<Difficulty> difficultyProperty() {
        return difficulty;
    }

    public StringProperty setTitleProperty() {
        return setTitle;
    }

    /** False when no question is selected, or the selected item is not a question object the form can edit. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public StringProperty sampleAnswerProperty() {
        return sampleAnswer;
    }

    /** The last "Try an answer"; null before the first. */
    public ReadOnlyObjectProperty<Trial> trialProperty() {
        return trial.getReadOnlyProperty();
    }

    /** The judged examples of the selected question, in the file's order (not shown to students). */
    public ObservableList<JudgedExample> examples() {
        return examples;
    }

    /** The verdict "Keep as example" gives the sample answer: the grader's, once it has graded it; the author's choice. */
    public ObjectProperty<ExampleVerdict> exampleVerdictProperty() {
        return exampleVerdict;
    }

    /** "correct · the first number (says what it is)" */
    public static String exampleLabel(JudgedExample e) {
        String answer = e.answer().strip().replaceAll("\\s+", " ");
        if (answer.length() > 100) {
            answer = answer.substring(0, 99) + "…";
        }
        return e.verdict().key() + " · " + answer + (e.note().isBlank() ? "" : " (" + e.note().strip() + ")");
    }

    /** The document as edited (tests look into it). */
    public QuestionSetDocument document() {
        return document;
    }

    // ---- list actions ----

    /** Adds a new question at the end, with an unused id, and selects it. */
    public void addQuestion() {
        addAt(questions.size());
    }

    /** Insert: a new question right after the selected one (at the end when none is), and selects it. */
    public void insertQuestion() {
        addAt(selected.get() < 0 ? questions.size() : selected.get() + 1);
    }

    private void addAt(int index) {
        Set<String> used = new HashSet<>();
        document.questions().forEach(q -> used.add(q.id()));
        int n = questions.size() + 1;
        while (used.contains("q" + n)) {
            n++;
        }
        EditableQuestion added = document.insertNew(index, "q" + n);
        done(structural("add question " + added.id(), () -> document.removeQuestion(index),
                () -> document.insert(index, added), index, Math.min(index, questions.size() - 1)), null);
    }

    /** Copies the selected question right after it, with an unused id. */
    public void duplicateQuestion() {
        int index = selected.get();
        if (index < 0) {
            return;
        }
        EditableQuestion copy = document.duplicateQuestion(index);
        done(structural("duplicate question " + questions.get(index).id(), () -> document.removeQuestion(index + 1),
                () -> document.insert(index + 1, copy), index + 1, index), null);
    }

    /** Deletes the selected question (Undo brings it back). */
    public void deleteQuestion() {
        int index = selected.get();
        if (index < 0) {
            return;
        }
        EditableQuestion removed = document.removeQuestion(index);
        int after = Math.min(index, document.questions().size() - 1);
        done(structural("delete question " + removed.id(), () -> document.insert(index, removed),
                () -> document.removeQuestion(index), after, index), null);
    }

    /** Moves the question at {@code from} to {@code to} (drag and drop). */
    public void moveQuestion(int from, int to) {
        if (from == to || from < 0 || to < 0 || from >= questions.size() || to >= questions.size()) {
            return;
        }
        document.moveQuestion(from, to);
        done(structural("move question " + questions.get(from).id(), () -> document.moveQuestion(to, from),
                () -> document.moveQuestion(from, to), to, from), null);
    }

    /** Alt+Up. */
    public void moveUp() {
        moveQuestion(selected.get(), selected.get() - 1);
    }

    /** Alt+Down. */
    public void moveDown() {
        moveQuestion(selected.get(), selected.get() + 1);
    }

    /**
     * An edit of the list, done already: shows {@code select} now and after redoing it, {@code selectUndone} after
     * undoing it.
     */
    private EditHistory.Edit structural(String label, Runnable undo, Runnable redo, int select, int selectUndone) {
        showList(select);
        return EditHistory.edit(label, () -> {
            undo.run();
            showList(selectUndone);
        }, () -> {
            redo.run();
            showList(select);
        });
    }

    private void showList(int select) {
        questions.setAll(document.questions());
        selected.set(-1);
        selected.set(select >= 0 && select < questions.size() ? select : questions.size() - 1);
    }

    // ---- form edits ----

    private void fillForm() {
        int index = selected.get();
        EditableQuestion q = index >= 0 && index < questions.size() ? questions.get(index) : null;
        boolean canEdit = q != null && q.isEditable();
        filling = true;
        try {
            for (QuestionField f : QuestionField.values()) {
                fields.get(f).set(canEdit ? f.read.apply(q) : "");
            }
            difficulty.set(canEdit ? q.difficulty().orElse(null) : null);
        } finally {
            filling = false;
        }
        examples.setAll(canEdit ? q.examples() : List.of());
        editable.set(canEdit);
        trial.set(null);
        renderPreview();
    }

    private EditableQuestion current() {
        int index = selected.get();
        return index >= 0 && index < questions.size() && questions.get(index).isEditable() ? questions.get(index) : null;
    }

    private void fieldEdited(QuestionField field, String old, String now) {
        EditableQuestion q = current();
        if (filling || q == null) {
            return;
        }
        field.write.accept(q, now);
        refreshLabel(q);
        done(EditHistory.edit("typing in " + field.label, () -> {
            field.write.accept(q, old);
            showField(q, field, old);
        }, () -> {
            field.write.accept(q, now);
            showField(q, field, now);
        }), new Burst(q, field));
    }

    /** Shows the question (selecting it) with the field's text as it was typed. */
    private void showField(EditableQuestion q, QuestionField field, String text) {
        int index = questions.indexOf(q);
        if (index != selected.get()) {
            selected.set(index);
        }
        filling = true;
        try {
            fields.get(field).set(text);
        } finally {
            filling = false;
        }
        refreshLabel(q);
    }

    private void refreshLabel(EditableQuestion q) {
        int index = questions.indexOf(q);
        if (index >= 0) {
            questions.set(index, q); // the list shows the new id or prompt
        }
    }

    private void difficultyEdited(Difficulty old, Difficulty now) {
        EditableQuestion q = current();
        if (filling || q == null) {
            return;
        }
        q.setDifficulty(now);
        history.endBurst();
        done(EditHistory.edit("difficulty", () -> setDifficulty(q, old), () -> setDifficulty(q, now)), null);
    }

    private void setDifficulty(EditableQuestion q, Difficulty value) {
        q.setDifficulty(value);
        int index = questions.indexOf(q);
        if (index != selected.get()) {
            selected.set(index);
        }
        filling = true;
        try {
            difficulty.set(value);
        } finally {
            filling = false;
        }
    }

    private void titleEdited(String old, String now) {
        if (filling) {
            return;
        }
        document.setTitle(now);
        done(EditHistory.edit("typing in Title", () -> showTitle(old), () -> showTitle(now)), "title");
    }

    private void showTitle(String text) {
        document.setTitle(text);
        filling = true;
        try {
            setTitle.set(text);
        } finally {
            filling = false;
        }
    }

    // ---- preview and try an answer ----

    @Override
    protected String previewMarkdown() {
        return fields.get(QuestionField.REFERENCE).get();
    }

    /** Grades the sample answer with the real grader against the selected question as edited (unsaved). */
    public void tryAnswer() {
        EditableQuestion q = current();
        String answer = sampleAnswer.get() == null ? "" : sampleAnswer.get();
        if (q == null) {
            return;
        }
        long generation = trialGeneration.incrementAndGet();
        // the answer tried is never its own example
        AnswerKey key = new AnswerKey(q.prompt(), q.referenceAnswer(), q.alternativeAnswers(), q.keyPoints(),
                q.examples().stream().filter(e -> !normal(e.answer()).equals(normal(answer))).toList());
        trial.set(new Trial(answer, Optional.empty(), services.grading().isReady() ? "Grading…" : "Loading the grader…"));
        services.grading().grade(key, answer).whenComplete((grade, failure) -> services.ui().execute(() -> {
            if (generation != trialGeneration.get()) {
                return;
            }
            if (failure != null) {
                LOG.warn("grading the sample answer failed", failure);
                trial.set(new Trial(answer, Optional.empty(), "The answer could not be graded: "
                        + Messages.reason(failure)));
            } else {
                trial.set(new Trial(answer, Optional.of(grade), grade.score() + " / 100 · " + grade.verdict().label()));
                ExampleVerdict.fromKey(grade.verdict().label()).ifPresent(exampleVerdict::set);
            }
        }));
    }

    // ---- judged examples ----

    /**
     * Keeps the sample answer as a judged example of the selected question, with {@link #exampleVerdictProperty()}.
     * Does nothing for an empty answer or one the question already has as an example. Undo removes it.
     *
     * @return whether it was kept
     */
    public boolean keepAsExample() {
        EditableQuestion q = current();
        String answer = sampleAnswer.get() == null ? "" : sampleAnswer.get().strip();
        ExampleVerdict verdict = exampleVerdict.get();
        if (q == null || answer.isEmpty() || verdict == null) {
            return false;
        }
        String normal = normal(answer);
        if (q.examples().stream().anyMatch(e -> normal(e.answer()).equals(normal))) {
            return false;
        }
        JudgedExample example = new JudgedExample(answer, verdict, "");
        q.addExample(example);
        int index = q.examples().size() - 1;
        history.endBurst();
        done(EditHistory.edit("keep example", () -> {
            q.removeExample(index);
            showExamples(q);
        }, () -> {
            q.addExample(example);
            showExamples(q);
        }), null);
        showExamples(q);
        return true;
    }

    /** Deletes the selected question's example at {@code index} (Undo brings it back). */
    public void deleteExample(int index) {
        EditableQuestion q = current();
        if (q == null || index < 0 || index >= q.examples().size()) {
            return;
        }
        Object[] removed = {q.removeExample(index)};
        history.endBurst();
        done(EditHistory.edit("delete example", () -> {
            q.restoreExample(removed[0]);
            showExamples(q);
        }, () -> {
            removed[0] = q.removeExample(index);
            showExamples(q);
        }), null);
        showExamples(q);
    }

    /** Shows the question (selecting it) with its examples as they are now. */
    private void showExamples(EditableQuestion q) {
        int index = questions.indexOf(q);
        if (index != selected.get()) {
            selected.set(index);
        }
        examples.setAll(q.examples());
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    // ---- saving ----

    @Override
    protected byte[] bytes() {
        return document.toBytes();
    }

    @Override
    protected void replaceDocument(byte[] bytes) throws DocumentSyntaxException {
        document = QuestionSetDocument.parse(bytes);
        documentLoaded();
    }

    /**
     * Asks, for each question whose id changed and whose old id has review history, whether to carry it over. The
     * review history is read in the background.
     */
    @Override
    protected CompletableFuture<Boolean> beforeSave() {
        renamesToRecord.clear();
        List<CardKey[]> candidates = new ArrayList<>();
        for (EditableQuestion q : document.questions()) {
            String old = savedIds.get(q);
            if (old != null && !old.isBlank() && q.isEditable() && !q.id().isBlank()
                    && (!old.equals(q.id()) || !savedSetId.equals(document.id()))) {
                candidates.add(new CardKey[] {new CardKey(savedSetId, old), new CardKey(document.id(), q.id())});
            }
        }
        if (candidates.isEmpty()) {
            return CompletableFuture.completedFuture(true);
        }
        return inBackground(() -> services.progress().cardStates().keySet()).handle((studied, failure) -> {
            if (failure != null) {
                LOG.warn("the review history could not be read to check renamed ids", unwrap(failure));
                return true;
            }
            return askAboutRenames(candidates, studied);
        });
    }

    private boolean askAboutRenames(List<CardKey[]> candidates, Set<CardKey> studied) {
        for (CardKey[] rename : candidates) {
            if (!studied.contains(rename[0])) {
                continue;
            }
            Optional<String> choice = services.dialogs().choose("Renamed question",
                    "Carry the review history of " + rename[0].questionId() + " over to " + rename[1].questionId()
                            + "? (Start Afresh keeps it under the old id, where it waits for a question with that id.)",
                    CARRY_OVER);
            if (choice.isEmpty() || choice.get().equals(CARRY_OVER.get(2))) {
                return false;
            }
            if (choice.get().equals(CARRY_OVER.get(0))) {
                renamesToRecord.add(rename);
            }
        }
        return true;
    }

    /** Carries the review history over as agreed (in the background), and takes the saved ids as the new ones. */
    @Override
    protected CompletableFuture<Void> afterSave() {
        List<CardKey[]> renames = List.copyOf(renamesToRecord);
        renamesToRecord.clear();
        savedIds.clear();
        document.questions().forEach(q -> savedIds.put(q, q.id()));
        savedSetId = document.id();
        setName("Edit: " + (document.title().isBlank() ? file().getFileName().toString() : document.title()));
        if (renames.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return inBackground(() -> {
            List<String> failed = new ArrayList<>();
            for (CardKey[] rename : renames) {
                try {
                    services.progress().renameCard(rename[0], rename[1]);
                } catch (RuntimeException e) {
                    LOG.warn("carrying {} over to {} failed", rename[0], rename[1], e);
                    failed.add("The file is saved, but the review history of " + rename[0].questionId()
                            + " could not be carried over to " + rename[1].questionId() + ": " + Messages.reason(e));
                }
            }
            return failed;
        }).thenAccept(failed -> failed.forEach(message ->
                services.dialogs().showError("Review history not carried over", message)));
    }
}
