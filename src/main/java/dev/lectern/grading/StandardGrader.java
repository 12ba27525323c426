package dev.lectern.grading;

import dev.lectern.grading.internal.Syntax;

import dev.lectern.course.KeyPoint;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lectern's grader. It measures an answer against the key ({@link Features}: sentence meaning, stemmed words and
 * WordNet synonyms that the question does not already contain, key-point coverage, negation, length), weighs
 * the measurements with a logistic model calibrated on human-graded answers ({@link GradingModel}), and says in
 * one line why. Answers that are empty, copy the question, are not words, or are not English get a low score and
 * say so. Thread-safe; pure once loaded.
 */
public final class StandardGrader implements Grader {

    private static final int CAP_NOT_ANSWERED = 5;
    private static final int CAP_QUESTION_COPY = 10;

    private final Features features;
    private final GradingModel model;
    private final ClaimCheck claims;

    StandardGrader(Features features, GradingModel model, ClaimCheck claims) {
        this.features = features;
        this.model = model;
        this.claims = claims;
    }

    /** Loads WordNet, the embedding model, the grammar models and the bundled weights: about a second. */
    public static StandardGrader load() {
        CompletableFuture<Syntax> syntax = CompletableFuture.supplyAsync(Syntax::load);
        TextAnalysis text = new TextAnalysis();
        Synonyms synonyms = Synonyms.load(text::stem);
        Features features = new Features(text, synonyms, Embeddings.load());
        return new StandardGrader(features, GradingModel.bundled(), new ClaimCheck(syntax.join(), synonyms, text));
    }

    Features features() {
        return features;
    }

    ClaimCheck claims() {
        return claims;
    }

    /** The raw measurements, in the order of {@link Features#NAMES}: what calibration fits the weights on. */
    double[] measure(AnswerKey key, String answer) {
        return features.analyse(key, answer == null ? "" : answer).features();
    }

    @Override
    public Grade grade(AnswerKey key, String answer) {
        String a = answer == null ? "" : answer;
        if (a.isBlank()) {
            List<KeyPointResult> missed = key.keyPoints().stream()
                    .map(kp -> new KeyPointResult(kp, false, 0, List.of())).toList();
            return new Grade(0, Verdict.INCORRECT, missed, "No answer was given.", List.of());
        }
        Analysis an = features.analyse(key, a);
        double[] f = an.features();
        List<Signal> signals = new ArrayList<>();
        double[] contributions = model.contributions(f);
        for (int i = 0; i < f.length; i++) {
            signals.add(new Signal(Features.NAMES.get(i), Features.DESCRIPTIONS.get(i), round(f[i]),
                    round(contributions[i])));
        }
        signals.add(new Signal("bias", "the model's starting log-odds", 1, round(model.bias())));
        int modelScore = model.score(f);
        signals.add(new Signal("modelScore", "the calibrated model's score before key points and checks", modelScore, 0));

        String why = notAnAnswer(an);
        if (why != null) {
            int cap = an.questionCopy() && an.language().kind() == LanguageCheck.Kind.ENGLISH
                    ? CAP_QUESTION_COPY : CAP_NOT_ANSWERED;
            List<KeyPointResult> kps = an.keyPoints().stream()
                    .map(r -> new KeyPointResult(r.keyPoint(), false, r.similarity(), List.of())).toList();
            int score = Math.min(modelScore, cap);
            return new Grade(score, model.verdict(score), kps, why, signals);
        }

        ClaimCheck.Result checked = claims.check(key, a, an.keyPoints());
        Judgement j = Judgement.of(an, checked, modelScore, model);
        signals.add(new Signal("keyPointScore", "key points confirmed by the claim checks (0..1)", round(j.points()), 0));
        signals.add(new Signal("contradictions", "claims of the reference the answer contradicts", j.contradictions(), 0));
        return new Grade(j.score(), j.verdict(), j.keyPoints(), j.explanation(), signals);
    }

    /** Why an answer is no answer at all (empty language, not words, a copy of the question); null if it is one. */
    private static String notAnAnswer(Analysis an) {
        if (an.language().kind() == LanguageCheck.Kind.OTHER_LANGUAGE) {
            String lang = an.language().language().isEmpty() ? "another language" : an.language().language();
            return "This answer seems to be written in " + lang + "; answers are graded in English.";
        } else if (an.language().kind() == LanguageCheck.Kind.GIBBERISH) {
            return "This answer is mostly not words; write it out in sentences.";
        } else if (an.questionCopy()) {
            return "This answer repeats the question without answering it.";
        }
        return null;
    }

    private static String quoteAll(List<String> texts) {
        return texts.stream().map(t -> "\u201C" + t + "\u201D").collect(Collectors.joining(", "));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** For tests: the key points of a result that were covered. */
    static List<KeyPoint> covered(Grade g) {
        return g.keyPoints().stream().filter(KeyPointResult::covered).map(KeyPointResult::keyPoint).toList();
    }
}
