package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.QuestionSet;
import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import dev.lectern.ui.drill.exam.ExamView;
import dev.lectern.ui.drill.exam.ExamViewModel;
import dev.lectern.ui.drill.flashcards.FlashcardView;
import dev.lectern.ui.drill.flashcards.FlashcardViewModel;
import dev.lectern.ui.drill.practice.PracticeView;
import dev.lectern.ui.drill.practice.PracticeViewModel;
import dev.lectern.ui.drill.review.ReviewView;
import dev.lectern.ui.drill.review.ReviewViewModel;
import dev.lectern.ui.reading.ReadingView;
import dev.lectern.ui.shell.FxDialogService;
import dev.lectern.ui.shell.MainView;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;

/**
 * Drills in the real application window (Monocle): one practice round, flashcards by keyboard, one exam round, and
 * an exam resumed after the window closed.
 */
class DrillAppTest {

    /** The real grader, loaded once for the class. Assertions use only answers any grader must get right. */
    static GradingService grading;

    @TempDir
    Path dir;

    AppWindow window;
    Path course;
    LecternApp app;
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
        launch();
    }

    private void launch() throws Exception {
        app = window.launch(Optional.of("llava"));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        AppWindow.waitFor(condition);
    }

    private <T extends Node> T find(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    private String text(String id) {
        return find(id, Label.class).getText();
    }

    private void ctrl(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private static String domText(ReadingView view, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            org.w3c.dom.Document document = view.engine().getDocument();
            Element element = document == null ? null : document.getElementById(id);
            return element == null ? "" : element.getTextContent();
        }).get();
    }

    private static String domClass(ReadingView view, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Element element = view.engine().getDocument().getElementById(id);
            return element == null ? "" : element.getAttribute("class");
        }).get();
    }

    private QuestionSet llavaSet() {
        return app.model().courseProperty().get().questionSet("llava").orElseThrow();
    }

    /** Types into a text area: the long reference answer in one go, anything short key by key. */
    private void answer(String id, String text) {
        TextArea area = find(id, TextArea.class);
        robot.clickOn(area);
        if (text.length() > 20) {
            robot.interact(() -> area.setText(text));
        } else {
            robot.write(text);
        }
    }

    @Test
    void onePracticeRound() throws Exception {
        ListView<?> sets = find(MainView.ID_QUESTION_SETS, ListView.class);
        // The side panes fill in just after the first reading is on screen.
        waitFor(() -> sets.lookupAll(".list-cell").stream().anyMatch(n -> ((ListCell<?>) n).getItem() instanceof QuestionSet));
        Node cell = sets.lookupAll(".list-cell").stream()
                .filter(n -> ((ListCell<?>) n).getItem() instanceof QuestionSet).findFirst().orElseThrow();
        robot.clickOn(cell).type(KeyCode.ENTER);

        waitFor(() -> app.view().drillView().orElse(null) instanceof PracticeView);
        PracticeView view = (PracticeView) app.view().drillView().orElseThrow();
        PracticeViewModel practice = (PracticeViewModel) app.drill().currentProperty().get();
        assertThat(text(MainView.ID_DRILL_TITLE)).isEqualTo("Practice: " + llavaSet().title());
        assertThat(text(MainView.ID_DRILL_PROGRESS)).isEqualTo("Question 1 of " + llavaSet().questions().size());
        DrillItem first = practice.itemProperty().get();
        String reference = first.question().referenceAnswer();

        answer(PracticeView.ID_ANSWER, reference);
        ctrl(KeyCode.ENTER);

        waitFor(() -> find(PracticeView.ID_FEEDBACK, Node.class).isVisible());
        assertThat(text(PracticeView.ID_VERDICT)).isEqualTo("Correct");
        assertThat(text(PracticeView.ID_SCORE)).matches("Score \\d+ / 100");
        TextFlow highlighted = find(PracticeView.ID_HIGHLIGHTED, TextFlow.class);
        assertThat(highlighted.getChildren().stream().map(n -> ((Text) n).getText()).collect(Collectors.joining()))
                .isEqualTo(reference);
        waitFor(() -> view.referenceView().renderedCountProperty().get() > 0
                && domText(view.referenceView(), "reference").contains("GPT-4"));

        robot.interact(() -> view.setVvalue(1));
        robot.clickOn(find(PracticeView.ID_DETAILS, TitledPane.class));
        waitFor(() -> find(PracticeView.ID_SIGNALS, GridPane.class).isVisible());
        assertThat(find(PracticeView.ID_SIGNALS, GridPane.class).getChildren()).isNotEmpty();

        robot.type(KeyCode.ENTER);

        waitFor(() -> text(MainView.ID_DRILL_PROGRESS).startsWith("Question 2 of"));
        assertThat(app.progress().allReviews()).singleElement().satisfies(r -> {
            assertThat(r.card()).isEqualTo(first.card());
            assertThat(r.verdict()).contains(Verdict.CORRECT);
            assertThat(r.answer()).isEqualTo(reference);
            assertThat(r.mode()).isEqualTo(ReviewMode.PRACTICE);
        });
        assertThat(find(PracticeView.ID_ANSWER, TextArea.class).getText()).isEmpty();

        robot.type(KeyCode.ESCAPE);

        waitFor(() -> app.drill().currentProperty().get() == null && app.view().readingView().isVisible());
    }

    @Test
    void flashcardsAreRevealedWithSpaceAndRatedWithADigitWhereverTheFocusIs() throws Exception {
        ctrl(KeyCode.L);
        waitFor(() -> app.drill().currentProperty().get() instanceof FlashcardViewModel);
        FlashcardViewModel cards = (FlashcardViewModel) app.drill().currentProperty().get();
        DrillItem first = cards.itemProperty().get();
        robot.clickOn("#" + MainView.ID_LIBRARY);

        robot.type(KeyCode.SPACE);
        waitFor(() -> find(FlashcardView.ID_ANSWER, Node.class).isVisible());
        robot.type(KeyCode.DIGIT3);

        waitFor(() -> text(MainView.ID_DRILL_PROGRESS).startsWith("Question 2 of"));
        assertThat(app.progress().allReviews()).singleElement().satisfies(r -> {
            assertThat(r.card()).isEqualTo(first.card());
            assertThat(r.rating()).isEqualTo(FlashcardRating.GOOD);
            assertThat(r.mode()).isEqualTo(ReviewMode.FLASHCARD);
        });
    }

    @Test
    void aReviewRoundByKeyboardIsSavedToTheProgressStore() throws Exception {
        ctrl(KeyCode.R);
        waitFor(() -> app.view().drillView().orElse(null) instanceof ReviewView);
        ReviewViewModel review = (ReviewViewModel) app.drill().currentProperty().get();
        DrillItem first = review.itemProperty().get();
        assertThat(text(MainView.ID_DRILL_TITLE)).isEqualTo("Review: Whole Course");
        robot.clickOn("#" + ReviewView.ID_ANSWER);

        // Nothing typed: Ctrl+Enter shows the reference answer, with each rating's interval on its button.
        ctrl(KeyCode.ENTER);
        waitFor(() -> review.phaseProperty().get() == ReviewViewModel.Phase.RATING);
        waitFor(() -> find(ReviewView.ID_RATE + "3", javafx.scene.control.Button.class).getText().contains("10m"));
        robot.type(KeyCode.DIGIT3);

        waitFor(() -> review.itemProperty().get() != first
                && review.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING);
        int left = review.queue().size() - 1;
        // Good puts a new question into a learning step: it is counted apart, and the counter does not grow.
        assertThat(text(MainView.ID_DRILL_PROGRESS)).isEqualTo(left + " left · 1 learning");
        assertThat(app.progress().allReviews()).singleElement().satisfies(r -> {
            assertThat(r.card()).isEqualTo(first.card());
            assertThat(r.rating()).isEqualTo(FlashcardRating.GOOD);
            assertThat(r.mode()).isEqualTo(ReviewMode.REVIEW);
        });
        assertThat(app.progress().cardStates()).containsKey(first.card());

        // Ctrl+Z takes the rating back: recorded in the log, the card new again, its question asked again.
        robot.clickOn("#" + ReviewView.ID_ANSWER);
        ctrl(KeyCode.Z);
        waitFor(() -> review.itemProperty().get() == first
                && review.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING);
        assertThat(text(MainView.ID_DRILL_PROGRESS)).isEqualTo((left + 1) + " left");
        assertThat(app.progress().allReviews()).isEmpty();
        assertThat(app.progress().cardStates()).doesNotContainKey(first.card());
    }

    @Test
    void theMouseWheelOverAShortReferenceAnswerScrollsTheDrillPage() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().setHeight(520)).get();
        ctrl(KeyCode.R);
        waitFor(() -> app.view().drillView().orElse(null) instanceof ReviewView);
        ReviewViewModel review = (ReviewViewModel) app.drill().currentProperty().get();
        waitFor(() -> review.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING);
        robot.clickOn("#" + ReviewView.ID_ANSWER);
        ctrl(KeyCode.ENTER);
        waitFor(() -> review.phaseProperty().get() == ReviewViewModel.Phase.RATING);
        ReviewView view = (ReviewView) app.view().drillView().orElseThrow();
        waitFor(() -> view.referenceView().renderedCountProperty().get() > 0);
        javafx.scene.control.ScrollPane page = (javafx.scene.control.ScrollPane) view.getCenter();
        WaitForAsyncUtils.asyncFx(() -> page.setVvalue(0.5)).get();

        robot.moveTo(view.referenceView()).scroll(3, javafx.geometry.VerticalDirection.DOWN);

        waitFor(() -> page.getVvalue() != 0.5); // (which way "down" turns the wheel depends on the platform)
    }

    @Test
    void aGradedReviewShowsWhatPracticeShowsThenTheSuggestedRatingWithEnter() throws Exception {
        ctrl(KeyCode.R);
        waitFor(() -> app.view().drillView().orElse(null) instanceof ReviewView);
        ReviewViewModel review = (ReviewViewModel) app.drill().currentProperty().get();
        waitFor(() -> review.phaseProperty().get() == ReviewViewModel.Phase.ANSWERING);
        DrillItem first = review.itemProperty().get();
        String reference = first.question().referenceAnswer();

        answer(ReviewView.ID_ANSWER, reference);
        ctrl(KeyCode.ENTER);

        waitFor(() -> review.phaseProperty().get() == ReviewViewModel.Phase.RATING);
        // Whatever the real grader makes of it, the window shows all of its grade, as practice does.
        dev.lectern.grading.Grade grade = review.gradeProperty().get();
        String label = grade.verdict().label();
        assertThat(text(ReviewView.ID_VERDICT)).isEqualTo(Character.toUpperCase(label.charAt(0)) + label.substring(1));
        assertThat(text(ReviewView.ID_SCORE)).isEqualTo("Score " + grade.score() + " / 100");
        TextFlow highlighted = find(ReviewView.ID_HIGHLIGHTED, TextFlow.class);
        assertThat(highlighted.getChildren().stream().map(n -> ((Text) n).getText()).collect(Collectors.joining()))
                .isEqualTo(reference);
        javafx.scene.layout.VBox points = find(ReviewView.ID_KEY_POINTS, javafx.scene.layout.VBox.class);
        assertThat(points.getChildren()).hasSize(grade.keyPoints().size());
        for (int i = 0; i < grade.keyPoints().size(); i++) {
            dev.lectern.grading.KeyPointResult k = grade.keyPoints().get(i);
            assertThat(((Label) points.getChildren().get(i)).getText()).startsWith(k.covered() ? "✓ " : "✗ ")
                    .contains(k.keyPoint().text());
        }
        FlashcardRating suggested = review.suggestedProperty().get();

        if (suggested != null) {
            robot.type(KeyCode.ENTER);
        } else {
            robot.type(KeyCode.DIGIT2);
        }

        waitFor(() -> !app.progress().allReviews().isEmpty());
        assertThat(app.progress().allReviews()).singleElement().satisfies(r -> {
            assertThat(r.card()).isEqualTo(first.card());
            assertThat(r.rating()).isEqualTo(suggested != null ? suggested : FlashcardRating.HARD);
            assertThat(r.verdict()).contains(grade.verdict());
        });
    }

    @Test
    void statisticsShowTheLogInChartsInTheWindow() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        for (int day = 3; day >= 0; day--) {
            app.progress().append(new dev.lectern.scheduling.ReviewRecord(new CardKey("llava", "architecture"),
                    now.minus(java.time.Duration.ofDays(day)), FlashcardRating.GOOD, java.util.OptionalInt.empty(),
                    Optional.empty(), "", java.time.Duration.ofSeconds(20), ReviewMode.REVIEW));
        }

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);

        waitFor(() -> app.view().drillView().orElse(null) instanceof dev.lectern.ui.statistics.StatisticsView
                && text(dev.lectern.ui.statistics.StatisticsView.ID_TOTALS).equals("4 reviews of 1 question"));
        assertThat(text(dev.lectern.ui.statistics.StatisticsView.ID_STREAKS)).isEqualTo("Streak: 4 days (longest 4 days)");
        javafx.scene.chart.BarChart<?, ?> perDay = find(dev.lectern.ui.statistics.StatisticsView.ID_REVIEWS_CHART,
                javafx.scene.chart.BarChart.class);
        // the charts are filled after the totals: wait for the last day's bar
        waitFor(() -> perDay.getData().size() == 1 && perDay.getData().get(0).getData().size() == 30
                && ((Number) perDay.getData().get(0).getData().get(29).getYValue()).intValue() == 1);
        assertThat(perDay.getData()).singleElement().satisfies(series ->
                assertThat(series.getData()).hasSize(30).last().satisfies(point ->
                        assertThat(((Number) point.getYValue()).intValue()).isEqualTo(1)));
        assertThat(find(dev.lectern.ui.statistics.StatisticsView.ID_MASTERY, GridPane.class).getChildren()).isNotEmpty();
        // no drill, so no "Close Drill"
        assertThat(find(MainView.ID_CLOSE_DRILL, javafx.scene.control.Button.class).getText())
                .isEqualTo("Close Statistics (Esc)");

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> app.view().drillView().isEmpty());
    }

    @Test
    void oneExamRound() throws Exception {
        ctrl(KeyCode.E);
        Spinner<?> count = find(FxDialogService.ID_EXAM_QUESTIONS, Spinner.class);
        assertThat(count.getValue()).isEqualTo(10);
        robot.interact(() -> count.getEditor().setText("2"));
        robot.clickOn("#" + FxDialogService.ID_EXAM_TIMED);
        robot.clickOn("Start Exam");

        waitFor(() -> app.view().drillView().orElse(null) instanceof ExamView);
        ExamView view = (ExamView) app.view().drillView().orElseThrow();
        ExamViewModel exam = (ExamViewModel) app.drill().currentProperty().get();
        assertThat(text(MainView.ID_DRILL_PROGRESS)).isEqualTo("Question 1 of 2");
        assertThat(find(ExamView.ID_COUNTDOWN, Label.class).isVisible()).isTrue();
        assertThat(text(ExamView.ID_COUNTDOWN)).matches("Time left (20:00|19:5\\d)");

        answer(ExamView.ID_ANSWER, exam.itemProperty().get().question().referenceAnswer());
        ctrl(KeyCode.ENTER);
        waitFor(() -> text(MainView.ID_DRILL_PROGRESS).equals("Question 2 of 2"));
        answer(ExamView.ID_ANSWER, "qwx zzv");
        robot.clickOn("#" + ExamView.ID_FINISH);

        waitFor(() -> !text(ExamView.ID_TOTAL).isEmpty());
        assertThat(text(ExamView.ID_TOTAL)).matches("\\d+ of 200 points \\(\\d+%\\) · 1 correct · 0 partial · 1 incorrect");
        waitFor(() -> domText(view.resultsView(), "total").equals(text(ExamView.ID_TOTAL)));
        assertThat(domClass(view.resultsView(), "q1")).contains("verdict-correct");
        assertThat(domClass(view.resultsView(), "q2")).contains("verdict-incorrect");
        assertThat(domText(view.resultsView(), "q2")).contains("qwx zzv");
        // The marked exam is written in the background while the results show.
        waitFor(() -> !app.progress().exams().finished().isEmpty());
        Exam kept = app.progress().exams().finished().get(0);
        assertThat(kept.answers()).last().isEqualTo("qwx zzv");

        robot.type(KeyCode.ESCAPE);
        robot.clickOn("Drill").clickOn("Past Exams");
        waitFor(() -> find(dev.lectern.ui.drill.exam.ExamHistoryView.ID_LIST, ListView.class).getItems().size() == 1);
        robot.type(KeyCode.ENTER);

        waitFor(() -> app.view().drillView().orElse(null) instanceof ExamView reopened
                && domText(reopened.resultsView(), "total").equals(domText(view.resultsView(), "total")));
    }

    @Test
    void anExamInterruptedByClosingTheWindowIsResumedOnTheNextStart() throws Exception {
        ctrl(KeyCode.E);
        robot.interact(() -> find(FxDialogService.ID_EXAM_QUESTIONS, Spinner.class).getEditor().setText("3"));
        robot.clickOn("Start Exam");
        waitFor(() -> app.view().drillView().orElse(null) instanceof ExamView);
        answer(ExamView.ID_ANSWER, "first");
        ctrl(KeyCode.ENTER);
        waitFor(() -> text(MainView.ID_DRILL_PROGRESS).equals("Question 2 of 3"));
        answer(ExamView.ID_ANSWER, "second");

        window.close();
        launch();
        // the offer comes once the unfinished exam has been read, in the background
        waitFor(() -> robot.lookup("Resume").tryQuery().isPresent());
        robot.clickOn("Resume");

        waitFor(() -> app.drill().currentProperty().get() instanceof ExamViewModel);
        ExamViewModel exam = (ExamViewModel) app.drill().currentProperty().get();
        assertThat(text(MainView.ID_DRILL_PROGRESS)).isEqualTo("Question 2 of 3");
        assertThat(find(ExamView.ID_ANSWER, TextArea.class).getText()).isEqualTo("second");
        assertThat(exam.examProperty().get().answers()).containsExactly("first", "second", "");
    }
}
