package dev.lectern.ui.transfer;

import dev.lectern.course.Course;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.interchange.anki.AnkiExporter;
import dev.lectern.pdf.PdfExporter;
import dev.lectern.study.Exam;
import dev.lectern.ui.Background;
import dev.lectern.ui.DialogService;
import dev.lectern.ui.Messages;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File > Export: a PDF study sheet of the open reading or its week (answers shown or hidden, for self-testing), the
 * report of the latest finished exam, and Anki notes of the reading's question sets or of the whole course. Files are
 * written in the background, atomically; a message says where and how big.
 */
public final class CourseExport {

    private static final Logger LOG = LoggerFactory.getLogger(CourseExport.class);
    static final List<String> ANSWERS = List.of("With Answers", "Answers Hidden", "Cancel");

    private final Background tasks;
    private final DialogService dialogs;
    private final Supplier<Course> course;
    private final Supplier<Reading> reading;
    /** Reads the finished exams, newest first; called in the background. */
    private final Supplier<List<Exam>> finishedExams;
    private final ZoneId zone;

    public CourseExport(Executor background, Executor ui, DialogService dialogs, Supplier<Course> course,
            Supplier<Reading> reading, Supplier<List<Exam>> finishedExams, ZoneId zone) {
        this.tasks = new Background(background, ui);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.course = Objects.requireNonNull(course);
        this.reading = Objects.requireNonNull(reading);
        this.finishedExams = Objects.requireNonNull(finishedExams);
        this.zone = Objects.requireNonNull(zone);
    }

    /** A study sheet of the reading on show. */
    public void readingSheet() {
        Reading r = reading.get();
        if (course.get() == null || r == null) {
            dialogs.showError("Export", "Open a reading first: the study sheet is of the reading on show.");
            return;
        }
        askAnswers("Study Sheet: " + r.shortTitle()).ifPresent(hide ->
                dialogs.chooseSaveFile("Export Study Sheet", r.id() + (hide ? "-self-test" : "") + ".pdf")
                        .ifPresent(out -> write("Study sheet", out,
                                () -> pdf(new PdfExporter(course.get()).exportReading(r.id(), hide, out)))));
    }

    /** A study sheet of every reading in the week of the reading on show. */
    public void weekSheet() {
        Reading r = reading.get();
        if (course.get() == null || r == null) {
            dialogs.showError("Export", "Open a reading of the week first: the study sheet is of its week.");
            return;
        }
        int week = r.week();
        askAnswers("Study Sheet: Week " + week).ifPresent(hide ->
                dialogs.chooseSaveFile("Export Study Sheet", "week-" + week + (hide ? "-self-test" : "") + ".pdf")
                        .ifPresent(out -> write("Study sheet", out,
                                () -> pdf(new PdfExporter(course.get()).exportWeek(week, hide, out)))));
    }

    /** The report of the latest finished exam; the exams are read in the background. */
    public void latestExamReport() {
        tasks.supply(finishedExams::get, this::reportOn, e -> {
            LOG.warn("reading the exams failed", e);
            dialogs.showError("Export", "The exams could not be read: " + Messages.reason(e));
        });
    }

    private void reportOn(List<Exam> exams) {
        if (exams.isEmpty() || course.get() == null) {
            dialogs.showInformation("Export", "There is no finished exam to report on yet.");
            return;
        }
        Exam exam = exams.get(0);
        dialogs.chooseSaveFile("Export Exam Report", "exam-" + exam.id() + ".pdf").ifPresent(out ->
                write("Exam report", out, () -> pdf(new PdfExporter(course.get()).exportExam(exam, zone, out))));
    }

    /** Anki notes of the question sets of the reading on show (all of them in one file when there are several). */
    public void readingToAnki() {
        Reading r = reading.get();
        Course c = course.get();
        if (c == null || r == null || c.questionSetsFor(r).isEmpty()) {
            dialogs.showError("Export", "Open a reading with a question set first.");
            return;
        }
        QuestionSet set = c.questionSetsFor(r).get(0);
        dialogs.chooseSaveFile("Export to Anki", set.id() + "-anki.txt").ifPresent(out ->
                write("Anki notes", out, () -> anki(new AnkiExporter(c).exportSet(set.id(), out))));
    }

    /** Anki notes of every question of the course. */
    public void courseToAnki() {
        Course c = course.get();
        if (c == null) {
            dialogs.showError("Export", "Open a course first.");
            return;
        }
        dialogs.chooseSaveFile("Export to Anki", "lectern-anki.txt").ifPresent(out ->
                write("Anki notes", out, () -> anki(new AnkiExporter(c).exportAll(out))));
    }

    private Optional<Boolean> askAnswers(String title) {
        return dialogs.choose(title, "Print the reference answers, or hide them to test yourself on paper?", ANSWERS)
                .filter(choice -> !choice.equals(ANSWERS.get(2))).map(choice -> choice.equals(ANSWERS.get(1)));
    }

    private static String pdf(PdfExporter.Result r) {
        return Messages.plural(r.pages(), "page") + " (" + size(r.bytes()) + ") written to " + r.file() + "."
                + (r.notes().isEmpty() ? "" : "\n" + String.join("\n", r.notes()));
    }

    private static String anki(AnkiExporter.Result r) {
        return Messages.plural(r.notes(), "note") + " (" + size(r.bytes()) + ") written to " + r.file()
                + ". In Anki: File > Import, and choose this file.";
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%d KB", Math.round(bytes / 1024.0));
    }

    private void write(String what, Path out, Background.Task<String> work) {
        tasks.supply(work, said -> dialogs.showInformation(what + " exported", said), e -> {
            LOG.warn("exporting {} to {} failed", what, out, e);
            dialogs.showError("Export", out.getFileName() + ": " + what.toLowerCase(Locale.ROOT)
                    + " could not be written: " + Messages.reason(e));
        });
    }
}
