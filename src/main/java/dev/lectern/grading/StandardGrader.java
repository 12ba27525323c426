package dev.lectern.grading;

import dev.lectern.grading.internal.Syntax;

import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.KeyPoint;
import dev.lectern.grading.examples.ExampleVote;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lectern's grader. It measures an answer against the key ({@link Features}: sentence meaning, stemmed words and
 * WordNet synonyms that the question does not already contain, key-point coverage, negation, length), weighs
 * the measurements with a logistic model calibrated on human-graded answers ({@link GradingModel}), and says in
 * one line why. Answers that are empty, copy the question, are not words, or are not English get a low score and
 * say so. With judged examples on the key, the grade also weighs how close the answer is to them
 * ({@link ExampleVote}); without, it is the reference-based grade alone. Thread-safe; pure once loaded.
 */
public final class StandardGrader implements Grader {

    private static final int CAP_NOT_ANSWERED = 5;
    private static final int CAP_QUESTION_COPY = 10;

    private final Features features;
    private final GradingModel model;
    private final ClaimCheck claims;
    /** The reference-based grade of an answer (a student's or an example's), with its content words. */
    private final BoundedCache<Graded, Measured> byReference;

    StandardGrader(Features features, GradingModel model, ClaimCheck claims) {
        this.features = features;
        this.model = model;
        this.claims = claims;
        this.byReference = new BoundedCache<>(20_000, g -> measured(g.key(), g.answer()));
    }

    /** An answer to a key without examples. */
    private record Graded(AnswerKey key, String answer) {
    }

    /** What the reference says of an answer, and its content words, to compare answers with one another. */
    private record Measured(Grade grade, Set<String> words) {
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
        if (key.examples().isEmpty() || a.isBlank()) {
            return byReference(key, a);
        }
        AnswerKey reference = key.withoutExamples();
        Measured self = byReference.get(new Graded(reference, a));
        Grade base = self.grade();
        if (base.signals().isEmpty() || base.signals().stream().noneMatch(sg -> sg.name().equals("keyPointScore"))) {
            return base; // not an answer at all (another language, not words, the question repeated)
        }
        float[] vector = features.embeddings().vector(a);
        List<ExampleVote.Neighbour> neighbours = new ArrayList<>(key.examples().size());
        for (JudgedExample e : key.examples()) {
            Measured other = byReference.get(new Graded(reference, e.answer()));
            double cosine = Embeddings.dot(vector, features.embeddings().vector(e.answer()));
            double similarity = ExampleVote.similarity(cosine, ExampleVote.wordOverlap(self.words(), other.words()),
                    claimAgreement(base, other.grade()));
            neighbours.add(new ExampleVote.Neighbour(similarity, e.verdict(), e.note(), e.judge().phrase()));
        }
        ExampleVote.Outcome vote = ExampleVote.of(neighbours);
        return withExamples(base, vote);
    }

    /** The reference-based grade, blended with the examples' vote when it counts. */
    private Grade withExamples(Grade base, ExampleVote.Outcome vote) {
        List<Signal> signals = new ArrayList<>(base.signals());
        signals.add(new Signal("examples", "judged examples of the question", vote.examples(), 0));
        signals.add(new Signal("exampleVote", "the closest examples' verdict, weighted by similarity (0..1)",
                round(vote.vote()), 0));
        signals.add(new Signal("exampleSay", "the share of the score the examples had (0..1)",
                vote.counts() ? round(vote.say()) : 0, 0));
        if (!vote.counts()) {
            return new Grade(base.score(), base.verdict(), base.keyPoints(), base.explanation(), signals);
        }
        boolean contradicted = base.contradicts();
        int score = ExampleVote.combine(base.score(), vote, contradicted, model.correctAt());
        Verdict verdict = contradicted ? Verdict.INCORRECT : model.verdict(score);
        int n = base.keyPoints().size();
        if (verdict == Verdict.CORRECT && n > 0 && base.coveredCount() < Judgement.CONFIRMED_FOR_CORRECT * n
                && vote.closest().get(0).similarity() < ExampleVote.NEAR_DUPLICATE) {
            // the key points say what a correct answer must assert; only a near copy of a judged answer overrules them
            verdict = Verdict.PARTIAL;
            score = Math.min(score, model.correctAt() - 1);
        }
        if (verdict == base.verdict()) {
            return new Grade(score, verdict, base.keyPoints(), base.explanation(), signals);
        }
        ExampleVerdict wanted = verdict == Verdict.CORRECT ? ExampleVerdict.CORRECT
                : verdict == Verdict.PARTIAL ? ExampleVerdict.PARTIAL : ExampleVerdict.INCORRECT;
        ExampleVote.Neighbour nearest = vote.nearest(wanted).orElseThrow();
        String note = nearest.note().isBlank() ? "" : " (\u201C" + nearest.note().strip() + "\u201D)";
        String why = "Close to an answer marked " + nearest.verdict().key() + " by " + nearest.judge() + note + "."
                + (base.keyPoints().isEmpty() ? "" : " By the key points alone: " + lowerFirst(base.explanation()));
        return new Grade(score, verdict, base.keyPoints(), why, signals);
    }

    /**
     * How far the claim checks agree about two answers, 0..1: whether both or neither contradict the reference, and
     * which key points each covers (or, without key points, how close their reference-based scores are).
     */
    private static double claimAgreement(Grade a, Grade b) {
        double contradiction = a.contradicts() == b.contradicts() ? 1 : 0;
        int n = Math.min(a.keyPoints().size(), b.keyPoints().size());
        double points;
        if (n == 0) {
            points = 1 - Math.abs(a.score() - b.score()) / 100.0;
        } else {
            int same = 0;
            for (int i = 0; i < n; i++) {
                KeyPointResult x = a.keyPoints().get(i);
                KeyPointResult y = b.keyPoints().get(i);
                same += x.covered() == y.covered() && x.contradicted() == y.contradicted() ? 1 : 0;
            }
            points = (double) same / n;
        }
        return 0.5 * contradiction + 0.5 * points;
    }

    private Measured measured(AnswerKey key, String answer) {
        Set<String> words = new HashSet<>();
        features.text().tokens(answer).forEach(t -> words.add(t.stem()));
        return new Measured(byReference(key, answer), Set.copyOf(words));
    }

    /** The grade by the reference answer, its key points and the claim checks alone: the grade without examples. */
    private Grade byReference(AnswerKey key, String a) {
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

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** For tests: the key points of a result that were covered. */
    static List<KeyPoint> covered(Grade g) {
        return g.keyPoints().stream().filter(KeyPointResult::covered).map(KeyPointResult::keyPoint).toList();
    }
}
