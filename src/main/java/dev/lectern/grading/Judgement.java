package dev.lectern.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the measurements and the claim checks into a score, a verdict and one line for the student. The claims
 * decide: a contradicted key point or claim of the reference makes the answer incorrect, whatever the word
 * overlap; an answer whose words look right but whose key points are neither confirmed nor contradicted is unsure.
 */
record Judgement(int score, Verdict verdict, List<KeyPointResult> keyPoints, String explanation, double points,
                 int contradictions) {

    /** A contradicted answer scores at most this (incorrect). */
    static final int CAP_CONTRADICTED = 15;
    /** Share of the key points an answer must have confirmed to be correct. */
    static final double CONFIRMED_FOR_CORRECT = 0.6;
    /** Below this share of its words found (in meaning) in the key, a barely-covering answer is off the question. */
    static final double OFF_TOPIC_PRECISION = 0.7;

    static Judgement of(Analysis an, ClaimCheck.Result checked, int modelScore, GradingModel model) {
        List<KeyPointResult> kps = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        double sum = 0;
        int confirmed = 0;
        int contradicted = 0;
        for (int i = 0; i < an.keyPoints().size(); i++) {
            KeyPointResult r = an.keyPoints().get(i);
            ClaimCheck.PointCheck c = checked.points().get(i);
            double scaled = Math.max(0, Math.min(1, (r.similarity() - 0.3) / (Features.COVERED_AT + 0.1 - 0.3)));
            switch (c.status()) {
                case CONFIRMED -> {
                    confirmed++;
                    sum += Math.max(0.75, scaled);
                    kps.add(new KeyPointResult(r.keyPoint(), true, r.similarity(), c.evidence()));
                }
                case CONTRADICTED -> {
                    contradicted++;
                    reasons.add(c.reason());
                    kps.add(new KeyPointResult(r.keyPoint(), false, r.similarity(), c.evidence(), true, c.reason()));
                }
                default -> {
                    sum += 0.3 * scaled;
                    kps.add(new KeyPointResult(r.keyPoint(), false, r.similarity(), List.of()));
                }
            }
        }
        int n = kps.size();
        for (ClaimCheck.Contradiction c : checked.contradictions()) {
            if (reasons.stream().noneMatch(x -> x.equals(c.reason()))) {
                reasons.add(c.reason());
            }
        }
        int contradictions = reasons.size();
        double points = n == 0 ? 0 : sum / n;
        int score = n == 0 ? modelScore : (int) Math.round(0.5 * modelScore + 50 * points);
        boolean negation = checked.contradictions().stream().anyMatch(ClaimCheck.Contradiction::negation)
                || reasons.stream().anyMatch(r -> r.startsWith("the answer denies"));

        Verdict verdict;
        if (contradictions > 0) {
            // a wrong claim is not a detail: the student would learn it
            score = n == 0 ? Math.min(model.partialAt() - 1, (int) Math.round(score * 0.33)) : contradictedScore(score);
            verdict = Verdict.INCORRECT;
        } else {
            verdict = model.verdict(score);
            if (n > 0 && verdict == Verdict.CORRECT && confirmed < CONFIRMED_FOR_CORRECT * n) {
                verdict = confirmed == 0 ? Verdict.UNSURE : Verdict.PARTIAL;
            }
            double precision = an.features()[Features.NAMES.indexOf("softPrecision")];
            if (n > 0 && verdict == Verdict.PARTIAL && confirmed <= 1 && precision < OFF_TOPIC_PRECISION) {
                // most of what it says is not in the key: an answer to another question that shares a few words
                verdict = Verdict.INCORRECT;
                score = Math.min(score, model.partialAt() - 1);
            }
        }
        if (n == 0 && an.contradiction() && contradictions == 0 && verdict != Verdict.INCORRECT) {
            // The whole answer is the reference with a flipped "not" or an antonym: the old, coarse check.
            score = contradictedScore(score);
            verdict = Verdict.INCORRECT;
            reasons.add(an.negationFlip() ? "the answer flips a not/no/never of the reference"
                    : "the answer uses the opposite of a word of the reference");
            negation = an.negationFlip();
        }
        return new Judgement(score, verdict, kps, explain(verdict, an, kps, reasons, negation), points,
                reasons.size());
    }

    /** Low, below partial, but still ordered by how close the answer was otherwise. */
    private static int contradictedScore(int score) {
        return Math.min(score, Math.min(CAP_CONTRADICTED, 5 + score / 8));
    }

    private static String explain(Verdict verdict, Analysis an, List<KeyPointResult> kps, List<String> reasons,
                                  boolean negation) {
        List<String> missed = kps.stream().filter(r -> !r.covered() && !r.contradicted())
                .map(r -> r.keyPoint().text()).toList();
        long covered = kps.stream().filter(KeyPointResult::covered).count();
        String points = kps.isEmpty() ? "" : "covers " + covered + " of " + kps.size() + " key points";
        String missing = missed.isEmpty() ? "" : "; missing: " + quoteAll(missed);
        String wrong = reasons.isEmpty() ? "" : " Wrong: " + capitalise(reasons.get(0)) + "."
                + (negation ? " Check the negation (not, no, never)." : "");
        switch (verdict) {
            case CORRECT:
                return (kps.isEmpty() ? "Matches the reference answer in meaning"
                        : "Matches the reference answer; " + points) + missing + ".";
            case PARTIAL:
                return (kps.isEmpty() ? "Partly matches the reference answer; compare it with yours"
                        : "Partly right: " + points) + missing + "." + wrong;
            case UNSURE:
                return "Compare with the reference and rate yourself: the answer shares much with the reference,"
                        + " but its key points could not be confirmed.";
            default:
                if (!reasons.isEmpty()) {
                    return "Says the opposite of the reference answer." + wrong;
                }
                if (an.contentWords() < 3) {
                    return "Too short to show the idea of the reference answer" + missing + ".";
                }
                return (kps.isEmpty() ? "Does not match the reference answer"
                        : "Far from the reference answer: " + points) + missing + ".";
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String quoteAll(List<String> texts) {
        return texts.stream().map(t -> "\u201C" + t + "\u201D").collect(Collectors.joining(", "));
    }
}
