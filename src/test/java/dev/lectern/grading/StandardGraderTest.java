package dev.lectern.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.KeyPoint;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The grader on answers whose right grade is clear to a person, as tables of cases. */
class StandardGraderTest {

    private final StandardGrader grader = Graders.standard();

    private Grade grade(String set, String question, String answer) {
        return grader.grade(AnswerKey.of(Graders.question(set, question)), answer);
    }

    static Stream<Arguments> paraphrases() {
        return Stream.of(
                Arguments.of("llava", "instruction-data-source",
                        "A text-only GPT-4 produced it from MS COCO image captions and bounding boxes."),
                Arguments.of("llava", "instruction-data-source",
                        "GPT-4, which only reads text, wrote the instruction data: it was shown the COCO captions and"
                                + " object boxes of each picture and asked to make up questions and answers."),
                Arguments.of("emu-video", "two-step-factorization",
                        "First it makes a picture from the text prompt, then it generates the video from that picture"
                                + " and the text together."),
                Arguments.of("segment-anything", "task-model-data",
                        "A promptable segmentation task, the Segment Anything Model (SAM) that solves it, and the SA-1B"
                                + " dataset of more than a billion masks gathered with the model in the loop."),
                Arguments.of("lvm", "vision-only-sequential-modeling",
                        "That a big vision model can be trained only on visual data as sequences, with no text at all:"
                                + " images and videos become visual sentences of tokens and a transformer predicts the"
                                + " next token; tasks are given as visual prompts."));
    }

    @ParameterizedTest
    @MethodSource("paraphrases")
    void paraphraseOfTheReferenceIsAccepted(String set, String question, String answer) {
        Grade g = grade(set, question, answer);
        assertThat(g.verdict()).as(g.explanation()).isEqualTo(Verdict.CORRECT);
        assertThat(g.score()).isGreaterThanOrEqualTo(50);
    }

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of("llava", "instruction-data-source", "Crowd workers wrote it by hand on Mechanical Turk."),
                Arguments.of("emu-video", "two-step-factorization",
                        "It first trains a language model and then fine-tunes it on audio."),
                Arguments.of("lvm", "uvd-dataset-scale", "ImageNet, with about a million labelled photos."),
                Arguments.of("segment-anything", "task-model-data", "I don't know."));
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void wrongAnswerIsNotAccepted(String set, String question, String answer) {
        Grade g = grade(set, question, answer);
        assertThat(g.verdict()).as(g.explanation()).isNotEqualTo(Verdict.CORRECT);
        assertThat(g.score()).isLessThan(40);
    }

    @Test
    void referenceAnswerItselfScoresNearTheTopWithEveryKeyPointCovered() {
        var q = Graders.question("llava", "instruction-data-source");
        Grade g = grader.grade(AnswerKey.of(q), q.referenceAnswer());
        assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(g.score()).isGreaterThanOrEqualTo(85);
        assertThat(g.keyPoints()).allMatch(KeyPointResult::covered);
    }

    static Stream<Arguments> contradictions() {
        AnswerKey terminals = new AnswerKey("What does a voltage reading of 1.5 tell you about the connection between"
                + " a bulb terminal and a battery terminal?", "the terminals are not connected", List.of(), List.of());
        AnswerKey pitch = new AnswerKey("How does the sound of a short string differ from that of a long string?",
                "The short string has a higher pitch than the long string.", List.of(), List.of());
        AnswerKey switchOpen = new AnswerKey("Why does bulb A stay off?", "Because the switch is open.", List.of(), List.of());
        return Stream.of(
                Arguments.of(terminals, "the terminals are connected", "negation"),
                Arguments.of(pitch, "The short string has a lower pitch than the long string.", "“higher pitch”"),
                Arguments.of(switchOpen, "because the switch is closed", "“switch is open”"),
                Arguments.of(switchOpen, "because the switch is not open", "negation"));
    }

    @ParameterizedTest
    @MethodSource("contradictions")
    void answerSayingTheOppositeIsCaught(AnswerKey key, String answer, String hint) {
        Grade g = grader.grade(key, answer);
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(g.explanation()).contains("opposite").contains(hint);
    }

    @Test
    void sameStatementsWithMatchingNegationStayCorrect() {
        AnswerKey terminals = new AnswerKey("What does a voltage reading of 1.5 tell you about the connection between"
                + " a bulb terminal and a battery terminal?", "the terminals are not connected", List.of(), List.of());
        assertThat(grader.grade(terminals, "they are not connected to each other").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void keyPointIsMatchedThroughWordNetSynonyms() {
        AnswerKey key = new AnswerKey("What did they buy?", "They bought a large car.", List.of(),
                List.of(new KeyPoint("large car", List.of())));
        String answer = "A big automobile.";
        Grade g = grader.grade(key, answer);
        KeyPointResult kp = g.keyPoints().get(0);
        assertThat(kp.covered()).isTrue();
        assertThat(kp.evidence()).extracting(s -> s.in(answer)).contains("big", "automobile");
    }

    @Test
    void keyPointsTellWhatWasCoveredAndWhatWasMissed() {
        String answer = "GPT-4 generated it, working from text alone.";
        Grade g = grade("llava", "instruction-data-source", answer);
        assertThat(g.keyPoints()).hasSize(3);
        assertThat(g.keyPoints().get(0).covered()).isTrue();
        assertThat(g.keyPoints().get(0).evidence()).extracting(s -> s.in(answer)).contains("GPT");
        assertThat(g.keyPoints().get(1).covered()).isFalse();
        assertThat(g.keyPoints().get(1).evidence()).isEmpty();
        assertThat(g.explanation()).contains("missing").contains("captions and bounding boxes as input");
    }

    static Stream<Arguments> nonAnswers() {
        String prompt = Graders.question("llava", "instruction-data-source").prompt();
        return Stream.of(
                Arguments.of("", "No answer"),
                Arguments.of("   \n\t ", "No answer"),
                Arguments.of(prompt, "repeats the question"),
                Arguments.of("Where did the visual instruction-following data come from to train LLaVA?", "repeats the question"),
                Arguments.of("qwx zzv plorf gak brrn", "not words"),
                Arguments.of("asdfgh jklqwe rtyzx", "not words"),
                Arguments.of("Les données ont été écrites par GPT-4 à partir des légendes des images.", "French"),
                Arguments.of("Die Daten wurden von GPT-4 aus den Bildunterschriften und den Boxen erzeugt.", "German"),
                Arguments.of("数据是由只读文本的GPT-4根据图像标题和边界框生成的。", "another language"));
    }

    @ParameterizedTest
    @MethodSource("nonAnswers")
    void nonAnswerGetsALowScoreAndSaysWhy(String answer, String reason) {
        Grade g = grade("llava", "instruction-data-source", answer);
        assertThat(g.score()).isLessThanOrEqualTo(10);
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(g.explanation()).contains(reason);
        assertThat(g.keyPoints()).noneMatch(KeyPointResult::covered);
    }

    @Test
    void wordsRepeatedFromTheQuestionEarnNothing() {
        // Every content word here comes from the question; none says where the data came from.
        Grade g = grade("llava", "instruction-data-source", "The visual instruction-following data was used to train LLaVA.");
        assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(g.score()).isLessThan(30);
    }

    @Test
    void tenThousandCharacterAnswerIsGradedInBoundedTime() {
        var q = Graders.question("llava", "instruction-data-source");
        String huge = (q.referenceAnswer() + " ").repeat(10_000 / (q.referenceAnswer().length() + 1) + 1)
                .substring(0, 10_000);
        // A guard against unbounded work (a hang), not a speed target: `lectern bench grade` measures speed.
        Grade g = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> grader.grade(AnswerKey.of(q), huge));
        assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(g.keyPoints()).allMatch(KeyPointResult::covered);
    }

    @Test
    void everySignalIsReportedWithItsValueAndContribution() {
        Grade g = grade("emu-video", "two-step-factorization", "An image from the text first, then the video.");
        assertThat(g.signals()).extracting(Signal::name).containsAll(Features.NAMES).contains("bias", "modelScore");
        assertThat(g.signals()).allMatch(s -> !s.description().isBlank());
        double logit = g.signals().stream().filter(s -> Features.NAMES.contains(s.name()) || s.name().equals("bias"))
                .mapToDouble(Signal::contribution).sum();
        double modelScore = g.signals().stream().filter(s -> s.name().equals("modelScore")).findFirst().orElseThrow().value();
        assertThat(100 / (1 + Math.exp(-logit))).isCloseTo(modelScore, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void gradingTheSameAnswerTwiceGivesTheSameGrade() {
        Grade a = grade("lvm", "uvd-dataset-scale", "UVDv1 with 1.64 billion images, about 420 billion tokens.");
        Grade b = grade("lvm", "uvd-dataset-scale", "UVDv1 with 1.64 billion images, about 420 billion tokens.");
        assertThat(b).isEqualTo(a);
    }

    /**
     * DJL, whose tokenizer the sentence model uses, otherwise asks the cloud metadata address 169.254.169.254
     * where it runs and sends telemetry as the grader loads; Lectern sends nothing anywhere.
     */
    @Test
    void theLoadedGraderLeavesTheTokenizersLibraryOfflineSoItCallsNoOneHome() {
        assertThat(grader).isNotNull();
        assertThat(ai.djl.util.Utils.isOfflineMode()).as("DJL offline").isTrue();
        assertThat(Boolean.parseBoolean(ai.djl.util.Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")))
                .as("DJL's telemetry opted out").isTrue();
    }
}
