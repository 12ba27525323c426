package dev.lectern.grading;

import dev.lectern.course.KeyPoint;
import java.util.ArrayList;
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
    private static final int CAP_CONTRADICTION = 15;

    private final Features features;
    private final GradingModel model;

    StandardGrader(Features features, GradingModel model) {
        this.features = features;
        this.model = model;
    }

    /** Loads WordNet, the embedding model and the bundled weights: about a second. */
    public static StandardGrader load() {
        return new StandardGrader(loadFeatures(), GradingModel.bundled());
    }

    static Features loadFeatures() {
        TextAnalysis text = new TextAnalysis();
        Synonyms synonyms = Synonyms.load(word -> {
            List<Token> t = text.tokens(word);
            return t.isEmpty() ? word : t.get(0).stem();
        });
        return new Features(text, synonyms, Embeddings.load());
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
        int score = modelScore;
        if (!an.keyPoints().isEmpty()) {
            // The author's key points say what a good answer needs; the model, fitted on answers without key
            // points, says how close the answer is overall. Both count equally.
            double points = an.keyPoints().stream()
                    .mapToDouble(r -> Math.max(0, Math.min(1, (r.similarity() - 0.3) / (Features.COVERED_AT + 0.1 - 0.3))))
                    .average().orElse(0);
            score = (int) Math.round(0.5 * modelScore + 50 * points);
            signals.add(new Signal("keyPointScore", "key points covered (0..1), half of the score when a question has them",
                    round(points), 0));
        }
        signals.add(new Signal("modelScore", "the calibrated model's score before key points and checks", modelScore, 0));
        String why;
        if (an.language().kind() == LanguageCheck.Kind.OTHER_LANGUAGE) {
            score = Math.min(score, CAP_NOT_ANSWERED);
            String lang = an.language().language().isEmpty() ? "another language" : an.language().language();
            why = "This answer seems to be written in " + lang + "; answers are graded in English.";
        } else if (an.language().kind() == LanguageCheck.Kind.GIBBERISH) {
            score = Math.min(score, CAP_NOT_ANSWERED);
            why = "This answer is mostly not words; write it out in sentences.";
        } else if (an.contradiction()) {
            score = Math.min(score, CAP_CONTRADICTION);
            why = "This answer says the opposite of the reference answer: " + (an.negationFlip()
                    ? "check the negation (not, no, never)." : "check words like higher/lower, more/less.");
        } else if (an.questionCopy()) {
            score = Math.min(score, CAP_QUESTION_COPY);
            why = "This answer repeats the question without answering it.";
        } else {
            why = null;
        }
        Verdict verdict = model.verdict(score);
        List<KeyPointResult> kps = an.keyPoints();
        if (why != null) {
            kps = kps.stream().map(r -> new KeyPointResult(r.keyPoint(), false, r.similarity(), List.of())).toList();
        } else {
            why = explain(verdict, an, kps);
        }
        return new Grade(score, verdict, kps, why, signals);
    }

    private static String explain(Verdict verdict, Analysis an, List<KeyPointResult> kps) {
        List<String> missed = kps.stream().filter(r -> !r.covered()).map(r -> r.keyPoint().text()).toList();
        String points = kps.isEmpty() ? ""
                : "covers " + (kps.size() - missed.size()) + " of " + kps.size() + " key points";
        String missing = missed.isEmpty() ? "" : "; missing: " + quoteAll(missed);
        String negation = an.negationFlip() && verdict != Verdict.INCORRECT
                ? " Check the negation: the reference and the answer differ on not/no/never." : "";
        switch (verdict) {
            case CORRECT:
                return (kps.isEmpty() ? "Matches the reference answer in meaning"
                        : "Matches the reference answer; " + points) + missing + "." + negation;
            case PARTIAL:
                return (kps.isEmpty() ? "Partly matches the reference answer; compare it with yours"
                        : "Partly right: " + points) + missing + "." + negation;
            default:
                if (an.contentWords() < 3) {
                    return "Too short to show the idea of the reference answer" + missing + "." + negation;
                }
                return (kps.isEmpty() ? "Does not match the reference answer"
                        : "Far from the reference answer: " + points) + missing + "." + negation;
        }
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
