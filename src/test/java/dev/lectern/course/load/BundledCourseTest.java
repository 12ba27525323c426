package dev.lectern.course.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lectern.course.LinkKind;
import dev.lectern.course.Question;
import dev.lectern.course.Reading;
import dev.lectern.course.ReadingKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The course shipped in readings/ and questions/ loads cleanly and meets the course's content rules. */
class BundledCourseTest {

    private static final Path REPO = Path.of("").toAbsolutePath();
    private static LoadedCourse loaded;

    @BeforeAll
    static void load() {
        loaded = CourseLoader.load(REPO);
    }

    @Test
    void bundledCourseLoadsWithoutAnyProblem() {
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void bundledCourseHasAReadingForEverySeedPaperAndDeck() {
        assertThat(loaded.course().readings()).extracting(Reading::title).contains(
                "Emu Video: Factorizing Text-to-Video Generation by Explicit Image Conditioning",
                "Visual Instruction Tuning",
                "Segment Anything",
                "ConvNets Match Vision Transformers at Scale",
                "Sequential Modeling Enables Scalable Learning for Large Vision Models",
                "Stable Video Diffusion: Scaling Latent Video Diffusion Models to Large Datasets",
                "Towards Multi-Task Multi-Modal Models: A Video Generative Perspective",
                "Generative AI Beyond LLMs: System Implications of Multi-Modal Generation",
                "Multimodal Foundation Models",
                "A Tutorial on Large Multi-Modal Generative Models");
    }

    @Test
    void atLeastThreeReadingsAreJsonAndTheRestMarkdown() {
        long json = loaded.course().readings().stream()
                .filter(r -> r.source().file().toString().endsWith(".json")).count();
        assertThat(json).isGreaterThanOrEqualTo(3);
        assertThat(loaded.course().readings().size() - json).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyReadingHasRealMetadataAbstractAndSlideExcerpts() {
        assertThat(loaded.course().readings()).allSatisfy(r -> {
            assertThat(r.authors()).as(r.id()).isNotEmpty();
            assertThat(r.year()).as(r.id()).isPresent();
            assertThat(r.venue()).as(r.id()).isPresent();
            assertThat(r.abstractMarkdown()).as(r.id()).isNotBlank();
            assertThat(r.slides()).as(r.id()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(r.session()).as(r.id()).isPresent();
            if (r.kind() == ReadingKind.PAPER || r.kind() == ReadingKind.THESIS) {
                assertThat(r.link(LinkKind.ARXIV)).as(r.id()).isPresent();
            }
        });
    }

    @Test
    void mainPapersHaveTenQuestionsAndTheOthersFive() {
        Map<String, Integer> minimum = Map.of("emu-video", 10, "llava", 10, "segment-anything", 10, "lvm", 10,
                "stable-video-diffusion", 10);
        for (Reading reading : loaded.course().readings()) {
            int questions = loaded.course().questionSetsFor(reading).stream().mapToInt(s -> s.questions().size()).sum();
            assertThat(questions).as(reading.id()).isGreaterThanOrEqualTo(minimum.getOrDefault(reading.id(), 5));
        }
    }

    static Stream<Question> questions() {
        return CourseLoader.load(REPO).course().questionSets().stream().flatMap(s -> s.questions().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void referenceAnswersHaveOneToFourSentencesAndTwoToFiveKeyPoints(Question question) {
        assertThat(sentences(question.referenceAnswer())).as(question.referenceAnswer()).isBetween(1, 4);
        assertThat(question.keyPoints()).hasSizeBetween(2, 5);
        assertThat(question.tags()).isNotEmpty();
    }

    static int sentences(String text) {
        String masked = text.replaceAll("\\b(e\\.g|i\\.e|et al|vs|approx|Fig|cf)\\.", "$1")
                .replaceAll("(\\d)\\.(\\d)", "$1$2");
        return masked.split("[.!?](\\s+|$)").length;
    }

    @Test
    void sentenceCounterCountsSentencesNotAbbreviationsOrDecimals() {
        assertThat(sentences("It scores 92.53% on ScienceQA, e.g. with GPT-4. Then it stops.")).isEqualTo(2);
        assertThat(sentences("One.")).isEqualTo(1);
    }

    static Stream<Path> jsonFiles() throws IOException {
        return Stream.concat(Files.list(REPO.resolve("readings")), Files.list(REPO.resolve("questions")))
                .filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonFiles")
    void bundledJsonFilesPointAtAndPassTheirShippedSchema(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        String schemaRef = json.path("$schema").asText();
        assertThat(schemaRef).startsWith("../src/main/resources/schemas/");
        assertThat(file.getParent().resolve(schemaRef)).exists();

        Set<ValidationMessage> errors = schema(Path.of(schemaRef).getFileName().toString()).validate(json);

        assertThat(errors).isEmpty();
    }

    @Test
    void theBundledCourseHasAnExplicitIdSoItsProgressStaysItsOwn() throws IOException {
        JsonNode yaml = new YAMLMapper().readTree(REPO.resolve("readings/course.yaml").toFile());
        assertThat(yaml.path("id").asText()).isEqualTo("mfm-fall-2026");
        assertThat(CourseLoader.load(REPO).course().info().id()).isEqualTo("mfm-fall-2026");
    }

    @Test
    void courseFilePassesItsSchema() throws IOException {
        JsonNode yaml = new YAMLMapper().readTree(REPO.resolve("readings/course.yaml").toFile());
        assertThat(schema("course.schema.json").validate(yaml)).isEmpty();
    }

    @Test
    void markdownFrontMatterPassesTheReadingSchema() throws IOException {
        try (Stream<Path> files = Files.list(REPO.resolve("readings"))) {
            List<Path> markdown = files.filter(p -> p.toString().endsWith(".md")).toList();
            assertThat(markdown).isNotEmpty();
            for (Path file : markdown) {
                MarkdownReadingParser.FrontMatter split = MarkdownReadingParser.FrontMatter.split(Files.readString(file));
                JsonNode yaml = new YAMLMapper().readTree(split.yaml());
                assertThat(schema("reading.schema.json").validate(yaml)).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void schemaRejectsAQuestionWithoutReferenceAnswer() throws IOException {
        JsonNode bad = new ObjectMapper().readTree("""
                {"id": "s", "title": "S", "readings": ["r"], "questions": [{"id": "q", "prompt": "Why?"}]}
                """);
        assertThat(schema("question-set.schema.json").validate(bad)).isNotEmpty();
    }

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = BundledCourseTest.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
