package dev.lectern.interchange.anki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.interchange.ImportKind;
import dev.lectern.interchange.ImportOptions;
import dev.lectern.interchange.ImportPlan;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.ImportResult;
import dev.lectern.interchange.Importer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anki "Notes in Plain Text" files written from a course and read back by Lectern's own Anki importer. */
class AnkiExporterTest {

    static final Path REPO = Path.of("").toAbsolutePath();

    static final String READING = """
            ---
            id: unicode
            title: "Müller: α≤β"
            week: 3
            questionSets: [unicode-set]
            ---

            ## Abstract

            About Σ.
            """;

    static final String SET = """
            {
              "id": "unicode-set",
              "title": "Ümlaut questions",
              "readings": ["unicode"],
              "questions": [
                {
                  "id": "greek",
                  "prompt": "Why does α≤β matter to Müller?",
                  "referenceAnswer": "Because Σ grows → ∞ when α≤β, as Müller shows for é.",
                  "keyPoints": ["Σ diverges", "α≤β"],
                  "tags": ["greek letters", "Math"]
                },
                {
                  "id": "format",
                  "prompt": "A prompt with \\"quotes\\" and a **bold** word?",
                  "referenceAnswer": "Line one has a\\ttab.\\n\\n- item **one**\\n- item two",
                  "tags": ["format"]
                },
                {
                  "id": "code",
                  "prompt": "What does this print?",
                  "referenceAnswer": "It prints:\\n\\n```\\nfirst line\\n\\tsecond line\\n```"
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    private Course temporaryCourse() throws Exception {
        Path root = dir.resolve("course");
        Files.createDirectories(root.resolve("readings"));
        Files.createDirectories(root.resolve("questions"));
        Files.writeString(root.resolve("readings/unicode.md"), READING);
        Files.writeString(root.resolve("questions/unicode-set.json"), SET);
        LoadedCourse loaded = CourseLoader.load(root);
        assertThat(loaded.problems()).isEmpty();
        return loaded.course();
    }

    /** Imports {@code file} into an empty course with Lectern's Anki importer and returns the one set it makes. */
    private QuestionSet importBack(Path file, String name) {
        Path into = dir.resolve("imported-" + name);
        ImportPlan plan = Importer.plan(ImportKind.ANKI, List.of(file), into,
                new ImportOptions(OptionalInt.of(1), Optional.empty()));
        assertThat(plan.report().skipped()).extracting(ImportReport.Entry::message).isEmpty();
        ImportResult result = Importer.apply(plan);
        assertThat(result.succeeded()).isTrue();
        LoadedCourse loaded = CourseLoader.load(into);
        assertThat(loaded.course().questionSets()).hasSize(1);
        return loaded.course().questionSets().get(0);
    }

    @Test
    void theFileHasAnkisHeadersAndOneNotePerQuestion() throws Exception {
        Course course = temporaryCourse();
        Path out = dir.resolve("unicode.txt");

        AnkiExporter.Result result = new AnkiExporter(course).exportSet("unicode-set", out);

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.subList(0, 8)).containsExactly("#separator:tab", "#html:true", "#notetype:Basic",
                "#deck:Lectern::course::Ümlaut questions",
                "#columns:guid\tFront\tBack\tTags\tKey points\tLectern id\tSet\tReading", "#guid column:1",
                "#tags column:4", lines.get(7));
        assertThat(lines.subList(7, lines.size())).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("lectern-"));
        assertThat(result.notes()).isEqualTo(3);
        assertThat(result.bytes()).isEqualTo(Files.size(out));
        assertThat(lines.get(7)).contains("\tWhy does α≤β matter to Müller?\t",
                "<p>Because Σ grows → ∞ when α≤β, as Müller shows for é.</p>",
                "<li>Σ diverges</li>", "\tgreek-letters math set::unicode-set reading::unicode\t",
                "\t<ul><li>Σ diverges</li><li>α≤β</li></ul>\tunicode-set/greek\tÜmlaut questions\tunicode");
        assertThat(lines.get(8)).as("a field with quotes is quoted, its quotes doubled")
                .contains("\t\"A prompt with \"\"quotes\"\" and a <strong>bold</strong> word?\"\t");
        assertThat(lines.get(9)).as("code keeps its line breaks as <br>").contains("first line<br>");
    }

    @Test
    void judgedExamplesTravelInAHiddenCommentAndAreNeverShownOrImportedAsAnswers() throws Exception {
        Path root = dir.resolve("with-examples");
        Files.createDirectories(root.resolve("readings"));
        Files.createDirectories(root.resolve("questions"));
        Files.writeString(root.resolve("readings/unicode.md"), READING);
        Files.writeString(root.resolve("questions/unicode-set.json"), SET.replace("\"tags\": [\"greek letters\", \"Math\"]",
                "\"tags\": [\"greek letters\", \"Math\"], \"examples\": [{\"answer\": \"Sigma blows up --> infinity\","
                        + " \"verdict\": \"correct\", \"note\": \"informal\"}, {\"answer\": \"It shrinks\", \"verdict\": \"incorrect\"}]"));
        LoadedCourse loaded = CourseLoader.load(root);
        assertThat(loaded.problems()).isEmpty();
        Path out = dir.resolve("examples.txt");
        new AnkiExporter(loaded.course()).exportSet("unicode-set", out);

        String back = Files.readAllLines(out).stream().filter(l -> l.contains("greek")).findFirst().orElseThrow()
                .split("\t")[2];
        assertThat(back).contains("<!-- lectern-examples: correct: Sigma blows up -\u2010\u203A infinity (informal) |"
                + " incorrect: It shrinks | -->");
        assertThat(org.jsoup.Jsoup.parse(back.replace("\"\"", "\"")).text()).doesNotContain("Sigma", "shrinks");
        QuestionSet imported = importBack(out, "examples");
        assertThat(imported.questions().get(0).referenceAnswer()).doesNotContain("Sigma", "shrinks");
        assertThat(imported.questions().get(0).alternativeAnswers()).isEmpty();
    }

    @Test
    void theAnkiImporterGivesBackTheSameIdsTitleKeyPointsReadingPromptsAnswersAndTags() throws Exception {
        Course course = temporaryCourse();
        Path out = dir.resolve("unicode.txt");
        new AnkiExporter(course).exportSet("unicode-set", out);

        QuestionSet back = importBack(out, "unicode");

        QuestionSet original = course.questionSet("unicode-set").orElseThrow();
        assertThat(back.id()).isEqualTo("unicode-set");
        assertThat(back.title()).isEqualTo("Ümlaut questions");
        assertThat(back.readingIds()).containsExactly("unicode");
        assertThat(back.questions()).extracting(Question::id).containsExactly("greek", "format", "code");
        assertThat(back.questions()).extracting(Question::prompt).containsExactly("Why does α≤β matter to Müller?",
                "A prompt with \"quotes\" and a **bold** word?", "What does this print?");
        for (int i = 0; i < original.questions().size(); i++) {
            Question before = original.questions().get(i);
            Question after = back.questions().get(i);
            assertThat(after.keyPoints()).isEqualTo(before.keyPoints());
            assertThat(after.tags()).as("the export's set:: and reading:: tags are not the question's own")
                    .noneMatch(t -> t.startsWith("set::") || t.startsWith("reading::"));
        }
        assertThat(back.questions().get(0).referenceAnswer())
                .isEqualTo("Because Σ grows → ∞ when α≤β, as Müller shows for é.");
        assertThat(back.questions().get(0).tags()).containsExactly("greek-letters", "math");
        assertThat(back.questions().get(1).referenceAnswer()).contains("Line one has a", "tab.", "item **one**",
                "item two");
        assertThat(back.questions().get(2).referenceAnswer()).contains("first line", "second line");
    }

    @Test
    void theBundledLlavaSetRoundTripsThroughTheImporter() throws Exception {
        Course course = CourseLoader.load(REPO).course();
        Path out = dir.resolve("llava.txt");
        new AnkiExporter(course).exportSet("llava", out);

        QuestionSet back = importBack(out, "llava");

        QuestionSet original = course.questionSet("llava").orElseThrow();
        assertThat(back.questions()).extracting(Question::prompt)
                .containsExactlyElementsOf(original.questions().stream().map(Question::prompt).toList());
        for (int i = 0; i < original.questions().size(); i++) {
            Question before = original.questions().get(i);
            Question after = back.questions().get(i);
            assertThat(after.referenceAnswer().replaceAll("\\s+", " "))
                    .startsWith(before.referenceAnswer().replaceAll("\\s+", " "));
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.keyPoints()).isEqualTo(before.keyPoints());
            assertThat(after.tags()).containsAll(before.tags());
        }
    }

    @Test
    void guidsAreTheSameInTwoExportsAndDifferForEveryQuestion() throws Exception {
        Course course = CourseLoader.load(REPO).course();
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");

        new AnkiExporter(course).exportAll(first);
        new AnkiExporter(CourseLoader.load(REPO).course()).exportAll(second);

        List<String> guids = guids(first);
        assertThat(guids).hasSize(course.questionCount()).doesNotHaveDuplicates().isEqualTo(guids(second));
        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
    }

    @Test
    void exportingEverySetGivesEachItsDeckInADeckColumn() throws Exception {
        Course course = CourseLoader.load(REPO).course();
        Path out = dir.resolve("all.txt");

        AnkiExporter.Result result = new AnkiExporter(course).exportAll(out);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).contains("#columns:guid\tFront\tBack\tTags\tDeck\tKey points\tLectern id\tSet\tReading",
                "#deck column:5")
                .noneMatch(l -> l.startsWith("#deck:"));
        assertThat(result.notes()).isEqualTo(course.questionCount());
        assertThat(lines).anyMatch(l -> l.contains("\tLectern::" + course.info().title() + "::"
                + course.questionSet("llava").orElseThrow().title() + "\t"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(out);
        }
    }

    @Test
    void anUnknownSetIsRefusedWithTheSetsThereAre() throws Exception {
        Course course = temporaryCourse();

        assertThatThrownBy(() -> new AnkiExporter(course).exportSet("nope", dir.resolve("x.txt")))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("unicode-set");
    }

    @Test
    void tagsAreSlugsWithoutSpaces() {
        assertThat(AnkiExporter.tag("Greek letters & Math")).isEqualTo("greek-letters-math");
        assertThat(AnkiExporter.tag("  vision-language ")).isEqualTo("vision-language");
        assertThat(AnkiExporter.field("a\tb")).isEqualTo("\"a\tb\"");
        assertThat(AnkiExporter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AnkiExporter.field("plain")).isEqualTo("plain");
    }

    private static List<String> guids(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).map(l -> l.substring(0,
                l.indexOf('\t'))).toList();
    }
}
