package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.Grade;
import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.ui.settings.Settings;
import dev.lectern.ui.settings.SettingsStore;
import dev.lectern.ui.shell.MainView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The sync folder remembered from before: the window syncs through it at start and at close. */
class SyncAppTest {

    @TempDir
    Path dir;

    GradingService grading;
    AppWindow window;
    Path shared;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void remember() throws Exception {
        grading = GradingService.of((key, answer) -> new Grade(50, Verdict.PARTIAL, List.of(), "", List.of()));
        window = new AppWindow(dir, grading);
        shared = Files.createDirectories(dir.resolve("Syncthing"));
        new SettingsStore(window.dirs.config()).save(Settings.defaults().withSyncFolder(shared.toString()));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        grading.close();
    }

    private String syncStatus() {
        return robot.lookup("#" + MainView.ID_SYNC).queryAs(Labeled.class).getText();
    }

    @Test
    void theWindowSyncsAtStartSaysSoInTheStatusBarAndSendsItsReviewsAtClose() throws Exception {
        LecternApp app = window.launch(Optional.of("llava"));
        AppWindow.waitFor(() -> syncStatus().startsWith("Synced with Syncthing: sent 0, received 0 new"));

        assertThat(app.progress().append(new ReviewRecord(new CardKey("llava", "architecture"), Instant.now(),
                FlashcardRating.GOOD, OptionalInt.empty(), Optional.empty(), "", Duration.ofSeconds(5),
                ReviewMode.REVIEW)).saved()).isTrue();
        window.close();

        try (Stream<Path> files = Files.walk(shared.resolve("lectern-sync"))) {
            List<String> lines = files.filter(f -> f.toString().endsWith(".jsonl")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(lines).anyMatch(l -> l.contains("llava") && l.contains("architecture"));
        }
    }
}
