package dev.lectern.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.lectern.grading.internal.Spelling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The claim checks: what an answer asserts about what, not which words it shares with the key. */
class ClaimCheckTest {

    private final StandardGrader grader = Graders.standard();

    private Grade grade(String set, String question, String answer) {
        return grader.grade(AnswerKey.of(Graders.question(set, question)), answer);
    }

    private static KeyPointResult point(Grade g, String text) {
        return g.keyPoints().stream().filter(k -> k.keyPoint().text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void samWithTheHeavyAndLightPartsSwappedIsIncorrectAndSaysWhy() {
        Grade g = grade("segment-anything", "model-architecture",
                "SAM has a lightweight image encoder, a prompt encoder, and a huge mask decoder that does most of the work.");
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        KeyPointResult decoder = point(g, "lightweight mask decoder");
        assertThat(decoder.contradicted()).isTrue();
        assertThat(decoder.covered()).isFalse();
        assertThat(decoder.reason()).contains("huge mask decoder").contains("lightweight mask decoder");
        assertThat(g.explanation()).contains("huge mask decoder");
    }

    @Test
    void llavaBuiltFromOtherPartsIsIncorrectWhateverItsOverlap() {
        Grade g = grade("llava", "architecture", "A Q-Former connects a ResNet image encoder to a frozen T5; no projection is used.");
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(point(g, "CLIP ViT-L/14 image encoder").contradicted()).isTrue();
        assertThat(point(g, "CLIP ViT-L/14 image encoder").reason()).contains("ResNet");
        assertThat(point(g, "linear projection layer").contradicted()).isTrue();
        assertThat(point(g, "linear projection layer").reason()).contains("no projection is used");
        assertThat(point(g, "Vicuna language model").covered()).isFalse();
    }

    @Test
    void aNegatedCentralClaimIsIncorrectAndPointsAtTheNegation() {
        Grade g = grade("segment-anything", "why-promptable-task",
                "Unlike LLMs, a promptable task does not let SAM transfer zero-shot; it has to be retrained for each new task.");
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(point(g, "enables zero-shot transfer").contradicted()).isTrue();
        assertThat(g.explanation()).contains("Check the negation");
    }

    @Test
    void aCorrectParaphraseThatDeniesSomethingElseIsNotToldToCheckTheNegation() {
        Grade g = grade("llava", "instruction-data-source", "GPT-4, which only reads text, was shown the captions and"
                + " object boxes of COCO images and wrote conversations, detailed descriptions and complex reasoning"
                + " questions; they did not pay annotators.");
        assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(g.explanation()).doesNotContain("negation");
        assertThat(g.keyPoints()).noneMatch(KeyPointResult::contradicted);
    }

    @Test
    void theCorrectArchitectureInOtherWordsIsCorrect() {
        Grade g = grade("llava", "architecture", "LLaVA feeds CLIP ViT-L/14 features through a linear projection"
                + " into Vicuna, so image tokens sit alongside the text tokens.");
        assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(g.keyPoints()).allMatch(KeyPointResult::covered);
    }

    @Test
    void ordinaryTyposDoNotCostAKeyPoint() {
        Grade typed = grade("llava", "architecture",
                "LLaVA uses the CLIP ViT-L/14 visual encdoer, a linear projecton and the Vicuna langauge model.");
        assertThat(point(typed, "linear projection layer").covered()).isTrue();
        assertThat(point(typed, "Vicuna language model").covered()).isTrue();
        assertThat(typed.keyPoints()).noneMatch(KeyPointResult::contradicted);
    }

    @ParameterizedTest(name = "{0} is a typo of {1}: {2}")
    @CsvSource({
        "refrence, reference, true",
        "initilizer, initializer, true",
        "encdoer, encoder, true",
        "decoder, encoder, false",
        "gpt3, gpt4, false",
        "vicuna, vicunas, true",
        "cat, car, false"
    })
    void spellingToleratesTyposButNotOtherWordsOrNames(String typed, String meant, boolean typo) {
        assertThat(Spelling.isTypo(typed, meant)).isEqualTo(typo);
    }

    @Test
    void aDifferentRoleWithTheSameModifiersContradictsTheKeyPoint() {
        Grade g = grade("segment-anything", "model-architecture", "A heavy ViT image encoder runs once per image, a"
                + " prompt encoder embeds the clicks and boxes, and a lightweight mask encoder predicts the masks.");
        assertThat(point(g, "lightweight mask decoder").contradicted()).isTrue();
        assertThat(g.verdict()).isNotEqualTo(Verdict.CORRECT);
    }

    @Test
    void numbersGivenToTheWrongNamesContradictTheReference() {
        AnswerKey key = new AnswerKey("How often did raters prefer the new model?",
                "Raters preferred it 81% of the time over Imagen Video and 96% of the time over Make-A-Video.",
                List.of(), List.of());
        Grade swapped = grader.grade(key, "Raters preferred it 96% of the time over Imagen Video and 81% over Make-A-Video.");
        Grade right = grader.grade(key, "It won 81% of the comparisons with Imagen Video and 96% with Make-A-Video.");
        assertThat(swapped.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(swapped.explanation()).contains("96%").contains("81%");
        assertThat(right.verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void aCountAtAnotherScaleAndADeniedPhraseAreBothCaught() {
        Grade g = grade("segment-anything", "task-model-data", "It defines a promptable segmentation task, the SAM"
                + " model, and the SA-1B dataset of about 1.1 million masks, all drawn by hand without any model in"
                + " the loop.");
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(point(g, "data collected with model in the loop").contradicted()).isTrue();
        AnswerKey key = new AnswerKey("How large is the dataset?", "It has over a billion masks on 11M images.",
                List.of(), List.of());
        assertThat(grader.grade(key, "It has about 1.1 million masks on 11M images.").explanation())
                .contains("millions").contains("billions");
        assertThat(grader.grade(key, "Roughly 1.1 billion masks over 11M images.").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void aReversedComparisonContradictsTheReference() {
        AnswerKey key = new AnswerKey("How do NFNets compare with ViTs at scale?",
                "With comparable compute, NFNets match ViTs.", List.of(), List.of());
        Grade g = grader.grade(key, "With comparable compute, NFNets clearly outperform ViTs.");
        assertThat(g.contradicts()).isTrue();
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    }

    @Test
    void everyRowOfTheCourseAnswerSetNamesAQuestionOfTheBundledCourseWithAKnownCategory() throws Exception {
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/grading/course-answers.csv");
                MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            it.forEachRemaining(rows::add);
        }
        Map<String, Integer> perCategory = new TreeMap<>();
        for (Map<String, String> r : rows) {
            assertThat(Graders.bundledCourse().questionSet(r.get("set_id")).flatMap(s -> s.question(r.get("question_id"))))
                    .as("%s/%s", r.get("set_id"), r.get("question_id")).isPresent();
            assertThat(r.get("student_answer")).isNotBlank();
            perCategory.merge(r.get("category"), 1, Integer::sum);
            String expected = Set.of("paraphrase", "terse").contains(r.get("category")) ? "correct"
                    : r.get("category").equals("partial") ? "partial" : "incorrect";
            assertThat(r.get("label")).as(r.get("student_answer")).isEqualTo(expected);
        }
        assertThat(perCategory.keySet()).containsExactly("contradiction", "off_target", "paraphrase", "partial",
                "terse", "wrong_terms");
        int questions = Graders.bundledCourse().questionSets().stream().mapToInt(s -> s.questions().size()).sum();
        assertThat(perCategory.values()).allMatch(n -> n == 2 * questions);
    }

    @Test
    void whatTheReferenceSaysOfSamSaidOfDinoIsIncorrectAndNamesBoth() {
        Grade g = grade("impa-multimodal-fm", "dinov2-and-sam",
                "SAM is a self-supervised ViT giving general features for retrieval, and DINOv2 is the promptable"
                        + " model that returns a mask for a clicked point or a box.");
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(g.explanation()).contains("DINOv2").contains("SAM");
        assertThat(point(g, "SAM is promptable segmentation").contradicted()).isTrue();
        assertThat(g.keyPoints()).noneMatch(KeyPointResult::covered);
    }

    @Test
    void aSupervisedModelWhereTheReferenceSaysSelfSupervisedIsContradicted() {
        Grade g = grade("impa-multimodal-fm", "dinov2-and-sam",
                "DINOv2 is a supervised ViT whose general features serve many tasks; SAM is a promptable segmenter"
                        + " that works zero-shot on new images.");
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(g.explanation()).contains("supervised ViT");
    }

    @Test
    void sharesOfRuntimeGivenToTheOtherOperatorAreIncorrectAndInTheirPlacesCorrect() {
        Grade swapped = grade("genai-beyond-llms", "operator-breakdown",
                "With Flash Attention, linear layers take up to 44% in diffusion-based TTI models, while convolution"
                        + " takes up to 49% in transformer-based ones.");
        assertThat(swapped.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(swapped.explanation()).contains("44%").contains("49%");
        assertThat(point(swapped, "convolution up to 44% for diffusion").contradicted()).isTrue();
        assertThat(point(swapped, "linear layers up to 49% for transformers").contradicted()).isTrue();

        Grade right = grade("genai-beyond-llms", "operator-breakdown",
                "With Flash Attention, convolution takes up to 44% in diffusion-based TTI models, while linear layers"
                        + " take up to 49% in transformer-based ones.");
        assertThat(right.verdict()).isEqualTo(Verdict.CORRECT);
    }
}
