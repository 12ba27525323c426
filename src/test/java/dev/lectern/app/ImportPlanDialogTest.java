package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.Grade;
import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.ui.shell.FxDialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** An import's plan in the real window: a resizable dialog with a table of file, action and details. */
class ImportPlanDialogTest {

    @TempDir
    Path dir;

    GradingService grading;
    AppWindow window;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        grading = GradingService.of((key, answer) -> new Grade(50, Verdict.PARTIAL, List.of(), "", List.of()));
        window = new AppWindow(dir, grading);
        window.launch(Optional.of("llava"));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        grading.close();
    }

    @Test
    void thePlanIsATableOfFileActionAndDetailsWithTheReportUnderItAndCancelImportsNothing() throws Exception {
        List<List<String>> rows = List.of(
                List.of("readings/a-very-long-reading-file-name-from-the-course-site.md", "create", "reading: A"),
                List.of("questions/a.json", "update", "question set: 3 questions, 1 changed"));
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogService(window.stage()).confirmTable("Import Posts",
                "2 files.", List.of("File", "Action", "Details"), rows, "Report:\nposts/x.html:3:1: no heading",
                "Import")));

        AppWindow.waitFor(() -> robot.lookup("#" + FxDialogService.ID_PLAN_TABLE).tryQuery().isPresent());
        TableView<?> table = robot.lookup("#" + FxDialogService.ID_PLAN_TABLE).queryAs(TableView.class);
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("File", "Action", "Details");
        assertThat(List.copyOf(table.getItems())).isEqualTo(rows);
        assertThat(table.getScene().getWindow()).isInstanceOf(javafx.stage.Stage.class)
                .satisfies(w -> assertThat(((javafx.stage.Stage) w).isResizable()).isTrue());
        assertThat(robot.lookup("#" + FxDialogService.ID_PLAN_NOTES).queryAs(TextArea.class).getText())
                .contains("no heading");

        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) table.getScene().getRoot();
        javafx.scene.control.Button cancel = (javafx.scene.control.Button) pane.lookupButton(
                javafx.scene.control.ButtonType.CANCEL);
        assertThat(cancel.getText()).isEqualTo("Cancel");
        robot.interact(cancel::fire);

        assertThat(answer.get(20, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
    }
}
