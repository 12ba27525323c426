package dev.lectern.search;

import static dev.lectern.search.TestCourses.highlighted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.load.CourseLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Searching the course shipped in readings/ and questions/, as a student would. */
class BundledCourseSearchTest {

    private static CourseIndex index;

    @BeforeAll
    static void build() {
        index = CourseIndex.build(CourseLoader.load(Path.of("").toAbsolutePath()).course());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<String> readingIds(SearchResults results) {
        return results.readings().stream().map(SearchHit::readingId).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"segm", "segment", "segmentation", "Segment Any", "segment anything"})
    void segmentAnythingComesFirstAmongReadingsAsItsNameIsTyped(String query) {
        assertThat(readingIds(index.search(query, 10))).first().isEqualTo("segment-anything");
    }

    @ParameterizedTest
    @ValueSource(strings = {"llav", "LLaVA", "visual instruction"})
    void llavaComesFirstAmongReadingsAsItsNameIsTyped(String query) {
        assertThat(readingIds(index.search(query, 10))).first().isEqualTo("llava");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated", "tokenizer", "masks", "trained"})
    void readingsWithTheWordAsTypedComeBeforeThoseThatOnlyShareItsStem(String typed) throws IOException {
        Pattern asTyped = Pattern.compile("\\b" + typed + "\\w*", Pattern.CASE_INSENSITIVE);
        List<String> found = readingIds(index.search(typed, 10));
        List<Boolean> hasTheWord = new ArrayList<>();
        for (String id : found) {
            Path markdown = Path.of("readings", id + ".md");
            String file = Files.readString(Files.exists(markdown) ? markdown : Path.of("readings", id + ".json"));
            hasTheWord.add(asTyped.matcher(file).find());
        }

        // Some readings only share the stem ("generative", "tokens"): they come, but after all the others.
        assertThat(hasTheWord).contains(true, false);
        assertThat(hasTheWord.subList(hasTheWord.indexOf(false), hasTheWord.size())).doesNotContain(true);
    }

    @Test
    void aPluralFindsTheSingular() {
        SearchResults results = index.search("videos", 10);

        assertThat(readingIds(results)).contains("emu-video", "stable-video-diffusion");
        assertThat(Stream.concat(results.readings().stream(), results.questions().stream())
                .flatMap(hit -> highlighted(hit).stream()).map(w -> w.toLowerCase(Locale.ROOT)))
                .contains("video");
    }

    @Test
    void questionsAreFoundWithTheirSetAndReading() {
        SearchResults results = index.search("segment", 10);

        assertThat(results.questions()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.kind()).isEqualTo(HitKind.QUESTION);
            assertThat(hit.setId()).isNotEmpty();
            assertThat(hit.questionId()).isNotEmpty();
        });
        assertThat(results.questions()).anySatisfy(hit -> {
            assertThat(hit.setId()).isEqualTo("segment-anything");
            assertThat(hit.readingId()).isEqualTo("segment-anything");
        });
    }

    @Test
    void aQuestionIsFoundByWordsOnlyItsReferenceAnswerHas() {
        // "bounding boxes" is in the answer on where LLaVA's data came from, not in its prompt.
        SearchResults results = index.search("bounding boxes coco", 10);

        assertThat(results.questions()).anySatisfy(hit -> {
            assertThat(hit.setId()).isEqualTo("llava");
            assertThat(hit.questionId()).isEqualTo("instruction-data-source");
            assertThat(highlighted(hit)).isNotEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"segm", "videos", "diffusion models", "instruction tun", "data engine"})
    void everyHitHasASnippetWithAMarkedWordOrTheStartOfItsText(String query) {
        SearchResults results = index.search(query, 10);

        assertThat(results.isEmpty()).isFalse();
        assertThat(Stream.concat(results.readings().stream(), results.questions().stream()))
                .allSatisfy(hit -> assertThat(hit.snippet()).isNotEmpty());
    }
}
