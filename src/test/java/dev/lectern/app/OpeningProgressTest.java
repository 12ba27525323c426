package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.edit.NewCourse;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.Progress;
import dev.lectern.store.ProgressStore;
import dev.lectern.ui.TestCourses;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's progress follows the open course, and a write made for one course never lands in another's. */
class OpeningProgressTest {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static ReviewRecord review(String set, String question) {
        return new ReviewRecord(new CardKey(set, question), NOW, FlashcardRating.GOOD, OptionalInt.empty(),
                Optional.empty(), "", Duration.ofSeconds(10), ReviewMode.REVIEW);
    }

    @Test
    void aRatingPinnedToOneCourseLandsThereAfterAnotherCourseOpensAndBothStoresStayUsable() throws Exception {
        Course first = CourseLoader.load(TestCourses.copyOfBundledCourse(dir.resolve("first"))).course();
        NewCourse.create(dir.resolve("second"), "A second course");
        Course second = CourseLoader.load(dir.resolve("second")).course();
        OpeningProgress progress = OpeningProgress.open(dir.resolve("data"), Clock.fixed(NOW, ZoneOffset.UTC));
        Path firstFolder;
        try {
            ProgressStore firstStore = progress.openFor(first).join();
            firstFolder = firstStore.dataDir();
            Progress drillOfTheFirst = progress.pinned();

            ProgressStore secondStore = progress.openFor(second).join();
            assertThat(drillOfTheFirst.append(review("llava", "architecture")).saved()).isTrue();

            assertThat(progress.allReviews()).isEmpty();
            assertThat(progress.append(review("welcome", "first")).saved()).isTrue();
            assertThat(secondStore).isNotSameAs(firstStore);
            assertThat(progress.openFor(first).join()).isSameAs(firstStore);
            assertThat(progress.allReviews()).extracting(r -> r.card().text()).containsExactly("llava/architecture");
            assertThat(progress.openFor(second).join()).isSameAs(secondStore);
            assertThat(progress.allReviews()).extracting(r -> r.card().text()).containsExactly("welcome/first");
        } finally {
            progress.close();
        }
        ProgressStore reopened = ProgressStore.open(firstFolder, Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            assertThat(reopened.allReviews()).hasSize(1);
        } finally {
            reopened.close();
        }
    }

    @Test
    void aPinnedViewClosesNothingWhenClosed() throws Exception {
        Course first = CourseLoader.load(TestCourses.copyOfBundledCourse(dir.resolve("first"))).course();
        OpeningProgress progress = OpeningProgress.open(dir.resolve("data"), Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            progress.openFor(first).join();
            progress.pinned().close();

            assertThat(progress.append(review("llava", "architecture")).saved()).isTrue();
        } finally {
            progress.close();
        }
    }
}
