package dev.lectern.app;

import dev.lectern.cli.AppOptions;
import dev.lectern.files.UserDirs;
import dev.lectern.grading.GradingService;
import dev.lectern.ui.TestCourses;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application in a headless window (Monocle), as the window tests start it: on a copy of the bundled course
 * with folders of its own for settings and data, and a grader the test class shares (so its models load once).
 * {@link #launch} waits until the first reading is on screen and the window complete; {@link #close} ends it, and a
 * test may launch again on the same folders (what a student sees on the next start).
 */
final class AppWindow {

    final Path course;
    final UserDirs dirs;
    private final GradingService grading;
    private LecternApp app;
    private Stage stage;

    AppWindow(Path dir, GradingService grading) {
        this.course = TestCourses.copyOfBundledCourse(dir.resolve("course"));
        this.dirs = new UserDirs(dir.resolve("config"), dir.resolve("data"));
        this.grading = grading;
    }

    /** Starts the app on the course, opening {@code reading} (or what the settings remember). */
    LecternApp launch(Optional<String> reading) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        AppOptions options = new AppOptions(Optional.of(course), reading, Optional.empty(), false, Optional.empty());
        app = (LecternApp) FxToolkit.setupApplication(() -> new LecternApp(options, dirs, grading));
        waitFor(() -> app.view().readingView().renderedCountProperty().get() > 0
                && app.view().completeProperty().get());
        return app;
    }

    Stage stage() {
        return stage;
    }

    /** Ends the app and its windows. */
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        FxToolkit.cleanupStages();
    }

    /** Waits up to 20 seconds for the condition, checked on the FX thread. */
    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
