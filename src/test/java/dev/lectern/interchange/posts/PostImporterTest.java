package dev.lectern.interchange.posts;

import static dev.lectern.interchange.ImportFixtures.applyAndLoad;
import static dev.lectern.interchange.ImportFixtures.fixture;
import static dev.lectern.interchange.ImportFixtures.messages;
import static dev.lectern.interchange.ImportFixtures.plan;
import static dev.lectern.interchange.ImportFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.lectern.course.Link;
import dev.lectern.course.LinkKind;
import dev.lectern.course.Reading;
import dev.lectern.course.Session;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.interchange.ImportFixtures;
import dev.lectern.interchange.ImportItem;
import dev.lectern.interchange.ImportKind;
import dev.lectern.interchange.ImportOptions;
import dev.lectern.interchange.ImportPlan;
import dev.lectern.interchange.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostImporterTest {

    @TempDir
    Path dir;

    private Path course() {
        return dir.resolve("course");
    }

    private LoadedCourse importAll() {
        LoadedCourse loaded = applyAndLoad(plan(ImportKind.POSTS, course(), fixture("posts")));
        assertThat(loaded.problems()).isEmpty();
        return loaded;
    }

    @Test
    void seedPostBecomesOneReadingPerPaperThatLoadsWithoutProblems() {
        assumeThat(Files.isRegularFile(ImportFixtures.seedPost())).as("the seed files are next to the repository").isTrue();

        ImportPlan plan = plan(ImportKind.POSTS, course(), ImportFixtures.seedPost());
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.course().readings()).extracting(Reading::title).containsExactlyInAnyOrder(
                "Emu Video: Factorizing Text-to-Video Generation by Explicit Image Conditioning",
                "Visual Instruction Tuning", "Segment Anything", "ConvNets Match Vision Transformers at Scale");
        Reading emu = reading(loaded, "emu-video");
        assertThat(emu.shortTitle()).isEqualTo("Emu Video");
        assertThat(emu.link(LinkKind.ARXIV)).map(Link::url).contains("https://arxiv.org/abs/2311.10709");
        assertThat(emu.session()).contains(new Session(1, "Multimodal / Vision FM"));
        assertThat(emu.tags()).containsExactly("1basic");
        assertThat(reading(loaded, "visual-instruction-tuning").authors())
                .containsExactly("Haotian Liu", "Chunyuan Li", "Qingyang Wu", "Yong Jae Lee");
        assertThat(reading(loaded, "segment-anything").abstractMarkdown()).startsWith("We introduce the Segment Anything");
        assertThat(messages(plan)).anyMatch(m -> m.contains(":33: note: \"ConvNets Match Vision Transformers at...\" has"
                + " no link, authors or abstract"));
        assertThat(messages(plan)).anyMatch(m -> m.contains("No week is given") && m.contains("--week N"));
    }

    @Test
    void seedPostIntoTheBundledCourseKeepsTheReadingsItAlreadyHas() {
        assumeThat(Files.isRegularFile(ImportFixtures.seedPost())).isTrue();
        Path bundled = ImportFixtures.bundledCourseCopy(dir);

        ImportPlan plan = plan(ImportKind.POSTS, bundled, ImportFixtures.seedPost());

        assertThat(plan.writes()).isEmpty();
        assertThat(plan.readings()).extracting(ImportItem::id)
                .containsExactly("emu-video", "llava", "segment-anything", "convnets-match-vits");
        assertThat(plan.readings()).allMatch(i -> i.action() == ImportItem.Action.KEEP);
    }

    @Test
    void postsWithMoreReadingsHeadingsImportEveryPaper() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts/2026-10-15-week7-more.md"));

        assertThat(plan.readings()).extracting(ImportItem::title).containsExactly(
                "Patch Codebooks: Learning Discrete Image Tokens at Scale", "Scaling Toy Models of Vision",
                "Grid Attention for Tiny Images");
    }

    @Test
    void everySpellingOfAReadingsHeadingIsRecognisedAndLabelsBeforeAPapersTitleAreLeftOut() throws Exception {
        Path post = Files.writeString(dir.resolve("2026-11-03-week10-adapters.md"), """
                ---
                layout: post
                title: Adapters and fine-tuning
                lecture: W10-Adapters
                ---

                ## Require Readings:

                ### related: LoRA: Low-Rank Adaptation of Large Language Models
                + https://arxiv.org/abs/2106.09685

                ### [optional] Adapter Layers for Transfer
                + An invented paper for these tests.

                ### More Than Words: Prompts as Adapters
                + Another invented paper.

                ## Extra papers

                ### Bonus: Prefix Tuning in Practice
                + A third invented paper.

                ## Discussion

                ### This heading is not a paper
                """);

        ImportPlan plan = plan(ImportKind.POSTS, course(), post);

        assertThat(plan.readings()).extracting(ImportItem::title).containsExactly(
                "LoRA: Low-Rank Adaptation of Large Language Models", "Adapter Layers for Transfer",
                "More Than Words: Prompts as Adapters", "Prefix Tuning in Practice");
        for (String heading : List.of("Readings:", "Require Readings:", "Required readings", "Readigns",
                "Week 3 papers", "More Readings", "Extra papers", "Reading list", "**Papers**")) {
            assertThat(PostImporter.isReadingsHeading(heading)).as(heading).isTrue();
        }
        for (String heading : List.of("Discussion", "Paper 1: CLIP", "Related Work", "Reading group notes")) {
            assertThat(PostImporter.isReadingsHeading(heading)).as(heading).isFalse();
        }
    }

    @Test
    void paperHeadingsWithDashesAndExtraSpacesGiveCleanTitles() {
        LoadedCourse loaded = importAll();

        assertThat(reading(loaded, "patch-codebooks").title())
                .isEqualTo("Patch Codebooks: Learning Discrete Image Tokens at Scale");
        assertThat(reading(loaded, "scaling-toy-models-of-vision").title()).isEqualTo("Scaling Toy Models of Vision");
        assertThat(reading(loaded, "grid-attention-for-tiny-images").title()).isEqualTo("Grid Attention for Tiny Images");
    }

    @Test
    void indentedAndUnindentedBulletsGiveTheLinkAuthorsAndAbstract() {
        LoadedCourse loaded = importAll();

        Reading flat = reading(loaded, "patch-codebooks");
        assertThat(flat.authors()).containsExactly("Ada Example", "Bo Sample", "Chen Placeholder");
        assertThat(flat.abstractMarkdown()).startsWith("A made-up paper for the importer tests")
                .endsWith("This line continues the same bullet.");
        Reading indented = reading(loaded, "pixels-without-words");
        assertThat(indented.link(LinkKind.PROJECT)).map(Link::url).contains("https://example.org/pixels-without-words");
        assertThat(indented.authors()).containsExactly("Dana Fictional", "Eli von Testcase");
        assertThat(indented.abstractMarkdown()).startsWith("Another invented paper.");
        Reading grid = reading(loaded, "grid-attention-for-tiny-images");
        assertThat(grid.link(LinkKind.ARXIV)).isPresent();
        assertThat(reading(loaded, "scaling-toy-models-of-vision").authors()).containsExactly("Gus Madeup", "Hana Notreal");
    }

    @Test
    void papersWithoutALinkOrWithoutAuthorsStillImport() {
        LoadedCourse loaded = importAll();

        Reading noLink = reading(loaded, "a-paper-with-no-link");
        assertThat(noLink.links()).isEmpty();
        assertThat(noLink.authors()).containsExactly("Fay Imaginary");
        Reading noAuthors = reading(loaded, "a-paper-with-no-authors");
        assertThat(noAuthors.authors()).isEmpty();
        assertThat(noAuthors.link(LinkKind.PDF)).map(Link::url).contains("https://arxiv.org/pdf/2601.00004");
        assertThat(noAuthors.abstractMarkdown()).startsWith("Only a link and an abstract");
    }

    @Test
    void emptyMisspeltAndDuplicatedFrontMatterKeysAreToleratedAndReported() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts/2026-10-15-week7-more.md"));
        LoadedCourse loaded = applyAndLoad(plan);

        Reading scaling = reading(loaded, "scaling-toy-models-of-vision");
        assertThat(scaling.week()).as("week from the misspelt \"lectrue: W7-…\"").isEqualTo(7);
        assertThat(scaling.session()).map(Session::label).contains("Tokenizers, part two");
        assertThat(scaling.tags()).containsExactly("2vision", "extra");
        assertThat(messages(plan)).anyMatch(m -> m.endsWith("2026-10-15-week7-more.md:4: warning: The front-matter key"
                + " \"title\" appears again (first on line 3); the last one is used, as the course site does."));
        assertThat(messages(plan)).anyMatch(m -> m.endsWith(":5: warning: The front-matter key \"lectrue\" is read as"
                + " \"lecture\"."));
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void tagsIndentedDifferentlyAreAllKept() {
        LoadedCourse loaded = importAll();

        assertThat(reading(loaded, "pixels-without-words").tags()).containsExactly("2vision", "tokenizers");
        assertThat(reading(loaded, "frames-from-noise").tags()).containsExactly("3video", "generation");
    }

    @Test
    void brokenFrontMatterIsReadLineByLineAndTheImportGoesOn() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts/2026-10-20-broken-front-matter.md"));
        LoadedCourse loaded = applyAndLoad(plan);

        Reading frames = reading(loaded, "frames-from-noise");
        assertThat(frames.week()).isEqualTo(8);
        assertThat(frames.session()).map(Session::label).contains("Video: the next frontier");
        assertThat(frames.authors()).containsExactly("Ivo Pretend", "Jo Stand-In");
        assertThat(messages(plan)).anyMatch(m -> m.contains("warning: The front matter cannot be read as a whole"
                + " because it is not valid YAML"));
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void htmlBlogSectionsImagesAndExcerptMarkersAfterTheReadingsAreNotPapers() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts/2026-10-13-week7-tokenizers.md"));

        assertThat(plan.readings()).extracting(ImportItem::title).containsExactly(
                "Patch Codebooks: Learning Discrete Image Tokens at Scale", "Pixels Without Words",
                "A Paper With No Link", "A Paper With No Authors");
        assertThat(messages(plan)).anyMatch(m -> m.endsWith("2026-10-13-week7-tokenizers.md:38: note: The readings end"
                + " here (an excerpt marker); the rest of the post is not read for papers."));
    }

    @Test
    void onePostGivingManyPapersImportsThemAll() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts-extra"));
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(loaded.course().readings()).hasSize(6).allMatch(r -> r.week() == 9)
                .allMatch(r -> r.authors().size() == 2 && r.link(LinkKind.ARXIV).isPresent());
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void samePaperInSeveralPostsIsOneReading() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts"));
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(loaded.course().readings()).filteredOn(r -> r.title().startsWith("Patch Codebooks")).hasSize(1);
        Reading patch = reading(loaded, "patch-codebooks");
        assertThat(patch.link(LinkKind.ARXIV)).as("from the first post").isPresent();
        assertThat(patch.link(LinkKind.CODE)).as("from the second post").map(Link::url)
                .contains("https://github.com/example/patch-codebooks");
        assertThat(patch.session()).map(Session::label).contains("Tokenizers for pictures");
        assertThat(messages(plan)).anyMatch(m -> m.contains("2026-10-15-week7-more.md:12: note:")
                && m.contains("is the same paper as at") && m.contains("2026-10-13-week7-tokenizers.md:18"));
    }

    @Test
    void aWholeFolderOfPostsImportsInOneGo() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts"), fixture("posts-extra"));
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(loaded.course().readings()).hasSize(13);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.course().readings()).filteredOn(r -> r.week() == 7)
                .extracting(r -> r.session().orElseThrow().number() + " " + r.session().orElseThrow().label())
                .containsOnly("1 Tokenizers for pictures", "2 Tokenizers, part two");
    }

    @Test
    void reimportingTheSamePostsDuplicatesNoReading() {
        applyAndLoad(plan(ImportKind.POSTS, course(), fixture("posts")));

        ImportPlan again = plan(ImportKind.POSTS, course(), fixture("posts"));

        assertThat(again.writes()).isEmpty();
        assertThat(again.readings()).hasSize(7).allMatch(i -> i.action() == ImportItem.Action.KEEP);
        assertThat(CourseLoader.load(course()).course().readings()).hasSize(7);
    }

    @Test
    void dryRunPlanWritesNothing() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts"));

        // Seven readings and question sets, and the course file of the new course.
        assertThat(plan.writes()).hasSize(8).allMatch(i -> !i.content().isEmpty());
        assertThat(course()).doesNotExist();
    }

    @Test
    void reportNamesSkippedItemsWithFileAndLine() {
        ImportPlan plan = plan(ImportKind.POSTS, course(), fixture("posts"));

        assertThat(plan.report().skipped()).extracting(e -> e.file().getFileName() + ":" + e.line())
                .containsExactly("2026-10-20-broken-front-matter.md:12", "2026-10-20-broken-front-matter.md:19",
                        "2026-10-22-no-readings.md:6");
        assertThat(plan.report().skipped().get(0).message()).isEqualTo("This bullet comes before any paper title"
                + " (\"### Title\") under the readings heading, so it belongs to no paper and is left out.");
        assertThat(plan.report().skipped().get(2).format()).endsWith("2026-10-22-no-readings.md:6: skipped: No readings"
                + " heading (such as \"## Readings:\") was found in this post, so it gives no papers.");
    }

    @Test
    void weekOptionPlacesPostsThatNameNoWeek() {
        assumeThat(Files.isRegularFile(ImportFixtures.seedPost())).isTrue();

        ImportPlan plan = Importer.plan(ImportKind.POSTS, List.of(ImportFixtures.seedPost()), course(),
                new ImportOptions(OptionalInt.of(7), Optional.empty()));

        assertThat(applyAndLoad(plan).course().readings()).allMatch(r -> r.week() == 7);
        assertThat(messages(plan)).noneMatch(m -> m.contains("No week is given"));
    }

    @Test
    void authorLinesAreToldFromAbstracts() {
        assertThat(PostImporter.authors("Alexei A. Efros, Jitendra Malik and Trevor Darrell"))
                .contains(List.of("Alexei A. Efros", "Jitendra Malik", "Trevor Darrell"));
        assertThat(PostImporter.authors("We present a model. It works.")).isEmpty();
        assertThat(PostImporter.authors("Instruction tuning large language models has improved zero-shot skills"))
                .isEmpty();
    }
}
