package dev.lectern.ui.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.ProgressStore;
import dev.lectern.ui.RecordingDialogs;
import dev.lectern.ui.TestCourses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Sync Folder… as the window drives it: the folder chosen once and remembered, syncs and what they said. */
class FolderSyncTest {

    @TempDir
    Path dir;

    Course course;
    ProgressStore laptop;
    ProgressStore desktop;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<Path> remembered = new ArrayList<>();

    @BeforeEach
    void open() {
        course = CourseLoader.load(TestCourses.copyOfBundledCourse(dir.resolve("course"))).course();
        laptop = ProgressStore.open(dir.resolve("laptop"), Clock.systemUTC());
        desktop = ProgressStore.open(dir.resolve("desktop"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        laptop.close();
        desktop.close();
    }

    private FolderSync sync(ProgressStore store, Optional<Path> folder) {
        return new FolderSync(Runnable::run, Runnable::run, dialogs, new FolderSync.Sources(
                () -> CompletableFuture.completedFuture(store), () -> course, folder, remembered::add));
    }

    private static ReviewRecord review(String question) {
        return new ReviewRecord(new CardKey("llava", question), Instant.parse("2026-12-01T10:00:00Z"),
                FlashcardRating.GOOD, OptionalInt.empty(), Optional.empty(), "", Duration.ofSeconds(10),
                ReviewMode.REVIEW);
    }

    @Test
    void theChosenFolderIsRememberedAndAReviewMadeOnOneMachineReachesTheOther() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("Dropbox"));
        assertThat(laptop.append(review("architecture")).saved()).isTrue();
        dialogs.nextDirectory = Optional.of(shared);

        FolderSync onLaptop = sync(laptop, Optional.empty());
        onLaptop.chooseFolder();

        assertThat(remembered).containsExactly(shared.toAbsolutePath().normalize());
        assertThat(onLaptop.statusProperty().get()).isEqualTo("Synced with Dropbox: sent 1, received 0 new.");
        FolderSync onDesktop = sync(desktop, Optional.of(shared));
        onDesktop.syncNow().get();
        assertThat(onDesktop.statusProperty().get()).isEqualTo("Synced with Dropbox: sent 0, received 1 new.");
        assertThat(desktop.allReviews()).extracting(r -> r.card().text()).containsExactly("llava/architecture");
        assertThat(onDesktop.syncBeforeExit(Duration.ofSeconds(10))).startsWith("Synced with Dropbox: sent 0");
    }

    @Test
    void aFolderThatIsNotThereSaysSoAndLeavesTheProgressAsItWas() throws Exception {
        assertThat(laptop.append(review("architecture")).saved()).isTrue();
        FolderSync onLaptop = sync(laptop, Optional.of(dir.resolve("unplugged-usb-stick")));

        onLaptop.syncNow().get();

        assertThat(onLaptop.statusProperty().get()).startsWith("Not synced: ").contains("is not there")
                .endsWith("Your progress here is as it was.");
        assertThat(laptop.allReviews()).hasSize(1);
        assertThat(onLaptop.runningProperty().get()).isFalse();
    }

    @Test
    void withoutAFolderNothingIsSyncedAndNothingIsSaid() throws Exception {
        FolderSync onLaptop = sync(laptop, Optional.empty());

        onLaptop.syncNow().get();

        assertThat(onLaptop.statusProperty().get()).isEmpty();
        assertThat(onLaptop.folder()).isEmpty();
    }
}
