package dev.lectern.interchange.qa;

import static dev.lectern.interchange.ImportFixtures.applyAndLoad;
import static dev.lectern.interchange.ImportFixtures.fixture;
import static dev.lectern.interchange.ImportFixtures.messages;
import static dev.lectern.interchange.ImportFixtures.plan;
import static dev.lectern.interchange.ImportFixtures.reading;
import static dev.lectern.interchange.ImportFixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.Session;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.interchange.ImportFixtures;
import dev.lectern.interchange.ImportItem;
import dev.lectern.interchange.ImportKind;
import dev.lectern.interchange.ImportPlan;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.PlanBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaImporterTest {

    @TempDir
    Path dir;

    private Path course;

    @BeforeEach
    void courseFromThePosts() {
        course = dir.resolve("course");
        applyAndLoad(plan(ImportKind.POSTS, course, fixture("posts")));
    }

    private Question question(QuestionSet set, String promptStart) {
        return set.questions().stream().filter(q -> q.prompt().startsWith(promptStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no question " + promptStart));
    }

    @Test
    void seedSheetAddsItsQuestionsToTheMatchingBundledSets() {
        assumeThat(Files.isRegularFile(ImportFixtures.seedQaSheet())).as("the seed files are next to the repository").isTrue();
        Path bundled = ImportFixtures.bundledCourseCopy(dir);
        String before = ImportFixtures.read(bundled.resolve("questions/lvm.json"));

        ImportPlan plan = plan(ImportKind.QA, bundled, ImportFixtures.seedQaSheet());
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(plan.questionSets()).extracting(ImportItem::id, ImportItem::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lvm", ImportItem.Action.UPDATE),
                org.assertj.core.groups.Tuple.tuple("stable-video-diffusion", ImportItem.Action.UPDATE));
        assertThat(loaded.problems()).isEmpty();
        String after = ImportFixtures.read(bundled.resolve("questions/lvm.json"));
        assertThat(after).as("the existing questions are kept byte for byte")
                .startsWith(before.substring(0, before.lastIndexOf("}\n  ]")));
        QuestionSet lvm = set(loaded, "lvm");
        assertThat(question(lvm, "What is the main idea presented in the paper?").referenceAnswer())
                .startsWith("The paper introduces a novel approach");
        assertThat(question(lvm, "What is meant by sequential prompting").referenceAnswer())
                .startsWith("These terms refer to different methods").contains("\n\nSequential Prompting:");
        assertThat(messages(plan)).anyMatch(m -> m.contains(":1: note: \"Sequential Modeling Enables Scalable ...\" is"
                + " matched to the reading lvm") && m.contains("similarity 1.00"));
        assertThat(messages(plan)).anyMatch(m -> m.contains(":3: skipped: \"Explained by"));
    }

    @Test
    void questionsAreLinkedToTheReadingWhoseTitleMatchesFuzzily() {
        ImportPlan plan = plan(ImportKind.QA, course, fixture("qa"));
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(set(loaded, "patch-codebooks").readingIds()).containsExactly("patch-codebooks");
        assertThat(set(loaded, "pixels-without-words").readingIds()).containsExactly("pixels-without-words");
        assertThat(loaded.course().questionSetsFor(reading(loaded, "pixels-without-words"))).hasSize(1);
        assertThat(messages(plan)).anyMatch(m -> m.contains("week7-qa.txt:25: note: \"Pixels without words\" is matched"
                + " to the reading pixels-without-words (\"Pixels Without Words\", similarity 1.00)."));
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void unmatchedPaperGetsAStubReadingAndTheReportSaysSo() {
        ImportPlan plan = plan(ImportKind.QA, course, fixture("qa"));
        LoadedCourse loaded = applyAndLoad(plan);

        Reading stub = reading(loaded, "an-unheard-of-paper");
        assertThat(stub.title()).isEqualTo("An Unheard-Of Paper About Nothing In Particular");
        assertThat(stub.week()).isEqualTo(7);
        assertThat(stub.session()).map(Session::label).contains("Thursday");
        assertThat(set(loaded, "an-unheard-of-paper").readingIds()).containsExactly("an-unheard-of-paper");
        assertThat(messages(plan)).anyMatch(m -> m.contains("week7-qa.txt:31: warning: No reading in the course matches"
                + " \"An Unheard-Of Paper About Nothing In ...\" (the closest is ") && m.contains("a stub reading"));
    }

    @Test
    void answersOnTheQuestionLineAndAnswersOfSeveralParagraphsAreKept() {
        LoadedCourse loaded = applyAndLoad(plan(ImportKind.QA, course, fixture("qa")));

        QuestionSet patch = set(loaded, "patch-codebooks");
        assertThat(question(patch, "Why do larger codebooks stop helping?").referenceAnswer())
                .startsWith("Past a certain size");
        assertThat(question(patch, "Name the three ingredients").referenceAnswer()).isEqualTo("The recipe has three"
                + " parts,\n\nReconstruction: the decoder must rebuild the patch from its token.\n\nCommitment: the"
                + " encoder output is pulled towards the chosen codebook vector.\n\nRefresh: unused entries are reset to"
                + " recent encoder outputs.");
        assertThat(patch.title()).isEqualTo("Q&A: Patch Codebooks: Learning Discrete Image Tokens at Scale");
    }

    @Test
    void aQuestionAskingForTheReadersOwnQuestionsIsADiscussionPromptReportedAndNotGraded() {
        ImportPlan plan = plan(ImportKind.QA, course, fixture("qa"));
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(messages(plan)).anyMatch(m -> m.endsWith("week7-qa.txt:23: note: Question 4 (\"What questions do"
                + " you have about the ...\") asks for the reader's own questions or opinions, so it becomes a"
                + " discussion prompt of the reading, not a graded question."));
        assertThat(set(loaded, "patch-codebooks").questions()).extracting(q -> q.prompt())
                .noneMatch(p -> p.contains("What questions do you have"));
        assertThat(plan.report().skipped()).extracting(ImportReport.Entry::line).contains(3, 5);
    }

    @Test
    void discussionPromptsGoIntoTheNotesOfAReadingTheImportMakesAndOnlyThoseQuestionsMakeNoSet() throws Exception {
        Path sheet = Files.writeString(dir.resolve("week9-qa.txt"), """
                Week 9 Tuesday Paper 1: A Paper Nobody Has Heard Of

                1. What did you find most surprising? Do you think it would work on video?

                Ans: I liked the figures.

                2. What questions do you have about the paper?
                """);

        ImportPlan plan = plan(ImportKind.QA, course, sheet);
        LoadedCourse loaded = applyAndLoad(plan);

        Reading stub = reading(loaded, "a-paper-nobody-has-heard");
        assertThat(stub.notesMarkdown()).contains("Discussion prompts", "- What did you find most surprising? Do you"
                + " think it would work on video?", "- What questions do you have about the paper?");
        assertThat(loaded.course().questionSets()).noneMatch(s -> s.id().startsWith("a-paper-nobody"));
        assertThat(QaImporter.isDiscussion("How does the projection layer map image features?")).isFalse();
        assertThat(QaImporter.isDiscussion("In your opinion, is the benchmark fair?")).isTrue();
    }

    @Test
    void keyPointsAreProposedFromTheAnswerAndMarkedForTheAuthor() {
        LoadedCourse loaded = applyAndLoad(plan(ImportKind.QA, course, fixture("qa")));

        Question q = question(set(loaded, "patch-codebooks"), "What does a patch codebook store?");
        assertThat(q.keyPoints()).hasSizeBetween(2, 4);
        assertThat(q.keyPoints()).extracting(KeyPoint::text)
                .allMatch(t -> q.referenceAnswer().contains(t) && t.split(" ").length <= 10);
        assertThat(q.tags()).containsExactly(PlanBuilder.PROPOSED_TAG);
    }

    @Test
    void reimportingTheSheetAddsNoQuestionTwice() {
        applyAndLoad(plan(ImportKind.QA, course, fixture("qa")));

        ImportPlan again = plan(ImportKind.QA, course, fixture("qa"));

        assertThat(again.writes()).isEmpty();
        assertThat(again.readings()).isEmpty();
        assertThat(CourseLoader.load(course).course().questionSets()).hasSize(3);
    }

    @Test
    void proposedKeyPointsLeaveOutWhatTheQuestionAlreadySays() {
        assertThat(KeyPointProposer.propose("What data does the model never see?", "It sees nothing."))
                .as("too little to propose").isEmpty();
        assertThat(KeyPointProposer.propose("Why is latent space used?", "It reduces computational cost, needs far"
                + " less memory, and allows training on large video datasets."))
                .containsExactly("reduces computational cost", "needs far less memory",
                        "allows training on large video datasets");
    }

    @Test
    void aQuestionAboutSeveralThingsGetsAKeyPointNamingEachOfThem() {
        List<String> points = KeyPointProposer.propose("What is the difference between GANs, autoregressive models,"
                + " and diffusion models?", "A GAN pits a generator against a discriminator that tells real samples"
                + " from generated ones. Autoregressive models produce a sample one token at a time, each predicted"
                + " from the previous ones. Diffusion models start from pure noise and remove it step by step.");

        assertThat(points).anyMatch(p -> p.contains("GAN")).anyMatch(p -> p.contains("Autoregressive"))
                .anyMatch(p -> p.contains("Diffusion"));
        assertThat(points).allSatisfy(p -> assertThat(p.split(" ").length).isBetween(2, 6));
    }

    @Test
    void keyPointsAreShortAndNeverEndInsideAPhraseOrOnAVerb() {
        List<String> points = KeyPointProposer.propose("What is the central idea of the paper?", "The paper trains a"
                + " latent video diffusion model in three stages, and it shows that pretraining on well-curated"
                + " datasets leads to much better generated videos.");

        assertThat(points).isNotEmpty().allSatisfy(p -> {
            assertThat(p.split(" ").length).isBetween(2, 6);
            assertThat(p).doesNotEndWith("leads").doesNotEndWith(" on").doesNotEndWith(" the");
        });
        assertThat(points).noneMatch(p -> p.matches(".*\\b(leads|is|are|of|to|by)$"));
    }
}
