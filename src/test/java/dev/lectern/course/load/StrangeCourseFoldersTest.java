package dev.lectern.course.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lectern.course.Problem;
import dev.lectern.course.Severity;
import dev.lectern.files.StrangeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Course folders as a user's disk can leave them: named pipes, links to devices and to files elsewhere, folders
 * named like course files, ids that read as paths. Each is reported where it is and the rest of the course loads; a
 * load that would block fails on its deadline instead of hanging the build.
 */
class StrangeCourseFoldersTest {

    /** Far more than a load of a few files takes, even on a busy machine; a blocked open never ends. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    CourseFolder course;

    @BeforeEach
    void setUp() {
        course = new CourseFolder(dir.resolve("course"));
    }

    private LoadedCourse loadWithinDeadline() {
        return assertTimeoutPreemptively(DEADLINE, course::load);
    }

    private static List<Problem> problemsOf(LoadedCourse loaded, Path file) {
        return loaded.problems().stream().filter(p -> p.file().toAbsolutePath().normalize().equals(file)).toList();
    }

    /** The problem reported for {@code file}, failing unless there is exactly one. */
    private static Problem theProblemOf(LoadedCourse loaded, Path file) {
        List<Problem> problems = problemsOf(loaded, file);
        assertThat(problems).as("problems of %s", file).hasSize(1);
        return problems.get(0);
    }

    private static void assertTheGoodReadingAndSetStillLoad(LoadedCourse loaded) {
        assertThat(loaded.course().reading("good")).isPresent();
        assertThat(loaded.course().questionSet("good-set").map(s -> s.questions().size())).contains(1);
    }

    private static String reading(String id) {
        return "---\nid: " + id + "\ntitle: Reading " + id + "\nweek: 3\n---\n\n## Abstract\n\nText of " + id + ".\n";
    }

    @Test
    void aFifoInTheQuestionsFolderIsSkippedAndReported() throws Exception {
        Path fifo = StrangeFiles.fifo(course.path("questions/stuck.json"));

        LoadedCourse loaded = loadWithinDeadline();

        Problem skipped = theProblemOf(loaded, fifo);
        assertThat(skipped.severity()).isEqualTo(Severity.WARNING);
        assertThat(skipped.message()).isEqualTo("This is a named pipe (FIFO), not a file, so Lectern skips it without"
                + " opening it.");
        assertTheGoodReadingAndSetStillLoad(loaded);
    }

    @Test
    void aReadingLinkedToDevZeroIsRefusedAtOnceWithoutBeingRead() throws Exception {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        Path link = StrangeFiles.link(course.path("readings/zero.md"), zero);

        LoadedCourse loaded = loadWithinDeadline();

        assertThat(theProblemOf(loaded, link).format()).isEqualTo(link + ":1:1: error: This is a link to /dev/zero,"
                + " outside the course folder; Lectern does not follow links out of the course folder, so it is not"
                + " read. Copy the file into the course folder instead.");
        assertTheGoodReadingAndSetStillLoad(loaded);
    }

    @Test
    void aLinkToEtcPasswdIsNotReadAndIsReported() throws Exception {
        Path passwd = Path.of("/etc/passwd");
        Assumptions.assumeTrue(Files.isRegularFile(passwd), "no /etc/passwd here");
        Path link = StrangeFiles.link(course.path("readings/passwd.md"), passwd);

        LoadedCourse loaded = loadWithinDeadline();

        Problem refused = theProblemOf(loaded, link);
        assertThat(refused.isError()).isTrue();
        assertThat(refused.message()).contains("a link to " + passwd.toRealPath() + ", outside the course folder")
                .doesNotContain("root:");
        assertThat(loaded.course().readings()).extracting(r -> r.id()).containsExactly("good");
    }

    @Test
    void aValidQuestionSetLinkedFromOutsideTheCourseIsLeftOut() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path outside = Files.writeString(elsewhere.resolve("shared-set.json"),
                CourseFolder.GOOD_SET.replace("\"good-set\"", "\"shared-set\""));
        Path link = StrangeFiles.link(course.path("questions/shared-set.json"), outside);

        LoadedCourse loaded = loadWithinDeadline();

        assertThat(loaded.course().questionSet("shared-set")).isEmpty();
        assertThat(problemsOf(loaded, link)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("outside the course folder"));
    }

    @Test
    void aLinkToAReadingInsideTheCourseIsStillRead() throws Exception {
        course.write("shared/linked.md", reading("linked"));
        Path link = StrangeFiles.link(course.path("readings/linked.md"), Path.of("../shared/linked.md"));

        LoadedCourse loaded = loadWithinDeadline();

        assertThat(problemsOf(loaded, link)).isEmpty();
        assertThat(loaded.course().reading("linked").map(r -> r.abstractMarkdown())).contains("Text of linked.");
    }

    @Test
    void aFolderNamedLikeAReadingOrAQuestionSetIsAProblem() throws Exception {
        Path readingFolder = Files.createDirectories(course.path("readings/x.md"));
        Path setFolder = Files.createDirectories(course.path("questions/y.json"));
        Files.createDirectories(course.path("readings/images"));

        LoadedCourse loaded = loadWithinDeadline();

        assertThat(problemsOf(loaded, readingFolder)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("This is a folder named like a reading, so it is skipped: readings are .md or .json files,"
                        + " not folders."));
        assertThat(problemsOf(loaded, setFolder)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("This is a folder named like a question set, so it is skipped: question sets are .json"
                        + " files, not folders."));
        assertThat(problemsOf(loaded, course.path("readings/images"))).isEmpty();
        assertThat(loaded.problems()).hasSize(2);
        assertTheGoodReadingAndSetStillLoad(loaded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "week/7", "a\\b", "a..b", "/etc/passwd"})
    void aReadingIdThatReadsAsAPathIsAnErrorAtTheIdAndTheReadingIsLeftOut(String id) {
        Path file = course.path("readings/strange.md");
        course.write("readings/strange.md", reading("'" + id + "'"));

        LoadedCourse loaded = course.load();

        assertThat(problemsOf(loaded, file)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.format()).isEqualTo(file + ":2:5: error: The id \"" + id + "\" reads as a path (it holds"
                    + " \"..\", \"/\" or \"\\\"), so this reading is left out; an id is a short slug of lower-case"
                    + " letters, digits and dashes, such as \"llava\".");
        });
        assertThat(loaded.course().readings()).extracting(r -> r.id()).containsExactly("good");
    }

    @Test
    void aQuestionSetIdWithASlashIsAnErrorAndTheSetIsLeftOut() {
        Path file = course.path("questions/slash.json");
        course.write("questions/slash.json", CourseFolder.GOOD_SET.replace("\"good-set\"", "\"../slash\""));

        LoadedCourse loaded = course.load();

        assertThat(problemsOf(loaded, file)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(9);
            assertThat(p.message()).startsWith("The id \"../slash\" reads as a path").contains("this question set is"
                    + " left out");
        });
        assertThat(loaded.course().questionSets()).extracting(s -> s.id()).containsExactly("good-set");
    }

    @Test
    void aSlideImageThatIsANamedPipeIsRefused() throws Exception {
        StrangeFiles.fifo(course.path("readings/images/pipe.png"));
        Path file = course.path("readings/piped.md");
        course.write("readings/piped.md", reading("piped") + "\n## Slides\n\n### One {image=images/pipe.png}\n\nText.\n");

        LoadedCourse loaded = loadWithinDeadline();

        assertThat(problemsOf(loaded, file)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("The image \"images/pipe.png\" is a named pipe (FIFO), not a file; images must be files."));
        assertThat(loaded.course().reading("piped").orElseThrow().slides()).singleElement()
                .satisfies(s -> assertThat(s.image()).isEmpty());
    }
}
