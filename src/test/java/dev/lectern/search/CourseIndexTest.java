package dev.lectern.search;

import static dev.lectern.search.TestCourses.course;
import static dev.lectern.search.TestCourses.highlighted;
import static dev.lectern.search.TestCourses.marked;
import static dev.lectern.search.TestCourses.question;
import static dev.lectern.search.TestCourses.reading;
import static dev.lectern.search.TestCourses.set;
import static dev.lectern.search.TestCourses.slide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.Reading;
import dev.lectern.course.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Searching a small course built in code, where every expected hit can be read off the text below. */
class CourseIndexTest {

    private static final String LONG_PROMPT = "Imagine a vision-language assistant that must answer questions about"
            + " charts, photos and screenshots; which parts of the LLaVA recipe would you keep, and which would you"
            + " change first, and why?";

    static final Course COURSE = course(
            List.of(
                    reading("sam", "Segment Anything", "SAM", List.of("Alexander Kirillov", "Ross Girshick"),
                            "SAM is a promptable segmentation model trained on a billion masks. It segments any object"
                                    + " from a point or a box.",
                            List.of(slide("Three parts", "An image encoder, a prompt encoder and a mask decoder.")),
                            "The data engine collected the masks with the model in the loop.", List.of()),
                    reading("llava", "Visual Instruction Tuning", "LLaVA", List.of("Haotian Liu"),
                            "LLaVA connects a vision encoder to a language model with a projection layer, trained on"
                                    + " instruction data written by GPT-4.",
                            List.of(), "", List.of()),
                    reading("svd", "Stable Video Diffusion", "SVD", List.of(),
                            "A latent diffusion model trained on curated clips.", List.of(), "", List.of()),
                    reading("survey", "A survey of foundation models", "A survey of foundation models", List.of(),
                            "Video models, video data and video benchmarks are surveyed next to image models.",
                            List.of(), "", List.of(new Section("Discussion", "Which benchmark would you trust?"))),
                    reading("markup", "Notation", "Notation", List.of(),
                            "**Bold claim**: the loss is $\\mathcal{L} = x^2$ with `code` and a [link](https://x.org).",
                            List.of(), "", List.of()),
                    reading("long", "Long reading", "Long reading", List.of(), longAbstract(), List.of(), "",
                            List.of())),
            List.of(
                    set("sam-set", List.of("sam"),
                            question("task", "What are the three parts of the Segment Anything project?",
                                    "A promptable task, a model called SAM and the SA-1B dataset of masks.",
                                    "Task, model and data engine."),
                            question("ambiguity", "How does SAM handle an ambiguous prompt?",
                                    "It predicts three masks, for the whole, a part and a subpart, and ranks them by"
                                            + " predicted IoU.")),
                    set("llava-set", List.of("llava", "sam"), question("redesign", LONG_PROMPT, "Keep the projector.")),
                    set("orphan", List.of(), question("lonely", "Which optimiser was used?",
                            "AdamW with a cosine schedule."))));

    private static CourseIndex index;

    @BeforeAll
    static void build() {
        index = CourseIndex.build(COURSE);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static String longAbstract() {
        String filler = "This sentence is here only to make the abstract long enough to need cutting. ";
        return filler.repeat(4) + "Somewhere in the middle a zebra crosses the road in a long sentence that goes on"
                + " and on well past the snippet length. " + filler.repeat(4);
    }

    private static List<String> readingIds(SearchResults results) {
        return results.readings().stream().map(SearchHit::readingId).toList();
    }

    private static List<String> questionIds(SearchResults results) {
        return results.questions().stream().map(SearchHit::questionId).toList();
    }

    private static String stem(String word) {
        try (EnglishAnalyzer english = new EnglishAnalyzer()) {
            List<String> stems = Analyzers.terms(english, word);
            return stems.isEmpty() ? "" : stems.get(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"segm", "segment", "segmentation", "Segment Any", "SAM"})
    void aReadingIsFoundByItsTitleAsItIsTyped(String query) {
        assertThat(readingIds(index.search(query, 5))).first().isEqualTo("sam");
    }

    @Test
    void theLastWordMatchesAsAPrefix() {
        assertThat(readingIds(index.search("llav", 5))).containsExactly("llava");
    }

    @Test
    void wordsBeforeTheLastMatchOnlyAsWholeWords() {
        // "segm" would find SAM as a prefix; before the last word it is a whole word that nothing has, so only
        // the any-word fallback finds anything, and it finds "diffusion" alone.
        assertThat(readingIds(index.search("segm diffusion", 5))).containsExactly("svd");
    }

    @Test
    void wordsMatchWhateverTheirEnding() {
        SearchResults results = index.search("videos", 5);

        assertThat(readingIds(results)).containsExactlyInAnyOrder("svd", "survey");
        assertThat(results.readings()).allSatisfy(hit ->
                assertThat(hit.title() + " " + marked(hit)).containsIgnoringCase("video"));
    }

    @Test
    void aTitleMatchOutranksABodyOnlyMatch() {
        // The survey says "video" three times in its abstract, SVD only once, in its title.
        SearchResults results = index.search("video", 5);

        assertThat(readingIds(results)).containsExactly("svd", "survey");
        assertThat(results.readings().get(0).score()).isGreaterThan(results.readings().get(1).score());
    }

    @ParameterizedTest
    @ValueSource(strings = {"video diffusion", "diffusion video"})
    void everyWordIsRequiredWhenSomeDocumentHasThemAll(String query) {
        // The survey has "video" but not "diffusion".
        assertThat(readingIds(index.search(query, 5))).containsExactly("svd");
    }

    @Test
    void anyWordWillDoWhenNoDocumentHasThemAll() {
        assertThat(readingIds(index.search("diffusion promptable", 5))).containsExactlyInAnyOrder("svd", "sam");
    }

    @Test
    void readingHitsAreTitledByShortTitleAndTitleAndCarryNoQuestionIds() {
        SearchHit hit = index.search("segment", 1).readings().get(0);

        assertThat(hit).extracting(SearchHit::kind, SearchHit::readingId, SearchHit::setId, SearchHit::questionId,
                SearchHit::title).containsExactly(HitKind.READING, "sam", "", "", "SAM — Segment Anything");
        assertThat(index.search("video", 5).readings().get(1).title()).isEqualTo("A survey of foundation models");
    }

    @Test
    void questionsAreFoundByTheirPromptWithTheirSetAndReading() {
        SearchHit hit = index.search("ambiguous", 5).questions().get(0);

        assertThat(hit).extracting(SearchHit::kind, SearchHit::readingId, SearchHit::setId, SearchHit::questionId,
                SearchHit::title).containsExactly(HitKind.QUESTION, "sam", "sam-set", "ambiguity",
                "How does SAM handle an ambiguous prompt?");
    }

    @Test
    void questionsAreFoundByWordsOfTheirReferenceAnswerWithTheWordsMarked() {
        SearchResults results = index.search("subpart", 5);

        assertThat(questionIds(results)).containsExactly("ambiguity");
        assertThat(marked(results.questions().get(0)))
                .isEqualTo("It predicts three masks, for the whole, a part and a [subpart], and ranks them by predicted IoU.");
    }

    @Test
    void questionsAreFoundByTheirAlternativeAnswers() {
        SearchResults results = index.search("engine", 5);

        assertThat(questionIds(results)).containsExactly("task");
        assertThat(marked(results.questions().get(0))).isEqualTo("Task, model and data [engine].");
    }

    @Test
    void aQuestionOfASetWithoutReadingsPointsAtNoReading() {
        SearchHit hit = index.search("cosine", 5).questions().get(0);

        assertThat(hit.questionId()).isEqualTo("lonely");
        assertThat(hit.readingId()).isEmpty();
    }

    @Test
    void aLongPromptIsAbbreviatedForTheTitle() {
        String title = index.search("screenshots", 5).questions().get(0).title();

        assertThat(LONG_PROMPT).hasSizeGreaterThan(150);
        assertThat(title).hasSizeLessThanOrEqualTo(121).endsWith("…");
        assertThat(LONG_PROMPT).startsWith(title.substring(0, title.length() - 1));
    }

    @Test
    void aMatchOnlyInTheTitleShowsTheStartOfTheAbstractUnmarked() {
        SearchHit hit = index.search("anything", 5).readings().get(0);

        assertThat(hit.readingId()).isEqualTo("sam");
        assertThat(hit.snippet()).containsExactly(new SnippetPart(
                "SAM is a promptable segmentation model trained on a billion masks. It segments any object from a"
                        + " point or a box.", false));
    }

    @Test
    void aMatchOnlyInThePromptShowsTheStartOfTheReferenceAnswerUnmarked() {
        SearchHit hit = index.search("optimiser", 5).questions().get(0);

        assertThat(hit.snippet()).containsExactly(new SnippetPart("AdamW with a cosine schedule.", false));
    }

    @Test
    void theSnippetComesFromTheBestMatchingField() {
        assertThat(marked(index.search("decoder", 5).readings().get(0)))
                .isEqualTo("Three parts — An image encoder, a prompt encoder and a mask [decoder].");
        assertThat(marked(index.search("trust", 5).readings().get(0)))
                .isEqualTo("Discussion — Which benchmark would you [trust]?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"segments", "promptable masks", "video benchmarks", "masks encod", "llav"})
    void everyMarkedWordIsAQueryWordUpToStemmingOrThePrefixBeingTyped(String query) {
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).split(" "));
        String prefix = words.get(words.size() - 1);
        List<String> stems = words.stream().map(CourseIndexTest::stem).toList();
        SearchResults results = index.search(query, 5);

        List<String> marked = Stream.concat(results.readings().stream(), results.questions().stream())
                .flatMap(hit -> highlighted(hit).stream()).toList();
        assertThat(marked).isNotEmpty().allSatisfy(word -> assertThat(
                stems.contains(stem(word)) || word.toLowerCase(Locale.ROOT).startsWith(prefix))
                .as("%s is a query word", word).isTrue());
    }

    @Test
    void markupIsNeitherSearchedNorShown() {
        SearchHit hit = index.search("bold", 5).readings().get(0);

        assertThat(marked(hit)).isEqualTo("[Bold] claim: the loss is L = x 2 with code and a link.");
        assertThat(index.search("mathcal", 5).isEmpty()).isTrue();
        assertThat(index.search("https", 5).isEmpty()).isTrue();
    }

    @Test
    void aSnippetOfALongTextIsAboutOneHundredAndSixtyCharactersAroundTheMatch() {
        SearchHit hit = index.search("zebra", 5).readings().get(0);
        String snippet = marked(hit);

        assertThat(hit.readingId()).isEqualTo("long");
        assertThat(snippet).startsWith("Somewhere in the middle a [zebra] crosses").endsWith("…");
        assertThat(snippet.length()).isBetween(120, 190);
    }

    @Test
    void resultsAreLimitedPerKindAndBestFirst() {
        SearchResults results = index.search("masks", 1);

        assertThat(results.readings()).hasSize(1);
        assertThat(results.questions()).hasSize(1);
        List<SearchHit> all = index.search("masks", 10).questions();
        assertThat(all).hasSizeGreaterThan(1);
        assertThat(all).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void aBlankQueryFindsNothing(String query) {
        SearchResults results = index.search(query, 5);

        assertThat(results.isEmpty()).isTrue();
        assertThat(results.query()).isEqualTo(query);
    }

    static Stream<String> hostileInputs() {
        return Stream.of("\"", "title:", "*", "?", "[", "]", "\\", "(", ")", "{", "~", "^", "!", "&&", "||", "-", "+",
                "/", ":", "\"video", "title:video", "video^4", "segm*", "seg?ent", "[a TO z]", "video AND OR NOT",
                "the of", "a", "of the and", "\u0000", "\uD83D\uDE00", "é", "\uD800", "x".repeat(10_000),
                "video ".repeat(1_700), "\"*?[\\".repeat(2_500));
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void noInputMakesTheSearchFail(String query) {
        // find() is search() without the net that turns failures into empty results, so failures show here.
        assertThatCode(() -> index.find(query, 5)).doesNotThrowAnyException();
    }

    @Test
    void querySyntaxIsTakenAsPlainWords() throws Exception {
        assertThat(readingIds(index.find("\"video\"", 5))).containsExactly("svd", "survey");
        assertThat(readingIds(index.find("segm*", 5))).first().isEqualTo("sam");
        assertThat(readingIds(index.find("[video", 5))).containsExactly("svd", "survey");
        assertThat(readingIds(index.find("video ".repeat(1_700), 5))).containsExactly("svd", "survey");
    }

    @Test
    void manyThreadsCanSearchAtOnce() throws Exception {
        List<String> queries = List.of("segm", "video", "videos", "llav", "masks encod", "diffusion promptable",
                "subpart", "zebra", "bold");
        List<SearchResults> expected = queries.stream().map(q -> index.search(q, 5)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int q = (i + offset) % queries.size();
                        if (!index.find(queries.get(q), 5).equals(expected.get(q))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).as("every concurrent search gives the sequential result").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmptyCourseFindsNothing() {
        try (CourseIndex empty = CourseIndex.build(course(List.of(), List.of()))) {
            assertThat(empty.search("video", 5).isEmpty()).isTrue();
        }
    }

    @Test
    void missingAndEmptyTextIsIndexedAsNothing() {
        Reading blank = new Reading("blank", "", null, null, List.of(), java.util.OptionalInt.empty(),
                java.util.Optional.empty(), List.of(), 1, java.util.Optional.empty(), List.of(), List.of(), null,
                List.of(), null, List.of(new Section(null, null)), null);
        Question noText = new Question("q", null, null, List.of(), List.of(), List.of(), null, null);
        Course odd = course(List.of(blank, reading("ok", "Video", "A clip.")),
                List.of(new dev.lectern.course.QuestionSet("s", null, List.of(), List.of(noText), null)));

        try (CourseIndex built = CourseIndex.build(odd)) {
            assertThat(readingIds(built.search("video", 5))).containsExactly("ok");
            assertThat(built.search("blank", 5).isEmpty()).isTrue();
        }
    }

    @Test
    void aClosedIndexFindsNothing() {
        CourseIndex closing = CourseIndex.build(COURSE);
        assertThat(closing.search("video", 5).isEmpty()).isFalse();

        closing.close();

        assertThat(closing.search("video", 5).isEmpty()).isTrue();
    }
}
