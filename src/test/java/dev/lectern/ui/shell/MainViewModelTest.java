package dev.lectern.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.render.Theme;
import dev.lectern.search.SearchHit;
import dev.lectern.ui.RecordingDialogs;
import dev.lectern.ui.TestCourses;
import dev.lectern.ui.library.LibraryWeek;
import dev.lectern.ui.reading.ReadingFocus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's state, without a window: background and UI work run at once on the test thread. */
class MainViewModelTest {

    @TempDir
    Path dir;

    Path course;
    RecordingDialogs dialogs = new RecordingDialogs();
    MainViewModel model;

    @BeforeEach
    void setUp() {
        course = TestCourses.copyOfBundledCourse(dir.resolve("course"));
        model = new MainViewModel(Runnable::run, Runnable::run, dialogs);
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    private LoadedCourse open(Optional<String> reading) {
        return model.openCourse(course, reading).join();
    }

    @Test
    void openingACourseSelectsTheFirstReadingAndRendersIt() {
        LoadedCourse loaded = open(Optional.empty());

        assertThat(loaded.course().readings()).hasSize(10);
        Reading first = loaded.course().readings().get(0);
        assertThat(model.selectedReadingProperty().get()).isEqualTo(first);
        assertThat(model.readingHtmlProperty().get()).contains(first.title()).contains("data-reading-id=\"" + first.id() + "\"");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("10 readings, 10 question sets, 97 questions");
    }

    @Test
    void aCourseOfOneReadingWithOneQuestionIsCountedInTheSingular() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.createDirectories(small.resolve("readings"));
        Files.createDirectories(small.resolve("questions"));
        Files.copy(course.resolve("readings/llava.md"), small.resolve("readings/llava.md"));
        Files.writeString(small.resolve("questions/llava.json"), """
                {"id": "llava", "title": "LLaVA", "readings": ["llava"], "questions": [
                  {"id": "what", "prompt": "What is LLaVA?", "referenceAnswer": "A vision-language assistant.",
                   "keyPoints": ["vision-language assistant"]}
                ]}
                """);

        model.openCourse(small, Optional.empty()).join();

        assertThat(model.statusProperty().get()).isEqualTo("1 reading, 1 question set, 1 question");
    }

    @Test
    void selectingLlavaShowsItsAbstractAndItsQuestionSet() {
        open(Optional.empty());

        model.selectReading("llava");

        assertThat(model.readingHtmlProperty().get()).contains("Visual Instruction Tuning").contains("id=\"abstract\"");
        assertThat(model.questionSets()).extracting(QuestionSet::id).containsExactly("llava");
    }

    @Test
    void openingWithAReadingIdSelectsThatReading() {
        open(Optional.of("lvm"));

        assertThat(model.selectedReadingProperty().get().id()).isEqualTo("lvm");
    }

    @Test
    void aTypoThatBreaksTheOpenReadingKeepsItsLastGoodVersionOnScreenAndItComesBackWhenFixed() throws Exception {
        open(Optional.of("lvm"));
        String shown = model.readingHtmlProperty().get();
        Path file = course.resolve("readings/lvm.md");
        String good = Files.readString(file);

        Files.writeString(file, good.replaceFirst("(?m)^week: \\d+", "week: seven"));
        model.reload().join();
        // (the folder watcher may reload once more on its own: wait for the loads to settle)
        waitUntil(() -> model.statusProperty().get().contains("readings/lvm.md has a problem: its last good version"
                + " stays on screen until it is fixed."));

        assertThat(model.selectedReadingProperty().get().id()).isEqualTo("lvm");
        assertThat(model.readingHtmlProperty().get()).isEqualTo(shown);

        Files.writeString(file, good.replace("Four sizes are trained", "Four model sizes are trained"));
        model.reload().join();
        waitUntil(() -> model.readingHtmlProperty().get().contains("Four model sizes are trained")
                && !model.busyProperty().get());

        assertThat(model.selectedReadingProperty().get().id()).isEqualTo("lvm");
        assertThat(model.statusProperty().get()).doesNotContain("has a problem");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not come true within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void switchingCoursesReopensTheReadingLeftOpenInEach() {
        Path other = TestCourses.copyOfBundledCourse(dir.resolve("other"));
        open(Optional.of("lvm"));

        model.openCourse(other, Optional.empty()).join();
        assertThat(model.selectedReadingProperty().get().id()).as("a course not opened before starts on its first")
                .isEqualTo(model.courseProperty().get().readings().get(0).id());
        model.selectReading("llava");

        model.openCourse(course, Optional.empty()).join();
        assertThat(model.selectedReadingProperty().get().id()).isEqualTo("lvm");
        model.openCourse(other, Optional.empty()).join();
        assertThat(model.selectedReadingProperty().get().id()).isEqualTo("llava");
    }

    @Test
    void libraryGroupsReadingsByWeekAndSession() {
        open(Optional.empty());

        assertThat(model.library()).extracting(w -> w.week().number()).containsExactly(6, 7, 8, 9);
        LibraryWeek week7 = model.library().get(1);
        assertThat(week7.sessions()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("Tuesday: Multimodal / Vision FM");
            assertThat(s.readings()).extracting(Reading::id)
                    .containsExactlyInAnyOrder("emu-video", "llava", "segment-anything", "convnets-match-vits");
        });
    }

    @Test
    void tagFilterKeepsOnlyReadingsWithThatTag() {
        open(Optional.empty());
        String tag = model.tags().stream().filter(t -> t.equals("instruction-tuning")).findFirst().orElseThrow();

        model.tagFilterProperty().set(tag);

        assertThat(model.library()).flatExtracting(w -> w.sessions().stream().flatMap(s -> s.readings().stream())
                .map(Reading::id).toList()).containsExactly("llava");
        model.tagFilterProperty().set(null);
        assertThat(model.library()).hasSize(4);
    }

    @Test
    void switchingThemeRendersTheReadingAgainInThatTheme() {
        open(Optional.of("llava"));
        assertThat(model.readingHtmlProperty().get()).contains(Theme.LIGHT.cssClass());

        model.toggleTheme();

        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(model.readingHtmlProperty().get()).contains(Theme.DARK.cssClass());
    }

    @Test
    void searchingSegmentFindsSegmentAnythingAndOpeningTheHitSelectsIt() {
        open(Optional.of("llava"));

        model.queryProperty().set("segment");

        SearchHit hit = model.searchResultsProperty().get().readings().get(0);
        assertThat(hit.readingId()).isEqualTo("segment-anything");
        assertThat(model.open(hit)).map(Reading::id).contains("segment-anything");
        assertThat(model.selectedReadingProperty().get().id()).isEqualTo("segment-anything");
    }

    private SearchHit readingHit(String query, String readingId) {
        model.queryProperty().set(query);
        return model.searchResultsProperty().get().readings().stream()
                .filter(h -> h.readingId().equals(readingId)).findFirst().orElseThrow();
    }

    @Test
    void openingAHitForASlideMatchAsksTheViewForThatSlideAndThoseWords() {
        open(Optional.of("llava"));
        SearchHit hit = readingHit("juice", "emu-video");

        model.open(hit);

        assertThat(model.selectedReadingProperty().get().id()).isEqualTo("emu-video");
        assertThat(model.readingFocusProperty().get())
                .isEqualTo(new ReadingFocus("emu-video", "slide-4", List.of("juice")));
        assertThat(model.readingHtmlProperty().get()).contains("id=\"slide-4\"").doesNotContain("class=\"search-hit\"");
    }

    @Test
    void openingAHitForATitleMatchAsksTheViewForTheTopOfThePage() {
        open(Optional.of("llava"));

        model.open(readingHit("explicit", "emu-video"));

        ReadingFocus focus = model.readingFocusProperty().get();
        assertThat(focus.atTop()).isTrue();
        assertThat(focus.words()).containsExactly("explicit");
    }

    @Test
    void openingTheSameReadingFromTheLibraryAsksForNoMarks() {
        open(Optional.of("llava"));
        model.open(readingHit("juice", "emu-video"));

        model.selectReading("emu-video");

        assertThat(model.readingFocusProperty().get()).isNull();
    }

    @Test
    void openingAQuestionHitShowsItsReadingWithoutMarks() {
        open(Optional.of("llava"));
        model.queryProperty().set("segment");
        SearchHit question = model.searchResultsProperty().get().questions().stream()
                .filter(h -> !h.readingId().isEmpty()).findFirst().orElseThrow();

        assertThat(model.open(question)).isPresent();
        assertThat(model.readingFocusProperty().get()).isNull();
    }

    @Test
    void clearingTheQueryClearsTheResults() {
        open(Optional.empty());
        model.queryProperty().set("video");
        assertThat(model.searchResultsProperty().get()).isNotNull();

        model.queryProperty().set("");

        assertThat(model.searchResultsProperty().get()).isNull();
    }

    @Test
    void problemsOfABrokenFileAreListedWithTheirLocation() throws Exception {
        Files.writeString(course.resolve("questions/broken.json"), "{\n  \"id\": \"broken\",\n}\n");

        open(Optional.empty());

        assertThat(model.problems()).singleElement().satisfies(p -> {
            assertThat(model.describeLocation(p)).isEqualTo("questions/broken.json, line 3, column 1");
            assertThat(p.isError()).isTrue();
        });
        assertThat(model.statusProperty().get()).endsWith("1 error, 0 warnings (see Problems)");
    }

    @Test
    void reloadingKeepsTheSelectedReadingAndPicksUpChanges() throws Exception {
        open(Optional.of("lvm"));
        Path file = course.resolve("readings/lvm.md");
        Files.writeString(file, Files.readString(file).replace("shortTitle: LVM", "shortTitle: LVM (edited)"));

        model.reload().join();

        assertThat(model.selectedReadingProperty().get().id()).isEqualTo("lvm");
        assertThat(model.selectedReadingProperty().get().shortTitle()).isEqualTo("LVM (edited)");
    }

    @Test
    void openingAFolderThatIsNotACourseKeepsTheOpenCourseAndSaysWhy() throws Exception {
        open(Optional.of("llava"));
        Path notACourse = Files.createDirectories(dir.resolve("photos"));

        model.openCourse(notACourse, Optional.empty()).join();

        assertThat(model.courseProperty().get().root()).isEqualTo(course);
        assertThat(dialogs.shown).singleElement().asString().startsWith("error: Not a course folder");
    }

    @Test
    void openedCoursesGoToTheTopOfTheRecentList() throws Exception {
        Path other = TestCourses.copyOfBundledCourse(dir.resolve("other"));
        open(Optional.empty());

        model.openCourse(other, Optional.empty()).join();

        assertThat(model.recentCourses()).containsExactly(other, course);
    }

    @Test
    void zoomStaysWithinItsBounds() {
        for (int i = 0; i < 40; i++) {
            model.zoomIn();
        }
        assertThat(model.zoomProperty().get()).isEqualTo(MainViewModel.MAX_ZOOM);
        for (int i = 0; i < 40; i++) {
            model.zoomOut();
        }
        assertThat(model.zoomProperty().get()).isEqualTo(MainViewModel.MIN_ZOOM);
        model.zoomReset();
        assertThat(model.zoomProperty().get()).isEqualTo(1.0);
    }
}
