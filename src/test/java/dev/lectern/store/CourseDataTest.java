package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.store.CourseData.CourseSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseDataTest {

    private static final CourseSets BUNDLED = new CourseSets("mfm-fall-2026", Set.of("clip", "vit", "diffusion"));
    private static final CourseSets STATS = new CourseSets("stats-101-abc123", Set.of("regression", "anova"));
    private static final CourseSets SAME_IDS = new CourseSets("copy-of-mfm", Set.of("clip", "vit", "diffusion"));

    @TempDir
    Path data;

    private final Clock clock = Clock.fixed(Reviews.T0, ZoneOffset.UTC);

    @Test
    void reviewsOfTheBundledCoursesSetsBelongToTheBundledCourse() {
        assertThat(CourseData.legacyOwner(Set.of("clip", "vit"), STATS, BUNDLED)).isEqualTo(BUNDLED.id());
    }

    @Test
    void reviewsWhoseSetsAreAllTheOpenedCoursesAndNotAllTheBundledOnesBelongToTheOpenedCourse() {
        assertThat(CourseData.legacyOwner(Set.of("regression", "anova"), STATS, BUNDLED)).isEqualTo(STATS.id());
    }

    @Test
    void reviewsOfSetsThatBothCoursesHaveStayWithTheBundledCourse() {
        assertThat(CourseData.legacyOwner(Set.of("clip"), SAME_IDS, BUNDLED)).isEqualTo(BUNDLED.id());
    }

    @Test
    void reviewsOfSetsTheOpenedCourseLacksStayWithTheBundledCourse() {
        assertThat(CourseData.legacyOwner(Set.of("regression", "gone"), STATS, BUNDLED)).isEqualTo(BUNDLED.id());
    }

    @Test
    void anEmptyDatabaseIsTheBundledCourses() {
        assertThat(CourseData.legacyOwner(Set.of(), STATS, BUNDLED)).isEqualTo(BUNDLED.id());
    }

    @Test
    void aLegacyDatabaseIsTheBundledCoursesAndAnotherCourseGetsAFolderOfItsOwn() {
        legacyReviewsOf("clip", "vit");

        assertThat(CourseData.folderFor(data, STATS, () -> Optional.of(BUNDLED)))
                .isEqualTo(data.resolve("courses").resolve(STATS.id()));
        assertThat(CourseData.folderFor(data, BUNDLED, () -> Optional.of(BUNDLED))).isEqualTo(data);
        assertThat(data.resolve(CourseData.OWNER_FILE)).hasContent(BUNDLED.id());
    }

    @Test
    void aLegacyDatabaseWhoseSetsAllBelongToAnotherCourseIsThatCoursesAndTheBundledCourseMovesOut() {
        legacyReviewsOf("regression", "anova");

        assertThat(CourseData.folderFor(data, STATS, () -> Optional.of(BUNDLED))).isEqualTo(data);
        assertThat(CourseData.folderFor(data, BUNDLED, () -> Optional.of(BUNDLED)))
                .isEqualTo(data.resolve("courses").resolve(BUNDLED.id()));
        assertThat(data.resolve(CourseData.OWNER_FILE)).hasContent(STATS.id());
    }

    @Test
    void theDecisionIsMadeOnceAndTheBundledCourseIsNotLoadedAgain() throws Exception {
        legacyReviewsOf("regression");
        AtomicInteger loads = new AtomicInteger();

        CourseData.folderFor(data, STATS, () -> {
            loads.incrementAndGet();
            return Optional.of(BUNDLED);
        });
        try (ProgressStore store = ProgressStore.open(data, clock)) {
            // Later reviews of the bundled course's sets do not move the database back to it.
            store.append(Reviews.flashcard("clip", "q1", Reviews.T0.plusSeconds(60), FlashcardRating.GOOD));
        }
        Path again = CourseData.folderFor(data, STATS, () -> {
            loads.incrementAndGet();
            return Optional.of(BUNDLED);
        });

        assertThat(again).isEqualTo(data);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFreshDataFolderIsTheBundledCoursesOnceOpened() {
        assertThat(CourseData.folderFor(data, STATS, () -> Optional.of(BUNDLED)))
                .isEqualTo(data.resolve("courses").resolve(STATS.id()));
        assertThat(data.resolve(CourseData.OWNER_FILE)).hasContent(BUNDLED.id());
        assertThat(Files.exists(data.resolve("progress.db"))).isFalse();
    }

    @Test
    void twoCoursesWithTheSameSetIdsKeepTheirProgressApart() throws Exception {
        Path bundledFolder = CourseData.folderFor(data, BUNDLED, () -> Optional.of(BUNDLED));
        Path copyFolder = CourseData.folderFor(data, SAME_IDS, () -> Optional.of(BUNDLED));
        try (ProgressStore store = ProgressStore.open(copyFolder, clock)) {
            store.append(Reviews.flashcard("clip", "q1", Reviews.T0, FlashcardRating.GOOD));
        }

        try (ProgressStore bundled = ProgressStore.open(bundledFolder, clock);
                ProgressStore copy = ProgressStore.open(copyFolder, clock)) {
            assertThat(bundled.allReviews()).isEmpty();
            assertThat(copy.allReviews()).hasSize(1);
        }
    }

    private void legacyReviewsOf(String... sets) {
        try (ProgressStore store = ProgressStore.open(data, clock)) {
            int i = 0;
            for (String set : sets) {
                store.append(Reviews.flashcard(set, "q" + i, Reviews.T0.plusSeconds(i++), FlashcardRating.GOOD));
            }
        }
    }
}
