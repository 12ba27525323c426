package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.GradingService;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.BackupFile;
import dev.lectern.store.ProgressStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A progress database that went missing while backups of it remain: the app offers to put the newest back. */
class RestoreOfferAppTest {

    static GradingService grading;

    @TempDir
    Path dir;

    AppWindow window;
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
    void aDatabaseWithThreeReviewsIsBackedUpAndThenDeleted() throws Exception {
        window = new AppWindow(dir, grading);
        Path data = window.dirs.data();
        try (ProgressStore store = ProgressStore.open(data, Clock.systemDefaultZone())) {
            for (int i = 0; i < 3; i++) {
                assertThat(store.append(review(i)).saved()).isTrue();
            }
        }
        assertThat(BackupFile.list(data)).isNotEmpty();
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("progress.db")).toList()) {
                Files.delete(f);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static ReviewRecord review(int i) {
        return new ReviewRecord(new CardKey("llava", "q" + i), Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i),
                FlashcardRating.GOOD, OptionalInt.of(90), Optional.of(Verdict.CORRECT), "answer " + i,
                Duration.ofSeconds(20), ReviewMode.PRACTICE);
    }

    @Test
    void restoringTheOfferedBackupBringsBackItsReviewsAndKeepsTheEmptyDatabaseAside() throws Exception {
        LecternApp app = window.launch(Optional.empty());
        AppWindow.waitFor(() -> robot.lookup(LecternApp.RESTORE_BACKUP).tryQuery().isPresent());
        robot.clickOn(LecternApp.RESTORE_BACKUP);

        AppWindow.waitFor(() -> robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("Restored your progress from")).tryQuery().isPresent());
        assertThat(app.progress().allReviews()).extracting(ReviewRecord::answer)
                .containsExactly("answer 0", "answer 1", "answer 2");
        try (Stream<Path> files = Files.list(window.dirs.data())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("the empty database is moved aside, not deleted")
                    .anyMatch(n -> n.startsWith("progress.db.") && !n.endsWith("-wal") && !n.endsWith("-shm"));
        }
    }

    @Test
    void startingAfreshKeepsTheNewEmptyDatabaseAndTheBackup() throws Exception {
        LecternApp app = window.launch(Optional.empty());
        AppWindow.waitFor(() -> robot.lookup("Start Afresh").tryQuery().isPresent());
        robot.clickOn("Start Afresh");

        AppWindow.waitFor(() -> robot.lookup(LecternApp.RESTORE_BACKUP).tryQuery().isEmpty());
        assertThat(app.progress().allReviews()).isEmpty();
        assertThat(BackupFile.list(window.dirs.data())).anySatisfy(b -> assertThat(b.reviews()).hasValue(3));
    }
}
