package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.pdf.PdfExporter;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Titles with markup and control characters, written by an author into real course files, reach the Anki export's
 * deck header and deck column and the PDFs' document information as plain text on one line.
 */
class HostileTitleExportTest {

    /** Tab, line feed and carriage return separate an Anki file's fields and lines; no other control character. */
    private static final String CONTROL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u2028\\u2029]";

    @TempDir
    Path dir;

    Path course;

    @BeforeEach
    void writeTheCourse() throws Exception {
        course = Files.createDirectories(dir.resolve("course"));
        Files.createDirectories(course.resolve("readings"));
        Files.createDirectories(course.resolve("questions"));
        Files.writeString(course.resolve("readings/course.yaml"),
                "title: \"Hostile <img src=x onerror=alert(1)> course\\x07\\Lend\"\n");
        Files.writeString(course.resolve("readings/hostile.json"), """
                {
                  "id": "hostile",
                  "title": "Reading <script>alert('r')</script>a < b\\u0085\\u2028\\n\\tdone",
                  "week": 3,
                  "questionSets": ["hostile-set"],
                  "abstract": "Plain words."
                }
                """);
        Files.writeString(course.resolve("questions/hostile-set.json"), """
                {
                  "id": "hostile-set",
                  "title": "Set <script>alert(1)</script><img src=x onerror=alert(2)> a < b\\u0007\\u2028\\u009b\\nend",
                  "readings": ["hostile"],
                  "questions": [
                    {"id": "one", "prompt": "What is one?", "referenceAnswer": "The first number."}
                  ]
                }
                """);
    }

    private Course loaded() {
        LoadedCourse loaded = CourseLoader.load(course);
        assertThat(loaded.errorCount()).as("%s", loaded.problems()).isZero();
        return loaded.course();
    }

    private static void assertPlain(String text) {
        assertThat(text).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainPattern(CONTROL).doesNotContain("\t").doesNotContain("\n").doesNotContain("\r");
    }

    private static PDDocumentInformation information(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getDocumentInformation();
        }
    }

    @Test
    void aHostileSetTitleReachesTheAnkiDeckHeaderAsPlainText() throws Exception {
        Path out = dir.resolve("set-anki.txt");

        CliRun run = CliRun.run("export", "anki", "--set", "hostile-set", "--out", out.toString(), "--course",
                course.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        List<String> deck = text.lines().filter(l -> l.startsWith("#deck:")).toList();
        assertThat(deck).containsExactly("#deck:Lectern::Hostile course end::Set a < b end");
        assertThat(text).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainPattern(CONTROL);
        text.lines().filter(l -> l.startsWith("#")).forEach(l -> assertThat(l.replace("\t", " ")).satisfies(
                HostileTitleExportTest::assertPlain));
    }

    @Test
    void anExportOfEverySetPutsThePlainDeckNameInTheDeckColumn() throws Exception {
        Files.writeString(course.resolve("questions/plain-set.json"), """
                {"id": "plain-set", "title": "Plain", "readings": ["hostile"],
                 "questions": [{"id": "two", "prompt": "What is two?", "referenceAnswer": "The second number."}]}
                """);
        Path out = dir.resolve("all-anki.txt");

        CliRun run = CliRun.run("export", "anki", "--all", "--out", out.toString(), "--course", course.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> notes = Files.readString(out, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#")).map(note -> List.of(note.split("\t", -1))).toList();
        assertThat(notes).as("guid, Front, Back, Tags, Deck, then Key points, Lectern id, Set, Reading")
                .allSatisfy(fields -> assertThat(fields).hasSize(9));
        assertThat(notes).extracting(fields -> fields.get(7)).containsExactlyInAnyOrder("Set a &lt; b end", "Plain");
        assertThat(notes).extracting(fields -> fields.get(4)).containsExactlyInAnyOrder("Lectern::Hostile course end::Set a < b end",
                "Lectern::Hostile course end::Plain");
    }

    @Test
    void aHostileReadingTitleReachesTheStudySheetsMetadataAsPlainText() throws Exception {
        Path out = dir.resolve("hostile.pdf");

        CliRun run = CliRun.run("export", "pdf", "--reading", "hostile", "--out", out.toString(), "--course",
                course.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        PDDocumentInformation info = information(out);
        assertThat(info.getTitle()).isEqualTo("Reading a < b done").satisfies(HostileTitleExportTest::assertPlain);
        assertThat(info.getSubject()).isNull();
    }

    @Test
    void aHostileCourseTitleReachesTheWeeksSheetMetadataAsPlainText() throws Exception {
        Path out = dir.resolve("week-3.pdf");

        CliRun run = CliRun.run("export", "pdf", "--week", "3", "--out", out.toString(), "--course", course.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(information(out).getTitle()).isEqualTo("Hostile course end, week 3");
    }

    @Test
    void anExamOnAHostileSetHasAPlainTitleInItsReportsMetadata() throws Exception {
        Course c = loaded();
        QuestionSet set = c.questionSet("hostile-set").orElseThrow();
        Exam exam = Exam.start("exam-1", set.title(), List.of(new DrillItem(set, set.questions().get(0))),
                Optional.empty(), Instant.parse("2026-03-02T10:00:00Z"));
        Path out = dir.resolve("exam.pdf");

        new PdfExporter(c).exportExam(exam, ZoneOffset.UTC, out);

        assertThat(information(out).getTitle()).isEqualTo("Exam report: Set a < b end")
                .satisfies(HostileTitleExportTest::assertPlain);
    }
}
