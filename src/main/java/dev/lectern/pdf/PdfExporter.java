package dev.lectern.pdf;

import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.course.Week;
import dev.lectern.files.PlainTitle;
import dev.lectern.render.MarkdownRenderer;
import dev.lectern.study.Exam;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Writes PDFs of the course: study sheets of a reading or a week, and exam reports. The text is real text in DejaVu
 * fonts embedded as subsets, so it can be selected and searched and non-Latin letters and math symbols print;
 * characters the fonts lack print as a white square. Every file is written atomically: to a temporary file beside it,
 * forced to disk, then renamed over the target, so a failed export never leaves half a file.
 */
public final class PdfExporter {

    /** What an export wrote, and anything the user should know (images not found, characters substituted). */
    public record Result(Path file, int pages, long bytes, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private final Course course;
    private final MarkdownRenderer renderer;

    public PdfExporter(Course course) {
        this.course = course;
        this.renderer = new MarkdownRenderer(course.root().toAbsolutePath().normalize());
    }

    /**
     * A study sheet of one reading.
     *
     * @param hideAnswers leave out reference answers and key points, with ruled lines to write on instead
     * @throws NoSuchElementException when the course has no such reading (the message names the readings it has)
     */
    public Result exportReading(String readingId, boolean hideAnswers, Path out) throws IOException {
        Reading reading = course.reading(readingId).orElseThrow(() -> new NoSuchElementException("There is no reading \""
                + readingId + "\" in this course. Its readings are: " + String.join(", ",
                        course.readings().stream().map(Reading::id).toList()) + "."));
        List<String> notes = new ArrayList<>();
        return write(out, reading.title(), reading.title(), notes, (images, typesetter, markdown) ->
                new StudySheet(course, images, typesetter, markdown, hideAnswers).reading(reading));
    }

    /**
     * A study sheet of every reading of a week, each from a new page.
     *
     * @throws NoSuchElementException when no reading is in that week (the message names the weeks there are)
     */
    public Result exportWeek(int week, boolean hideAnswers, Path out) throws IOException {
        List<Reading> readings = course.readingsOfWeek(week);
        if (readings.isEmpty()) {
            throw new NoSuchElementException("No reading of this course is in week " + week + ". Its weeks are: "
                    + String.join(", ", course.readings().stream().map(r -> Integer.toString(r.week())).distinct()
                            .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).toList())
                    + ".");
        }
        String label = course.info().weeks().stream().filter(w -> w.number() == week).map(Week::label).findFirst()
                .orElse("");
        String title = course.info().title() + ", week " + week;
        List<String> notes = new ArrayList<>();
        return write(out, title, title, notes, (images, typesetter, markdown) ->
                new StudySheet(course, images, typesetter, markdown, hideAnswers).week(week, label, readings));
    }

    /** An exam report: the total, and each question with the answer given, score, verdict and reference answer. */
    public Result exportExam(Exam exam, ZoneId zone, Path out) throws IOException {
        String title = "Exam report: " + exam.title();
        List<String> notes = new ArrayList<>();
        return write(out, title, title, notes, (images, typesetter, markdown) ->
                new ExamReport(typesetter, markdown, course.root().toAbsolutePath().normalize(), zone)
                        .write(exam, course.info().title()));
    }

    @FunctionalInterface
    private interface Content {
        void write(PdfImages images, Typesetter typesetter, MarkdownText markdown) throws IOException;
    }

    private Result write(Path out, String title, String footer, List<String> notes, Content content)
            throws IOException {
        Path target = out.toAbsolutePath().normalize();
        // Titles are the author's words: the metadata and the footer take them as plain text, without markup.
        String plainTitle = PlainTitle.of(title, "Lectern");
        String plainFooter = PlainTitle.of(footer);
        int[] counts = new int[2];
        List<String> drawingNotes = new ArrayList<>();
        dev.lectern.files.AtomicFiles.write(target, temp -> {
            try (PDDocument doc = new PDDocument()) {
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(plainTitle);
                info.setCreator("Lectern");
                info.setProducer("Lectern (Apache PDFBox)");
                info.setCreationDate(Calendar.getInstance());
                PdfFonts fonts = new PdfFonts(doc);
                PdfFormulas formulas = new PdfFormulas(doc);
                PdfImages images = new PdfImages(doc, course.root());
                try (Typesetter typesetter = new Typesetter(doc, fonts, plainFooter)) {
                    content.write(images, typesetter, new MarkdownText(renderer, typesetter,
                            new MarkdownText.Pictures(formulas, images)));
                    typesetter.footers();
                }
                drawingNotes.clear();
                drawingNotes.addAll(images.notes());
                drawingNotes.addAll(formulas.notes());
                counts[0] = doc.getNumberOfPages();
                counts[1] = fonts.substituted();
                doc.save(temp.toFile());
            }
        });
        int pages = counts[0];
        int substituted = counts[1];
        notes.addAll(drawingNotes);
        if (substituted > 0) {
            notes.add(substituted + (substituted == 1 ? " character has" : " characters have")
                    + " no glyph in the DejaVu fonts and printed as " + PdfFonts.PLACEHOLDER + ".");
        }
        return new Result(target, pages, Files.size(target), notes);
    }
}
