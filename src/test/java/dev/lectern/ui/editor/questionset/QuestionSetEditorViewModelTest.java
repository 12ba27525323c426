package dev.lectern.ui.editor.questionset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.course.Difficulty;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.edit.QuestionSetDocument.EditableQuestion;
import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.render.Theme;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.ui.DrillFixture;
import dev.lectern.ui.TestCourses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The question-set editor without a window: list edits, undo/redo, validation, try an answer, saving. */
class QuestionSetEditorViewModelTest {

    static GradingService grading;

    @TempDir
    Path dir;

    DrillFixture fx;
    Path course;
    Path file;
    AtomicInteger saves = new AtomicInteger();
    QuestionSetEditorViewModel editor;

    @BeforeAll
    static void startGrader() {
        grading = GradingService.of(DrillFixture::grade);
    }

    @AfterAll
    static void stopGrader() {
        grading.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        fx = new DrillFixture(dir);
        course = TestCourses.copyOfBundledCourse(dir.resolve("course"));
        file = course.resolve("questions/llava.json");
        editor = QuestionSetEditorViewModel.OPENER.open(fx.services(grading), course, file,
                new SimpleObjectProperty<>(Theme.LIGHT), saves::incrementAndGet);
    }

    private List<String> ids() {
        return editor.questions().stream().map(EditableQuestion::id).toList();
    }

    private JsonNode onDisk() throws Exception {
        return new ObjectMapper().readTree(Files.readAllBytes(file));
    }

    @Test
    void theEditorOpensOnTheFirstQuestionWithItsFieldsInTheForm() {
        assertThat(editor.questions()).hasSize(11);
        assertThat(editor.selectedIndexProperty().get()).isZero();
        assertThat(editor.idProperty().get()).isEqualTo("instruction-data-source");
        assertThat(editor.promptProperty().get()).isNotBlank();
        assertThat(editor.editableProperty().get()).isTrue();
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.titleProperty().get()).doesNotStartWith("•");
    }

    @Test
    void addPutsTheNewQuestionAtTheEndAndInsertPutsItAfterTheSelectedOne() {
        editor.select(2);
        editor.addQuestion();
        assertThat(editor.selectedIndexProperty().get()).isEqualTo(11);
        assertThat(editor.questions().get(11).id()).isEqualTo("q12");

        editor.select(2);
        editor.insertQuestion();
        assertThat(editor.selectedIndexProperty().get()).isEqualTo(3);
        assertThat(editor.questions().get(3).id()).isEqualTo("q13");
        assertThat(editor.questions()).hasSize(13);
    }

    @Test
    void addingAQuestionSelectsItAndUndoTakesItAwayAndRedoBringsItBack() {
        editor.select(10);
        editor.addQuestion();

        assertThat(editor.questions()).hasSize(12);
        assertThat(editor.selectedIndexProperty().get()).isEqualTo(11);
        assertThat(editor.idProperty().get()).isEqualTo("q12");
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.titleProperty().get()).startsWith("• ");

        editor.undo();
        assertThat(editor.questions()).hasSize(11);
        assertThat(editor.dirtyProperty().get()).isFalse();

        editor.redo();
        assertThat(ids()).last().isEqualTo("q12");
    }

    @Test
    void duplicatingCopiesTheQuestionRightAfterItWithANewId() {
        editor.select(1);
        editor.duplicateQuestion();

        assertThat(ids().get(2)).isEqualTo(ids().get(1) + "-copy");
        assertThat(editor.selectedIndexProperty().get()).isEqualTo(2);
        assertThat(editor.promptProperty().get()).isEqualTo(editor.questions().get(1).prompt());
        editor.undo();
        assertThat(editor.questions()).hasSize(11);
    }

    @Test
    void deletingAQuestionCanBeUndoneInItsPlace() {
        List<String> before = ids();
        editor.select(3);
        editor.deleteQuestion();

        assertThat(ids()).doesNotContain(before.get(3)).hasSize(10);
        editor.undo();
        assertThat(ids()).isEqualTo(before);
        assertThat(editor.selectedIndexProperty().get()).isEqualTo(3);
        editor.redo();
        assertThat(ids()).doesNotContain(before.get(3));
    }

    @Test
    void questionsMoveByDragAndByKeyboardAndMovesAreUndone() {
        List<String> before = ids();
        editor.select(0);
        editor.moveDown();
        assertThat(ids().subList(0, 2)).containsExactly(before.get(1), before.get(0));
        assertThat(editor.selectedIndexProperty().get()).isEqualTo(1);

        editor.moveQuestion(1, 5);
        assertThat(ids().get(5)).isEqualTo(before.get(0));

        editor.moveUp();
        assertThat(ids().get(4)).isEqualTo(before.get(0));

        editor.undo();
        editor.undo();
        editor.undo();
        assertThat(ids()).isEqualTo(before);
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void typingInAFieldIsUndoneAsOneBurstAndAnotherFieldStartsANewOne() {
        String prompt = editor.promptProperty().get();
        editor.promptProperty().set(prompt + " W");
        editor.promptProperty().set(prompt + " Wh");
        editor.promptProperty().set(prompt + " Why?");
        editor.tagsProperty().set("a, b");

        editor.undo();
        assertThat(editor.tagsProperty().get()).isNotEqualTo("a, b");
        assertThat(editor.promptProperty().get()).isEqualTo(prompt + " Why?");
        editor.undo();
        assertThat(editor.promptProperty().get()).isEqualTo(prompt);
        assertThat(editor.document().question(0).prompt()).isEqualTo(prompt);
        editor.redo();
        assertThat(editor.document().question(0).prompt()).isEqualTo(prompt + " Why?");
    }

    @Test
    void aBurstEndsWhenTheFieldLosesTheFocus() {
        String prompt = editor.promptProperty().get();
        editor.promptProperty().set(prompt + " one");
        editor.endTyping();
        editor.promptProperty().set(prompt + " one two");

        editor.undo();
        assertThat(editor.promptProperty().get()).isEqualTo(prompt + " one");
    }

    @Test
    void undoingAnEditOfAnotherQuestionSelectsItAgain() {
        editor.select(2);
        editor.promptProperty().set("Changed?");
        editor.select(5);

        editor.undo();
        assertThat(editor.selectedIndexProperty().get()).isEqualTo(2);
        assertThat(editor.promptProperty().get()).isNotEqualTo("Changed?");
    }

    @Test
    void keyPointsAlternativesTagsAndDifficultyGoIntoTheDocument() {
        editor.keyPointsProperty().set("uses GPT-4 | GPT-4 | a language-only GPT\n\nvisual instruction data\n");
        editor.alternativeAnswersProperty().set("First.\n  \nSecond.");
        editor.tagsProperty().set("data, gpt-4 ,");
        editor.difficultyProperty().set(Difficulty.HARD);

        EditableQuestion q = editor.document().question(0);
        assertThat(q.keyPoints()).containsExactly(new KeyPoint("uses GPT-4", List.of("GPT-4", "a language-only GPT")),
                new KeyPoint("visual instruction data", List.of()));
        assertThat(q.alternativeAnswers()).containsExactly("First.", "Second.");
        assertThat(q.tags()).containsExactly("data", "gpt-4");
        assertThat(q.difficulty()).contains(Difficulty.HARD);

        editor.undo();
        assertThat(q.difficulty()).isNotEqualTo(java.util.Optional.of(Difficulty.HARD));
        assertThat(editor.difficultyProperty().get()).isNotEqualTo(Difficulty.HARD);
    }

    @Test
    void validationShowsTheLoadersOwnMessagesAsYouType() {
        fx.ui.runUntil(editor::validated);
        assertThat(editor.problems()).isEmpty();

        editor.referenceAnswerProperty().set("");
        fx.ui.runUntil(() -> editor.validated() && !editor.problems().isEmpty());

        assertThat(editor.problems()).singleElement().asString()
                .startsWith("questions/llava.json:").contains("error:").contains("referenceAnswer");

        editor.undo();
        fx.ui.runUntil(() -> editor.validated() && editor.problems().isEmpty());
    }

    @Test
    void aDuplicatedIdIsReportedAsTheLoaderReportsIt() {
        editor.select(1);
        editor.idProperty().set(editor.questions().get(0).id());
        fx.ui.runUntil(() -> editor.validated() && !editor.problems().isEmpty());
        assertThat(editor.problems()).anySatisfy(p -> assertThat(p).contains(editor.questions().get(0).id()));
    }

    @Test
    void tryingAnAnswerGradesItAgainstTheQuestionAsEditedNotAsSaved() {
        editor.referenceAnswerProperty().set("A brand new answer.");
        editor.keyPointsProperty().set("new point");
        editor.sampleAnswerProperty().set("A brand new answer.");

        editor.tryAnswer();
        fx.ui.runUntil(() -> editor.trialProperty().get() != null && editor.trialProperty().get().grade().isPresent());

        QuestionSetEditorViewModel.Trial trial = editor.trialProperty().get();
        assertThat(trial.grade().get().verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(trial.grade().get().keyPoints()).singleElement()
                .satisfies(k -> assertThat(k.keyPoint().text()).isEqualTo("new point"));
        assertThat(trial.message()).isEqualTo("100 / 100 · correct");

        editor.sampleAnswerProperty().set("Something else entirely.");
        editor.tryAnswer();
        fx.ui.runUntil(() -> editor.trialProperty().get().grade().isPresent()
                && editor.trialProperty().get().answer().startsWith("Something"));
        assertThat(editor.trialProperty().get().grade().get().verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(editor.trialProperty().get().grade().get().keyPoints()).noneMatch(k -> k.covered());
    }

    @Test
    void theReferenceAnswerIsPreviewedAsRenderedMarkdown() {
        editor.referenceAnswerProperty().set("It is **bold**.");
        fx.ui.runUntil(() -> editor.previewHtmlProperty().get().contains("<strong>bold</strong>"));
    }

    @Test
    void savingWritesTheFileMarksItCleanAndReloadsTheCourse() throws Exception {
        editor.select(10);
        editor.addQuestion();
        editor.promptProperty().set("What is new?");
        editor.referenceAnswerProperty().set("This question.");

        assertThat(settle(editor.save())).isTrue();

        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(saves).hasValue(1);
        JsonNode questions = onDisk().get("questions");
        assertThat(questions).hasSize(12);
        assertThat(questions.get(11).get("prompt").asText()).isEqualTo("What is new?");
        assertThat(editor.statusProperty().get()).isEqualTo("Saved questions/llava.json.");

        editor.undo();
        assertThat(editor.dirtyProperty().get()).isTrue();
        editor.redo();
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void closingWithUnsavedChangesAsksSaveDiscardOrCancel() throws Exception {
        byte[] original = Files.readAllBytes(file);
        assertThat(settle(editor.confirmClose())).as("nothing to ask").isTrue();
        assertThat(fx.dialogs.shown).isEmpty();

        editor.addQuestion();
        assertThat(settle(editor.confirmClose())).as("dismissed: stays open").isFalse();
        assertThat(fx.dialogs.shown).singleElement().asString().startsWith("choose: Unsaved changes: ")
                .endsWith("[Save, Discard, Cancel]");

        fx.dialogs.choices.add("Cancel");
        assertThat(settle(editor.confirmClose())).isFalse();
        fx.dialogs.choices.add("Discard");
        assertThat(settle(editor.confirmClose())).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);

        fx.dialogs.choices.add("Save");
        assertThat(settle(editor.confirmClose())).isTrue();
        assertThat(onDisk().get("questions")).hasSize(12);
    }

    @Test
    void aFileChangedOnDiskIsNeverOverwrittenWithoutAsking() throws Exception {
        String theirs = Files.readString(file).replace("\"title\"", "\"title\" ").replace("LLaVA", "LLaVA (theirs)");
        Files.writeString(file, theirs);
        editor.addQuestion();

        assertThat(settle(editor.save())).as("dismissed").isFalse();
        assertThat(fx.dialogs.shown).last().asString()
                .contains("The file changed on disk since you opened it").endsWith("[Reload, Overwrite, Save As…, Cancel]");
        assertThat(Files.readString(file)).isEqualTo(theirs);
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void reloadDropsTheEditsAndShowsTheFileAsItIsOnDisk() throws Exception {
        String theirs = Files.readString(file).replace("\"instruction-data-source\"", "\"their-id\"");
        Files.writeString(file, theirs);
        editor.addQuestion();
        fx.dialogs.choices.add("Reload");

        assertThat(settle(editor.save())).isFalse();

        assertThat(Files.readString(file)).isEqualTo(theirs);
        assertThat(editor.questions()).hasSize(11);
        assertThat(editor.idProperty().get()).isEqualTo("their-id");
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.canUndoProperty().get()).isFalse();
        // The next save is against the reloaded file: no conflict.
        editor.addQuestion();
        assertThat(settle(editor.save())).isTrue();
    }

    @Test
    void overwriteReplacesTheChangedFileAndKeepsItAsABackup() throws Exception {
        Files.writeString(file, Files.readString(file).replace("LLaVA", "LLaVA (theirs)"));
        editor.addQuestion();
        fx.dialogs.choices.add("Overwrite");

        assertThat(settle(editor.save())).isTrue();

        assertThat(onDisk().get("questions")).hasSize(12);
        try (var backups = Files.list(course.resolve(".lectern/backups/questions"))) {
            assertThat(backups.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("llava.json."));
        }
    }

    @Test
    void saveAsWritesTheEditsToAnotherFileAndGoesOnEditingThatOne() throws Exception {
        String theirs = Files.readString(file).replace("LLaVA", "LLaVA (theirs)");
        Files.writeString(file, theirs);
        editor.addQuestion();
        Path other = course.resolve("questions/llava-mine.json");
        fx.dialogs.choices.add("Save As…");
        fx.dialogs.nextSaveFile = java.util.Optional.of(other);

        assertThat(settle(editor.save())).isTrue();

        assertThat(Files.readString(file)).isEqualTo(theirs);
        assertThat(new ObjectMapper().readTree(other.toFile()).get("questions")).hasSize(12);
        assertThat(editor.file()).isEqualTo(other);
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void renamingAQuestionIdWithHistoryAsksToCarryItOverAndRecordsTheRename() throws Exception {
        CardKey old = new CardKey("llava", "instruction-data-source");
        fx.progress.states.put(old, CardState.NEW);
        editor.idProperty().set("data-source");
        fx.dialogs.choices.add("Carry It Over");

        assertThat(settle(editor.save())).isTrue();

        assertThat(fx.dialogs.shown).singleElement().asString()
                .contains("Carry the review history of instruction-data-source over to data-source?");
        assertThat(fx.progress.events).containsExactly("rename llava/instruction-data-source llava/data-source");
        assertThat(onDisk().get("questions").get(0).get("id").asText()).isEqualTo("data-source");

        // Saved again without another rename: nothing more is asked or recorded.
        editor.promptProperty().set("Where does the data come from?");
        assertThat(settle(editor.save())).isTrue();
        assertThat(fx.progress.events).hasSize(1);
    }

    @Test
    void startingAfreshSavesWithoutARenameAndCancelSavesNothing() throws Exception {
        fx.progress.states.put(new CardKey("llava", "instruction-data-source"), CardState.NEW);
        byte[] original = Files.readAllBytes(file);
        editor.idProperty().set("data-source");

        fx.dialogs.choices.add("Cancel");
        assertThat(settle(editor.save())).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);

        fx.dialogs.choices.add("Start Afresh");
        assertThat(settle(editor.save())).isTrue();
        assertThat(fx.progress.events).isEmpty();
    }

    @Test
    void renamingAQuestionWithoutHistoryAsksNothing() {
        editor.idProperty().set("data-source");
        assertThat(settle(editor.save())).isTrue();
        assertThat(fx.dialogs.shown).isEmpty();
    }

    /** Runs the UI queue until the work is done, and gives its result. */
    private <T> T settle(CompletableFuture<T> work) {
        fx.ui.runUntil(work::isDone);
        return work.join();
    }
}
