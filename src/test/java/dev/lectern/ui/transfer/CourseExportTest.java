package dev.lectern.ui.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.files.DefaultCourse;
import dev.lectern.study.Exam;
import dev.lectern.ui.RecordingDialogs;
import dev.lectern.ui.UiQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Export without a window: the choices asked, the files written, and what the author is told. */
class CourseExportTest {

    static Course course;
    static Reading llava;

    @TempDir
    Path dir;

    final RecordingDialogs dialogs = new RecordingDialogs();
    final UiQueue ui = new UiQueue();

    @BeforeAll
    static void loadCourse() throws IOException {
        course = CourseLoader.load(DefaultCourse.locate()).course();
        llava = course.reading("llava").orElseThrow();
    }

    private CourseExport exports(Reading reading, List<Exam> exams) {
        return new CourseExport(Runnable::run, ui, dialogs, () -> course, () -> reading, () -> exams, ZoneOffset.UTC);
    }

    private void waitForTheLastMessage() {
        ui.runUntil(() -> dialogs.shown.stream().anyMatch(s -> s.startsWith("info: ") || s.startsWith("error: ")));
    }

    @Test
    void aStudySheetWithAnswersHiddenIsWrittenWhereTheAuthorChose() throws IOException {
        Path out = dir.resolve("llava-self-test.pdf");
        dialogs.choices.add(CourseExport.ANSWERS.get(1));
        dialogs.nextSaveFile = java.util.Optional.of(out);

        exports(llava, List.of()).readingSheet();
        waitForTheLastMessage();

        assertThat(dialogs.shown).contains("save file: Export Study Sheet: llava-self-test.pdf");
        assertThat(dialogs.shown.get(dialogs.shown.size() - 1)).startsWith("info: Study sheet exported: ")
                .contains("written to " + out);
        assertThat(new String(Files.readAllBytes(out), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    void cancellingTheAnswersQuestionWritesNothing() {
        exports(llava, List.of()).weekSheet();

        assertThat(dialogs.shown).singleElement().asString().startsWith("choose: Study Sheet: Week 7");
    }

    @Test
    void theReadingsQuestionsGoToAnAnkiFile() throws IOException {
        Path out = dir.resolve("llava-anki.txt");
        dialogs.nextSaveFile = java.util.Optional.of(out);

        exports(llava, List.of()).readingToAnki();
        waitForTheLastMessage();

        assertThat(Files.readString(out)).startsWith("#separator:tab");
        assertThat(dialogs.shown.get(dialogs.shown.size() - 1)).startsWith("info: Anki notes exported: 11 notes");
    }

    @Test
    void withoutAFinishedExamThereIsNoReportToWrite() {
        exports(llava, List.of()).latestExamReport();
        waitForTheLastMessage();

        assertThat(dialogs.shown).containsExactly("info: Export: There is no finished exam to report on yet.");
    }

    @Test
    void examsThatCannotBeReadAreSaidToBeUnreadableInsteadOfReported() {
        Thread caller = Thread.currentThread();
        List<Thread> readOn = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            new CourseExport(background, ui, dialogs, () -> course, () -> llava, () -> {
                readOn.add(Thread.currentThread());
                throw new IllegalStateException("disk I/O error");
            }, ZoneOffset.UTC).latestExamReport();
            waitForTheLastMessage();
        } finally {
            background.shutdownNow();
        }

        assertThat(readOn).hasSize(1).doesNotContain(caller);
        assertThat(dialogs.shown).containsExactly("error: Export: The exams could not be read: disk I/O error");
    }

    @Test
    void withoutAReadingOnShowItSaysWhatToOpen() {
        exports(null, List.of()).readingSheet();

        assertThat(dialogs.shown).containsExactly("error: Export: Open a reading first: the study sheet is of the"
                + " reading on show.");
    }
}
