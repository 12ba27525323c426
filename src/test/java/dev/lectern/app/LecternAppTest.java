package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Reading;
import dev.lectern.grading.GradingService;
import dev.lectern.render.Theme;
import dev.lectern.ui.shell.MainView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;

/** The real application in a headless window (Monocle): what a student sees and does. */
class LecternAppTest {

    /** One grader for the class: its models load once. */
    static GradingService grading;

    @TempDir
    Path dir;

    AppWindow window;
    Path course;
    Path config;
    LecternApp app;
    Stage stage;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startGrader() {
        grading = GradingService.start();
    }

    @AfterAll
    static void stopGrader() {
        grading.close();
    }

    @BeforeEach
    void start() throws Exception {
        window = new AppWindow(dir, grading);
        course = window.course;
        config = window.dirs.config();
        launch(Optional.empty());
    }

    private void launch(Optional<String> reading) throws Exception {
        app = window.launch(reading);
        stage = window.stage();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        AppWindow.waitFor(condition);
    }

    private String domText(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            org.w3c.dom.Document document = app.view().readingView().engine().getDocument();
            Element element = document == null ? null : document.getElementById(id);
            return element == null ? "" : element.getTextContent();
        }).get();
    }

    private String bodyClass() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Element) app.view().readingView().engine().getDocument()
                .getElementsByTagName("body").item(0)).getAttribute("class")).get();
    }

    /**
     * Clicks a reading's label in the library (a cell may be wider than the pane, so not its centre), once it is
     * shown: the library fills in just after the first reading is on screen.
     */
    private void clickReading(String shortTitle) throws Exception {
        waitFor(() -> libraryLabel(shortTitle).isPresent());
        robot.clickOn(libraryLabel(shortTitle).orElseThrow());
    }

    private Optional<Node> libraryLabel(String shortTitle) {
        return robot.lookup("#" + MainView.ID_LIBRARY)
                .lookup((Node n) -> n instanceof Text text && shortTitle.equals(text.getText())).tryQuery();
    }

    private String selectedId() {
        Reading r = app.model().selectedReadingProperty().get();
        return r == null ? null : r.id();
    }

    @Test
    void appOpensOnTheCourseWithTheFirstReadingRendered() throws Exception {
        TreeView<?> library = robot.lookup("#" + MainView.ID_LIBRARY).queryAs(TreeView.class);

        waitFor(() -> library.getRoot() != null);
        assertThat(library.getRoot().getChildren()).hasSize(4);
        assertThat(stage.getTitle()).startsWith("Lectern — Multimodal Foundation Models");
        assertThat(domText("title")).isEqualTo(app.model().courseProperty().get().readings().get(0).title());
    }

    @Test
    void selectingLlavaShowsItsAbstractInTheWebView() throws Exception {
        clickReading("LLaVA");

        waitFor(() -> "llava".equals(selectedId()) && domText("title").equals("Visual Instruction Tuning"));
        assertThat(domText("abstract")).contains("LLaVA").contains("GPT-4");
    }

    @Test
    void searchingSegmentFindsSegmentAnythingAndEnterOpensIt() throws Exception {
        robot.clickOn("#" + MainView.ID_SEARCH).write("segment");
        ListView<?> results = robot.lookup("#" + MainView.ID_RESULTS).queryAs(ListView.class);
        waitFor(() -> results.isVisible() && results.getItems().size() > 1);

        robot.type(KeyCode.ENTER);

        waitFor(() -> "segment-anything".equals(selectedId()) && domText("title").equals("Segment Anything"));
        assertThat(results.isVisible()).isFalse();
    }

    @Test
    void openingASearchHitOnASlideScrollsToItAndMarksTheWordThere() throws Exception {
        robot.clickOn("#" + MainView.ID_SEARCH).write("juice");
        ListView<?> results = robot.lookup("#" + MainView.ID_RESULTS).queryAs(ListView.class);
        waitFor(() -> results.isVisible() && !results.getItems().isEmpty());

        robot.type(KeyCode.ENTER);

        waitFor(() -> "emu-video".equals(selectedId()) && searchMarksIn("slide-4").equals("JUICE"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((Number) app.view().readingView().engine()
                .executeScript("window.scrollY")).doubleValue()).get()).isGreaterThan(0);

        clickReading("Emu Video");
        waitFor(() -> searchMarksIn("slide-4").isEmpty());
        assertThat(domText("slide-4")).contains("JUICE");
    }

    /** The words marked as search hits under the element with that id, joined by spaces. */
    private String searchMarksIn(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            org.w3c.dom.Document document = app.view().readingView().engine().getDocument();
            Element element = document == null ? null : document.getElementById(id);
            if (element == null) {
                return "";
            }
            org.w3c.dom.NodeList marks = element.getElementsByTagName("mark");
            java.util.List<String> words = new java.util.ArrayList<>();
            for (int i = 0; i < marks.getLength(); i++) {
                Element mark = (Element) marks.item(i);
                if ("search-hit".equals(mark.getAttribute("class"))) {
                    words.add(mark.getTextContent());
                }
            }
            return String.join(" ", words);
        }).get();
    }

    @Test
    void ctrlKFocusesTheSearchField() throws Exception {
        clickReading("LLaVA");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);

        waitFor(() -> robot.lookup("#" + MainView.ID_SEARCH).query().isFocused());
    }

    @Test
    void themeTogglesAtOnceInTheWindowAndTheReading() throws Exception {
        assertThat(bodyClass()).contains(Theme.LIGHT.cssClass());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);

        waitFor(() -> stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("theme-dark.css")));
        waitFor(() -> bodyClass().contains(Theme.DARK.cssClass()));
    }

    @Test
    void theThemeAndTheReadingLastOpenAreTheSameOnTheNextStart() throws Exception {
        clickReading("LLaVA");
        waitFor(() -> "llava".equals(selectedId()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> bodyClass().contains(Theme.DARK.cssClass()));

        window.close();
        launch(Optional.empty());

        assertThat(selectedId()).isEqualTo("llava");
        assertThat(bodyClass()).contains(Theme.DARK.cssClass());
    }

    @Test
    void aFileChangedOnDiskShowsUpInTheLibraryAndTheOpenReading() throws Exception {
        clickReading("LLaVA");
        waitFor(() -> "llava".equals(selectedId()) && domText("title").equals("Visual Instruction Tuning"));
        Path file = course.resolve("readings/llava.md");

        Files.writeString(file, Files.readString(file)
                .replace("title: Visual Instruction Tuning", "title: Visual Instruction Tuning, revised")
                .replace("shortTitle: LLaVA", "shortTitle: LLaVA-edited"));

        waitFor(() -> domText("title").equals("Visual Instruction Tuning, revised"));
        assertThat(selectedId()).isEqualTo("llava");
        assertThat(treeLabels()).contains("LLaVA-edited");
    }

    @Test
    void aBadFileShowsInProblems() throws Exception {
        ListView<?> problems = robot.lookup("#" + MainView.ID_PROBLEMS).queryAs(ListView.class);
        assertThat(problems.getItems()).isEmpty();

        Files.writeString(course.resolve("questions/broken.json"), "{ \"id\": \"broken\", }");

        waitFor(() -> problems.getItems().size() == 1 && problems.lookupAll(".list-cell").stream()
                .anyMatch(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null));
        robot.clickOn(problems.lookupAll(".list-cell").stream()
                .filter(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null).findFirst().orElseThrow());
        waitFor(() -> robot.lookup(".detail").queryLabeled().getText().startsWith("questions/broken.json, line 1, column 19"));
    }

    @Test
    void theSelectedReadingAndThemeComeBackOnTheNextStart() throws Exception {
        clickReading("LVM");
        waitFor(() -> "lvm".equals(selectedId()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> app.model().themeProperty().get() == Theme.DARK);
        window.close();

        launch(Optional.empty());

        assertThat(selectedId()).isEqualTo("lvm");
        assertThat(app.model().themeProperty().get()).isEqualTo(Theme.DARK);
    }

    private java.util.List<String> treeLabels() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            java.util.List<String> labels = new java.util.ArrayList<>();
            TreeView<?> tree = robot.lookup("#" + MainView.ID_LIBRARY).queryAs(TreeView.class);
            collect(tree.getRoot(), labels);
            return labels;
        }).get();
    }

    private static void collect(TreeItem<?> item, java.util.List<String> labels) {
        if (item.getValue() instanceof Reading r) {
            labels.add(r.shortTitle());
        }
        item.getChildren().forEach(child -> collect(child, labels));
    }

}
