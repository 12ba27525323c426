package dev.lectern.course.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Link;
import dev.lectern.course.LinkKind;
import dev.lectern.course.Problem;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.ReadingKind;
import dev.lectern.course.Section;
import dev.lectern.course.Session;
import dev.lectern.course.Severity;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.Week;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseLoaderTest {

    @TempDir
    Path dir;

    CourseFolder course;

    @BeforeEach
    void setUp() {
        course = new CourseFolder(dir);
    }

    private static Problem only(LoadedCourse loaded, Path file) {
        List<Problem> inFile = loaded.problems().stream().filter(p -> p.file().equals(file)).toList();
        assertThat(inFile).as("problems in %s: %s", file, loaded.problems()).isNotEmpty();
        return inFile.get(0);
    }

    private static void assertGoodFilesLoaded(LoadedCourse loaded) {
        assertThat(loaded.course().reading("good")).as("the good reading beside the bad file").isPresent();
        assertThat(loaded.course().questionSet("good-set")).as("the good set beside the bad file").isPresent();
        assertThat(loaded.course().questionSet("good-set").orElseThrow().questions()).hasSize(1);
    }

    @Test
    void loaderReadsAGoodCourseWithoutProblems() {
        LoadedCourse loaded = course.load();

        assertThat(loaded.problems()).isEmpty();
        Reading reading = loaded.course().reading("good").orElseThrow();
        assertThat(reading.title()).isEqualTo("A Good Reading");
        assertThat(reading.shortTitle()).isEqualTo("Good");
        assertThat(reading.year()).hasValue(2023);
        assertThat(reading.session()).contains(new Session(1, "Tuesday"));
        assertThat(reading.abstractMarkdown()).isEqualTo("It loads.");
        assertThat(reading.slides()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("First slide");
            assertThat(s.page()).hasValue(2);
            assertThat(s.markdown()).isEqualTo("Text of the first slide.");
        });
        assertThat(reading.notesMarkdown()).isEqualTo("Remember this.");
        assertThat(loaded.course().questionSetsFor(reading)).extracting(QuestionSet::id).containsExactly("good-set");
        assertThat(loaded.course().info().weeks()).containsExactly(new Week(7, "Week 7"));
    }

    @Test
    void loaderReportsJsonSyntaxErrorWithPosition() {
        course.write("questions/broken.json", """
                {
                  "id": "broken",
                  "title": "Broken",
                  "readings": ["good"],
                }
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("questions/broken.json"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).contains("key in double quotes").contains("no comma after the last entry");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderReportsYamlSyntaxErrorInFrontMatterWithFileLine() {
        course.write("readings/bad-yaml.md", """
                ---
                id: bad-yaml
                title: LLaVA: Visual Instruction Tuning
                week: 7
                ---
                ## Abstract
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("readings/bad-yaml.md"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(13);
        assertThat(p.message()).contains("put the whole value in quotes");
        assertThat(loaded.course().reading("bad-yaml")).isEmpty();
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderReportsMissingRequiredField() {
        course.write("readings/no-title.md", """
                ---
                id: no-title
                week: 7
                ---
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("readings/no-title.md"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("\"title\" is required: the reading's full title.");
        assertThat(loaded.course().reading("no-title")).isEmpty();
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderReportsWrongTypeAtTheValue() {
        course.write("readings/typed.md", """
                ---
                id: typed
                title: Typed
                year: twenty twenty-three
                week: 7
                ---
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("readings/typed.md"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(7);
        assertThat(p.message()).isEqualTo("\"year\" should be a whole number (the year of publication, such as 2023),"
                + " but is the text \"twenty twenty-three\".");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderWarnsAboutUnknownKeyWithSuggestionAndStillLoads() {
        course.write("questions/typo.json", """
                {
                  "id": "typo",
                  "title": "Typo",
                  "readings": ["good"],
                  "questions": [
                    {
                      "id": "q",
                      "prompt": "Why?",
                      "referenceAnswer": "Because.",
                      "referenceAnwser": "Oops"
                    }
                  ]
                }
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("questions/typo.json"));
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.line()).isEqualTo(10);
        assertThat(p.column()).isEqualTo(7);
        assertThat(p.message()).isEqualTo("Unknown key \"referenceAnwser\" in this question (it is ignored)."
                + " Did you mean \"referenceAnswer\"?");
        assertThat(loaded.course().questionSet("typo").orElseThrow().questions()).hasSize(1);
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderReportsDuplicateReadingIdsAcrossFiles() {
        course.write("readings/good.json", """
                {
                  "id": "good",
                  "title": "The same id in JSON",
                  "week": 7
                }
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("readings/good.md"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(5);
        assertThat(p.message()).isEqualTo("Another reading already has the id \"good\" (readings/good.json);"
                + " ids must be unique, so this one is left out.");
        assertThat(loaded.course().readings()).hasSize(1);
    }

    @Test
    void loaderReportsDuplicateQuestionSetIdsAcrossFiles() {
        course.write("questions/zz-copy.json", CourseFolder.GOOD_SET);

        LoadedCourse loaded = course.load();

        Problem dup = loaded.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertThat(dup.file()).isEqualTo(course.path("questions/zz-copy.json"));
        assertThat(dup.line()).isEqualTo(2);
        assertThat(dup.column()).isEqualTo(9);
        assertThat(dup.message()).startsWith("Another question set already has the id \"good-set\" (questions/good-set.json)");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderReportsDuplicateQuestionIds() {
        course.write("questions/twice.json", """
                {
                  "id": "twice",
                  "title": "Twice",
                  "readings": ["good"],
                  "questions": [
                    { "id": "same", "prompt": "First?", "referenceAnswer": "First." },
                    { "id": "same", "prompt": "Second?", "referenceAnswer": "Second." }
                  ]
                }
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("questions/twice.json"));
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isEqualTo(13);
        assertThat(p.message()).startsWith("Another question in this set already has the id \"same\" (line 6)");
        assertThat(loaded.course().questionSet("twice").orElseThrow().questions())
                .extracting(Question::prompt).containsExactly("First?");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderReportsSetDrillingMissingReading() {
        course.write("questions/orphan.json", """
                {
                  "id": "orphan",
                  "title": "Orphan",
                  "readings": ["god"],
                  "questions": [{ "id": "q", "prompt": "Why?", "referenceAnswer": "Because." }]
                }
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("questions/orphan.json"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(16);
        assertThat(p.message()).isEqualTo("This set drills the reading \"god\", which does not exist; did you mean \"good\"?");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void aSetDrillingAReadingWhoseFileDidNotLoadPointsAtThatFileInsteadOfGuessingAnotherId() {
        course.write("readings/broken.md", """
                ---
                id: broken
                week: seven
                ---
                """);
        course.write("questions/broken-set.json", """
                {
                  "id": "broken-set",
                  "title": "Broken",
                  "readings": ["broken"],
                  "questions": [{ "id": "q", "prompt": "Why?", "referenceAnswer": "Because." }]
                }
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("questions/broken-set.json"));
        assertThat(p.message()).isEqualTo("This set drills the reading \"broken\", which did not load: fix the problem in"
                + " readings/broken.md and it comes back.");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderReportsEmptyPromptAndReferenceAnswerAndKeepsTheRestOfTheSet() {
        course.write("questions/empty.json", """
                {
                  "id": "empty",
                  "title": "Empty",
                  "readings": ["good"],
                  "questions": [
                    { "id": "no-prompt", "prompt": "  ", "referenceAnswer": "Fine." },
                    { "id": "no-answer", "prompt": "Fine?", "referenceAnswer": "" },
                    { "id": "fine", "prompt": "Fine?", "referenceAnswer": "Fine." }
                  ]
                }
                """);

        LoadedCourse loaded = course.load();

        List<Problem> problems = loaded.problems().stream()
                .filter(p -> p.file().equals(course.path("questions/empty.json"))).toList();
        assertThat(problems).extracting(Problem::line, Problem::column, Problem::message).contains(
                org.assertj.core.groups.Tuple.tuple(6, 36, "\"prompt\" is empty; it should hold the question students are asked."),
                org.assertj.core.groups.Tuple.tuple(7, 64, "\"referenceAnswer\" is empty; it should hold the answer students' answers are graded against."));
        assertThat(loaded.course().questionSet("empty").orElseThrow().questions())
                .extracting(Question::id).containsExactly("fine");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderReportsInvalidUtf8WithPosition() {
        byte[] bytes = "---\nid: latin\ntitle: Caf\u00e9\nweek: 7\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        course.write("readings/latin.md", bytes);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("readings/latin.md"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(11);
        assertThat(p.message()).isEqualTo("This file is not valid UTF-8 (byte 0xE9 here). Save it as UTF-8 in your editor.");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderRefusesFilesOverFiveMegabytes() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        course.write("questions/huge.json", big);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("questions/huge.json"));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).startsWith("This file is 5.0 MB; course files may be at most 5 MB.");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderRefusesSlideImagesOutsideTheCourseFolder() {
        course.write("readings/escape.md", """
                ---
                id: escape
                title: Escape
                week: 7
                ---
                ## Slides

                ### Outside {page=3 image=../../etc/passwd.png}

                Text.
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("readings/escape.md"));
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.column()).isEqualTo(21);
        assertThat(p.message()).isEqualTo("The image path \"../../etc/passwd.png\" leads outside the course folder;"
                + " images must be inside it.");
        SlideExcerpt slide = loaded.course().reading("escape").orElseThrow().slides().get(0);
        assertThat(slide.image()).isEmpty();
        assertThat(slide.page()).hasValue(3);
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderRefusesJsonSlideImagesOutsideTheCourseFolderAndAbsolutePaths() {
        course.write("readings/escape.json", """
                {
                  "id": "escape",
                  "title": "Escape",
                  "week": 7,
                  "slides": [
                    { "title": "Up", "image": "../../../outside.png" },
                    { "title": "Abs", "image": "/etc/hosts" }
                  ]
                }
                """);

        LoadedCourse loaded = course.load();

        List<Problem> problems = loaded.problems().stream()
                .filter(p -> p.file().equals(course.path("readings/escape.json"))).toList();
        assertThat(problems).extracting(Problem::line, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6, 31), org.assertj.core.groups.Tuple.tuple(7, 32));
        assertThat(problems.get(0).message()).contains("leads outside the course folder");
        assertThat(problems.get(1).message()).contains("is absolute");
        assertThat(loaded.course().reading("escape").orElseThrow().slides()).allSatisfy(s -> assertThat(s.image()).isEmpty());
    }

    @Test
    void loaderRefusesMarkdownImagesOutsideTheCourseFolder() {
        course.write("readings/body-image.md", """
                ---
                id: body-image
                title: Body image
                week: 7
                ---
                ## Notes

                See ![secret](../../../home/user/secret.png) here.
                """);

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("readings/body-image.md"));
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.column()).isEqualTo(15);
        assertThat(p.message()).contains("leads outside the course folder");
    }

    @Test
    void loaderAcceptsImagesInsideTheCourseFolder() throws Exception {
        Files.createDirectories(dir.resolve("readings/images"));
        Files.write(dir.resolve("readings/images/p1.png"), new byte[] {1, 2, 3});
        course.write("readings/inside.md", """
                ---
                id: inside
                title: Inside
                week: 7
                ---
                ## Slides

                ### Inside {page=1 image="images/p1.png"}
                """);

        LoadedCourse loaded = course.load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.course().reading("inside").orElseThrow().slides().get(0).image()).contains("images/p1.png");
    }

    @Test
    void loaderReportsMissingFrontMatter() {
        course.write("readings/plain.md", "# Just Markdown\n\nNo front matter.\n");

        LoadedCourse loaded = course.load();

        Problem p = only(loaded, course.path("readings/plain.md"));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).startsWith("A Markdown reading must start with front matter");
        assertGoodFilesLoaded(loaded);
    }

    @Test
    void loaderKeepsUnknownSectionsAndTextBeforeTheFirstSection() {
        course.write("readings/extra.md", """
                ---
                id: extra
                title: Extra
                week: 8
                ---
                An opening line.

                ## Abstract

                The abstract.

                ## Discussion

                - Is it fair?

                ## Notes

                Notes here.

                ```
                ## not a heading inside code
                ```
                """);

        LoadedCourse loaded = course.load();

        assertThat(loaded.problems()).isEmpty();
        Reading reading = loaded.course().reading("extra").orElseThrow();
        assertThat(reading.otherSections()).containsExactly(
                new Section("", "An opening line."), new Section("Discussion", "- Is it fair?"));
        assertThat(reading.notesMarkdown()).isEqualTo("Notes here.\n\n```\n## not a heading inside code\n```");
    }

    @Test
    void loaderReadsJsonReadingsLikeMarkdownOnes() {
        course.write("readings/json-reading.json", """
                {
                  "$schema": "../src/main/resources/schemas/reading.schema.json",
                  "id": "json-reading",
                  "title": "A JSON Reading",
                  "kind": "slides",
                  "links": { "arxiv": "https://arxiv.org/abs/2304.02643", "code": "not a url" },
                  "week": 6,
                  "abstract": "Abstract **text**.",
                  "slides": [{ "title": "S1", "page": 4, "text": "Slide text." }],
                  "notes": "Notes.",
                  "sections": [{ "title": "Discussion", "text": "Why?" }]
                }
                """);

        LoadedCourse loaded = course.load();

        Reading r = loaded.course().reading("json-reading").orElseThrow();
        assertThat(r.kind()).isEqualTo(ReadingKind.SLIDES);
        assertThat(r.shortTitle()).isEqualTo("A JSON Reading");
        assertThat(r.links()).containsExactly(new Link(LinkKind.ARXIV, "https://arxiv.org/abs/2304.02643"));
        assertThat(r.slides()).containsExactly(new SlideExcerpt("S1", "Slide text.", java.util.Optional.empty(),
                java.util.OptionalInt.of(4)));
        assertThat(r.otherSections()).containsExactly(new Section("Discussion", "Why?"));
        Problem p = only(loaded, course.path("readings/json-reading.json"));
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.message()).contains("is not a web address");
        assertThat(loaded.course().readings()).extracting(Reading::id).containsExactly("json-reading", "good");
    }

    @Test
    void loaderReportsAFolderThatIsNotACourse() {
        LoadedCourse loaded = CourseLoader.load(dir.resolve("readings"));

        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("neither readings/ nor questions/");
        });
        assertThat(loaded.course().readings()).isEmpty();
    }

    @Test
    void loaderReadsTheCourseFileForTitleTermAndWeekLabels() {
        course.write("readings/course.yaml", """
                title: Multimodal Models
                term: Fall 2026
                weeks:
                  - number: 8
                    label: Video
                  - number: 7
                    label: Vision
                """);

        LoadedCourse loaded = course.load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.course().info().title()).isEqualTo("Multimodal Models");
        assertThat(loaded.course().info().term()).contains("Fall 2026");
        assertThat(loaded.course().info().weeks()).containsExactly(new Week(7, "Vision"), new Week(8, "Video"));
    }

    @Test
    void theCourseFilesIdIsTheCoursesId() {
        course.write("readings/course.yaml", """
                id: stats-101
                title: Statistics
                """);

        LoadedCourse loaded = course.load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.course().info().id()).isEqualTo("stats-101");
    }

    @Test
    void anIdThatIsNotASlugIsAnErrorAtItsLineAndColumnAndTheRestStillLoads() {
        course.write("readings/course.yaml", """
                title: Statistics
                id: Stats 101!
                term: Fall 2026
                """);
        course.write("readings/a.md", """
                ---
                id: a
                title: A reading
                week: 1
                ---
                """);

        LoadedCourse loaded = course.load();

        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.file()).isEqualTo(dir.resolve("readings/course.yaml"));
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.format()).contains("course.yaml:2:5: ").contains("Stats 101!").contains("slug");
        });
        assertThat(loaded.course().info().title()).isEqualTo("Statistics");
        assertThat(loaded.course().info().term()).contains("Fall 2026");
        assertThat(loaded.course().reading("a")).isPresent();
        assertThat(loaded.course().info().id()).isEqualTo("statistics");
    }

    @Test
    void aCourseWithoutAnIdIsNamedByItsTitleTheSameEveryTime() {
        course.write("readings/course.yaml", "title: \"Multimodal Models: Fall Édition\"\n");

        assertThat(course.load().course().info().id()).isEqualTo("multimodal-models-fall-edition");
        assertThat(course.load().course().info().id()).isEqualTo("multimodal-models-fall-edition");
    }

    @Test
    void aCourseWithoutACourseFileIsNamedByItsFolder() throws Exception {
        Path folder = dir.resolve("My Course");
        Files.createDirectories(folder.resolve("questions"));

        assertThat(CourseLoader.load(folder).course().info().id()).isEqualTo("my-course");
    }

    @Test
    void aTitleWithoutLatinLettersStillGivesAStableSlug() {
        course.write("readings/course.yaml", "title: 统计学\n");

        String id = course.load().course().info().id();

        assertThat(id).matches("course-[0-9a-f]{10}");
        assertThat(course.load().course().info().id()).isEqualTo(id);
    }
}
