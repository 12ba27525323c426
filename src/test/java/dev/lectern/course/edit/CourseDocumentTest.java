package dev.lectern.course.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Difficulty;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Problem;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.Section;
import dev.lectern.course.Session;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.load.CourseDocuments;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Editable question sets and readings: untouched files come back byte for byte, edits change only their lines. */
class CourseDocumentTest {

    private static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    static Stream<Path> bundledFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("readings", "questions")) {
            try (Stream<Path> s = Files.list(REPO.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        return files.stream();
    }

    private static byte[] bytesOf(Object document) {
        return document instanceof QuestionSetDocument q ? q.toBytes() : ((ReadingDocument) document).toBytes();
    }

    private static Object open(Path file, byte[] bytes) throws DocumentSyntaxException {
        return file.getParent().getFileName().toString().equals("questions") ? QuestionSetDocument.parse(bytes)
                : ReadingDocument.parse(file, bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledFiles")
    void aBundledFileLoadedAndSavedUntouchedGivesTheIdenticalBytes(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        Object document = open(file, original);
        assertThat(bytesOf(document)).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledFiles")
    void aBundledFileIsAlreadyInTheCanonicalFormTheWriterProduces(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        Object document = open(file, original);
        byte[] canonical = document instanceof QuestionSetDocument q ? q.toCanonicalBytes()
                : ((ReadingDocument) document).toCanonicalBytes();
        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
    }

    @Test
    void editingOnePromptChangesOnlyThatLineAndTheReloadedCourseHasTheEdit() throws Exception {
        Path course = copyOfBundledCourse();
        Path file = course.resolve("questions/llava.json");
        CourseFileStore store = new CourseFileStore(course);
        CourseFileStore.Loaded<QuestionSetDocument> loaded = store.readQuestionSet(file);
        QuestionSetDocument doc = loaded.document();
        List<String> before = Files.readAllLines(file);

        doc.question(1).setPrompt("Which three kinds of \"samples\" make up LLaVA-Instruct-158K?");
        assertThat(store.save(file, doc.toBytes(), loaded.stamp())).isInstanceOf(CourseFileStore.Saved.class);

        List<String> after = Files.readAllLines(file);
        assertThat(changedLines(before, after)).containsExactly(
                "      \"prompt\": \"Which three kinds of \\\"samples\\\" make up LLaVA-Instruct-158K?\",");
        LoadedCourse reloaded = CourseLoader.load(course);
        assertThat(reloaded.problems()).noneMatch(Problem::isError);
        QuestionSet set = reloaded.course().questionSets().stream().filter(s -> s.id().equals("llava")).findFirst()
                .orElseThrow();
        assertThat(set.questions().get(1).prompt()).isEqualTo("Which three kinds of \"samples\" make up LLaVA-Instruct-158K?");
        assertThat(set.questions().get(1).id()).isEqualTo(doc.question(1).id());
    }

    @Test
    void addingDuplicatingMovingAndDeletingQuestionsTouchesOnlyThoseQuestions() throws Exception {
        Path course = copyOfBundledCourse();
        Path file = course.resolve("questions/lvm.json");
        byte[] original = Files.readAllBytes(file);
        QuestionSetDocument doc = QuestionSetDocument.parse(original);
        int count = doc.questions().size();
        String firstId = doc.question(0).id();

        QuestionSetDocument.EditableQuestion added = doc.addQuestion("new-question");
        added.setPrompt("What is a visual sentence?");
        added.setReferenceAnswer("A sequence of images and annotations treated as tokens, with no words.");
        added.setKeyPoints(List.of(new KeyPoint("images as a sequence", List.of()),
                new KeyPoint("no text", List.of("without words"))));
        added.setTags(List.of("data"));
        added.setDifficulty(Difficulty.HARD);
        QuestionSetDocument.EditableQuestion copy = doc.duplicateQuestion(0);
        assertThat(copy.id()).isEqualTo(firstId + "-copy");
        doc.moveQuestion(count + 1, 0);
        QuestionSetDocument.EditableQuestion removed = doc.removeQuestion(0);
        assertThat(removed.id()).isEqualTo("new-question");
        doc.insert(0, removed);
        Files.write(file, doc.toBytes());

        LoadedCourse reloaded = CourseLoader.load(course);
        assertThat(reloaded.problems()).noneMatch(Problem::isError);
        QuestionSet set = reloaded.course().questionSets().stream().filter(s -> s.id().equals("lvm")).findFirst()
                .orElseThrow();
        assertThat(set.questions()).extracting(Question::id).startsWith("new-question", firstId, firstId + "-copy")
                .hasSize(count + 2);
        Question q = set.questions().get(0);
        assertThat(q.keyPoints()).containsExactly(new KeyPoint("images as a sequence", List.of()),
                new KeyPoint("no text", List.of("without words")));
        assertThat(q.difficulty()).isEqualTo(Difficulty.HARD);

        // Deleting the two new questions brings back the original bytes.
        doc.removeQuestion(2);
        doc.removeQuestion(0);
        assertThat(new String(doc.toBytes(), StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
    }

    @Test
    void unknownKeysSurviveAnEditAndComeAfterTheKnownOnes() throws Exception {
        String text = """
                {
                  "x-owner": "alice",
                  "title": "T",
                  "id": "s",
                  "readings": ["r"],
                  "questions": [
                    {"id": "q1", "prompt": "P?", "referenceAnswer": "A.", "x-note": {"keep": [1, 2.50]}},
                    {"id": "q2", "prompt": "P2?", "referenceAnswer": "A2."}
                  ]
                }
                """;
        QuestionSetDocument doc = QuestionSetDocument.parse(text.getBytes(StandardCharsets.UTF_8));
        doc.question(0).setReferenceAnswer("Better.");
        assertThat(new String(doc.toBytes(), StandardCharsets.UTF_8)).isEqualTo("""
                {
                  "id": "s",
                  "title": "T",
                  "readings": ["r"],
                  "questions": [
                    {
                      "id": "q1",
                      "prompt": "P?",
                      "referenceAnswer": "Better.",
                      "x-note": {"keep": [1, 2.50]}
                    },
                    {"id": "q2", "prompt": "P2?", "referenceAnswer": "A2."}
                  ],
                  "x-owner": "alice"
                }
                """);
    }

    @Test
    void editingTheAbstractLeavesEveryOtherSectionAndTheFrontMatterByteForByte() throws Exception {
        Path course = copyOfBundledCourse();
        Path file = course.resolve("readings/llava.md");
        List<String> before = Files.readAllLines(file);
        ReadingDocument doc = ReadingDocument.parse(file, Files.readAllBytes(file));
        doc.setAbstract("A new abstract.\n\nIn two paragraphs.");
        Files.write(file, doc.toBytes());
        List<String> after = Files.readAllLines(file);

        int start = before.indexOf("## Abstract");
        int next = before.indexOf("## Slides");
        assertThat(after.subList(0, start + 1)).isEqualTo(before.subList(0, start + 1));
        assertThat(after.subList(start + 1, after.indexOf("## Slides")))
                .containsExactly("", "A new abstract.", "", "In two paragraphs.", "");
        assertThat(after.subList(after.indexOf("## Slides"), after.size())).isEqualTo(before.subList(next, before.size()));
        Reading reading = CourseLoader.load(course).course().readings().stream().filter(r -> r.id().equals("llava"))
                .findFirst().orElseThrow();
        assertThat(reading.abstractMarkdown()).isEqualTo("A new abstract.\n\nIn two paragraphs.");
    }

    @Test
    void frontMatterEditsRewriteOnlyTheirKeysAndKeepUnknownKeysCommentsAndSections() throws Exception {
        String text = """
                ---
                # written by hand
                id: clip
                title: "CLIP: contrastive pre-training"
                week: 7
                x-reviewer: bob   # keep me
                tags: [vision,   language]
                ---

                ## Abstract

                Old abstract.

                ## Slides

                ### First {page=2}

                Text of the first slide.

                ### Second

                Text of the second.

                ## Discussion

                An unknown section.
                """;
        ReadingDocument doc = ReadingDocument.parse(Path.of("readings/clip.md"), text.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.title()).isEqualTo("CLIP: contrastive pre-training");
        assertThat(doc.tags()).containsExactly("vision", "language");
        assertThat(doc.slides()).hasSize(2);
        doc.setYear(OptionalInt.of(2021));
        doc.setSession(Optional.of(new Session(2, "Thursday: models")));
        doc.setLinks(Map.of("pdf", "https://example.org/clip.pdf"));
        List<SlideExcerpt> slides = new ArrayList<>(doc.slides());
        slides.add(0, new SlideExcerpt("Zeroth", "New slide.", Optional.of("images/clip/p1.png"), OptionalInt.of(1)));
        doc.setSlides(slides);
        doc.setNotes("Some notes.");

        assertThat(new String(doc.toBytes(), StandardCharsets.UTF_8)).isEqualTo("""
                ---
                # written by hand
                id: clip
                title: "CLIP: contrastive pre-training"
                year: 2021
                links:
                  pdf: https://example.org/clip.pdf
                week: 7
                session:
                  number: 2
                  label: "Thursday: models"
                tags: [vision,   language]
                x-reviewer: bob   # keep me
                ---

                ## Abstract

                Old abstract.

                ## Slides

                ### Zeroth {page=1 image=images/clip/p1.png}

                New slide.

                ### First {page=2}

                Text of the first slide.

                ### Second

                Text of the second.

                ## Notes

                Some notes.

                ## Discussion

                An unknown section.
                """);
        ReadingDocument again = ReadingDocument.parse(Path.of("readings/clip.md"), doc.toBytes());
        assertThat(again.slides()).isEqualTo(slides);
        assertThat(again.session()).contains(new Session(2, "Thursday: models"));
        assertThat(again.year()).hasValue(2021);
        assertThat(again.otherSections()).containsExactly(new Section("Discussion", "An unknown section."));
    }

    @Test
    void aJsonReadingKeepsUntouchedKeysWhenItsNotesChange() throws Exception {
        Path file = REPO.resolve("readings/segment-anything.json");
        List<String> before = Files.readAllLines(file);
        ReadingDocument doc = ReadingDocument.parse(file, Files.readAllBytes(file));
        doc.setNotes("Short notes.");
        List<String> after = new String(doc.toBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(changedLines(before, after)).containsExactly("  \"notes\": \"Short notes.\",");
    }

    @Test
    void validationGivesTheLoadersOwnMessagesForTheUnsavedText() throws Exception {
        Path course = copyOfBundledCourse();
        Path file = course.resolve("questions/llava.json");
        QuestionSetDocument doc = QuestionSetDocument.parse(Files.readAllBytes(file));
        doc.question(0).setPrompt("");
        doc.setReadings(List.of("llava", "lavva"));

        List<Problem> alone = CourseDocuments.validate(file, doc.toBytes());
        assertThat(alone).extracting(Problem::message).containsExactly(
                "\"prompt\" is empty; it should hold the question students are asked.");
        assertThat(alone.get(0).format(Path.of("questions/llava.json"))).startsWith("questions/llava.json:12:17: error:");

        List<Problem> inCourse = CourseDocuments.validateInCourse(course, file, doc.toBytes());
        assertThat(inCourse).extracting(Problem::message).contains(
                "This set drills the reading \"lavva\", which does not exist; did you mean \"llava\"?");
        QuestionSetDocument created = QuestionSetDocument.create("new-set", "New set", List.of("llava"));
        created.addQuestion("first").setPrompt("Why?");
        assertThat(CourseDocuments.validateInCourse(course, course.resolve("questions/new-set.json"), created.toBytes()))
                .extracting(Problem::message)
                .containsExactly("\"referenceAnswer\" is empty; it should hold the answer students' answers are graded against.");
        // Nothing was saved: the file on disk still loads cleanly.
        assertThat(CourseLoader.load(course).problems()).noneMatch(Problem::isError);
    }

    private Path copyOfBundledCourse() throws IOException {
        Path course = tmp.resolve("course");
        for (String dir : List.of("readings", "questions")) {
            Files.createDirectories(course.resolve(dir));
            try (Stream<Path> s = Files.list(REPO.resolve(dir))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, course.resolve(dir).resolve(p.getFileName()));
                }
            }
        }
        return course;
    }

    /** The lines of {@code after} that are not at the same place in {@code before} (same line count assumed). */
    static List<String> changedLines(List<String> before, List<String> after) {
        assertThat(after).hasSameSizeAs(before);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                out.add(after.get(i));
            }
        }
        return out;
    }
}
