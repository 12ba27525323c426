package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.edit.NewCourse;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.grading.GradingService;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.ui.shell.MainView;
import dev.lectern.ui.statistics.StatisticsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Each course has progress of its own: opening another course in the window shows that course's, not the last one's. */
class CourseSwitchAppTest {

    static GradingService grading;

    @TempDir
    Path dir;

    AppWindow window;
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
        app = window.launch(Optional.of("llava"));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private String text(String id) {
        return robot.lookup("#" + id).queryAs(Labeled.class).getText();
    }

    private void openCourse(Path folder) throws Exception {
        String id = CourseLoader.load(folder).course().info().id();
        robot.interact(() -> app.model().openCourse(folder, Optional.empty()));
        AppWindow.waitFor(() -> app.model().courseProperty().get() != null
                && app.model().courseProperty().get().info().id().equals(id));
    }

    private void showStatistics(String totals) throws Exception {
        robot.interact(() -> app.drill().showStatistics());
        AppWindow.waitFor(() -> app.view().drillView().orElse(null) instanceof StatisticsView
                && text(StatisticsView.ID_TOTALS).equals(totals));
    }

    @Test
    void afterOpeningASecondCourseStatisticsAndTheDueCountsAreThatCoursesAndSwitchingBackShowsTheFirstCourses()
            throws Exception {
        Instant now = Instant.now();
        for (int day = 1; day >= 0; day--) {
            assertThat(app.progress().append(new ReviewRecord(new CardKey("llava", "architecture"),
                    now.minus(Duration.ofDays(day)), FlashcardRating.GOOD, OptionalInt.empty(), Optional.empty(), "",
                    Duration.ofSeconds(20), ReviewMode.REVIEW)).saved()).isTrue();
        }
        robot.interact(() -> app.drill().refreshDue());
        showStatistics("2 reviews of 1 question");
        String firstCounts = text(MainView.ID_DUE);
        assertThat(firstCounts).isNotBlank();

        Path second = dir.resolve("second");
        NewCourse.create(second, "A second course");
        openCourse(second);
        // The first course's statistics do not stay on show over the second course.
        AppWindow.waitFor(() -> app.view().drillView().isEmpty());

        // The new course's one question is new; none of the first course's are counted.
        AppWindow.waitFor(() -> text(MainView.ID_DUE).equals("0 due · 1 new"));
        showStatistics("0 reviews of 0 questions");
        String secondId = app.model().courseProperty().get().info().id();
        assertThat(Files.isRegularFile(window.dirs.data().resolve("courses").resolve(secondId).resolve("progress.db")))
                .isTrue();

        openCourse(window.course);

        AppWindow.waitFor(() -> text(MainView.ID_DUE).equals(firstCounts));
        showStatistics("2 reviews of 1 question");
    }
}
