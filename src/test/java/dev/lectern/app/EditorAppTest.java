package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.course.QuestionSet;
import dev.lectern.grading.Grade;
import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.ui.editor.questionset.QuestionSetEditorViewModel;
import dev.lectern.ui.shell.MainView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The question-set editor in the real window (Monocle): add a question, fill it, save; the file and library update. */
class EditorAppTest {

    /** A grader that needs no models: the editor's own tests check what it shows. */
    static GradingService grading;

    @TempDir
    Path dir;

    AppWindow window;
    Path course;
    LecternApp app;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startGrader() {
        grading = GradingService.of((key, answer) -> new Grade(50, Verdict.PARTIAL, List.of(), "", List.of()));
    }

    @AfterAll
    static void stopGrader() {
        grading.close();
    }

    @BeforeEach
    void start() throws Exception {
        window = new AppWindow(dir, grading);
        course = window.course;
        app = window.launch(Optional.of("llava"));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        AppWindow.waitFor(condition);
    }

    private void ctrl(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private int llavaQuestionsInCourse() {
        return app.model().courseProperty().get().questionSet("llava").map(s -> s.questions().size()).orElse(-1);
    }

    private String stageTitle() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Stage) app.view().getScene().getWindow()).getTitle()).get();
    }

    @Test
    void theSidePanesMakeWayForAnOpenEditorAndComeBackWhenItCloses() throws Exception {
        ListView<?> sets = robot.lookup("#" + MainView.ID_QUESTION_SETS).queryAs(ListView.class);
        waitFor(() -> sets.lookupAll(".list-cell").stream()
                .anyMatch(n -> ((ListCell<?>) n).getItem() instanceof QuestionSet));
        assertThat(app.view().split().getItems()).hasSize(3);
        Node cell = sets.lookupAll(".list-cell").stream()
                .filter(n -> ((ListCell<?>) n).getItem() instanceof QuestionSet).findFirst().orElseThrow();
        robot.clickOn(cell).type(KeyCode.F2);
        waitFor(() -> app.view().editorView().isPresent());

        waitFor(() -> app.view().split().getItems().size() == 2);
        robot.clickOn("#" + MainView.ID_EDITOR_TITLE);
        ctrl(KeyCode.W);

        waitFor(() -> app.authoring().currentProperty().get() == null);
        waitFor(() -> app.view().split().getItems().size() == 3);
    }

    @Test
    void addAQuestionFillItSaveAndTheFileAndTheLibraryHaveIt() throws Exception {
        Path file = course.resolve("questions/llava.json");
        int before = llavaQuestionsInCourse();
        ListView<?> sets = robot.lookup("#" + MainView.ID_QUESTION_SETS).queryAs(ListView.class);
        waitFor(() -> sets.lookupAll(".list-cell").stream()
                .anyMatch(n -> ((ListCell<?>) n).getItem() instanceof QuestionSet));
        Node cell = sets.lookupAll(".list-cell").stream()
                .filter(n -> ((ListCell<?>) n).getItem() instanceof QuestionSet).findFirst().orElseThrow();
        robot.clickOn(cell).type(KeyCode.F2);

        waitFor(() -> app.authoring().currentProperty().get() instanceof QuestionSetEditorViewModel
                && app.view().editorView().isPresent());
        QuestionSetEditorViewModel editor = (QuestionSetEditorViewModel) app.authoring().currentProperty().get();
        Label title = robot.lookup("#" + MainView.ID_EDITOR_TITLE).queryAs(Label.class);
        assertThat(title.getText()).startsWith("Edit: ").doesNotContain("•");

        robot.interact(() -> editor.select(editor.questions().size() - 1));
        robot.clickOn("#editorAdd");
        waitFor(() -> editor.questions().size() == before + 1);
        robot.clickOn("#editorPrompt").write("What is new here?");
        TextArea reference = robot.lookup("#editorReference").queryAs(TextArea.class);
        robot.clickOn(reference).write("A question added in the editor.");
        waitFor(() -> title.getText().startsWith("• "));
        assertThat(stageTitle()).startsWith("• Lectern");

        ctrl(KeyCode.S);

        waitFor(() -> !editor.dirtyProperty().get());
        JsonNode questions = new ObjectMapper().readTree(Files.readAllBytes(file)).get("questions");
        assertThat(questions).hasSize(before + 1);
        JsonNode added = questions.get(before);
        assertThat(added.get("prompt").asText()).isEqualTo("What is new here?");
        assertThat(added.get("referenceAnswer").asText()).isEqualTo("A question added in the editor.");
        waitFor(() -> llavaQuestionsInCourse() == before + 1);
        waitFor(() -> sets.lookupAll(".list-cell").stream().map(n -> ((ListCell<?>) n).getText())
                .anyMatch(t -> t != null && t.endsWith((before + 1) + " questions")));
        assertThat(title.getText()).doesNotContain("•");

        // Undo in the window takes back the typing in the reference answer as one step; redo brings it back.
        robot.clickOn(reference);
        ctrl(KeyCode.Z);
        waitFor(() -> reference.getText().isEmpty() && title.getText().startsWith("• "));
        ctrl(KeyCode.Y);
        waitFor(() -> reference.getText().equals("A question added in the editor.") && !title.getText().contains("•"));

        ctrl(KeyCode.W);
        waitFor(() -> app.authoring().currentProperty().get() == null);
    }
}
