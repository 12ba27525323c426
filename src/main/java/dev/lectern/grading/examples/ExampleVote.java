package dev.lectern.grading.examples;

import dev.lectern.course.ExampleVerdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a question's judged examples weigh in on a grade: a nearest-neighbour vote over the examples, each weighted
 * by how similar it is to the answer (in meaning, in words and in what the claim checks found), blended with the
 * reference-based score. The more close examples there are, the more they count; an answer the claim checks found
 * contradicting the reference is never lifted to correct. Pure and thread-safe; the grader measures the
 * similarities and this decides what they mean.
 *
 * <p>The constants were chosen on SemEval-2013's Beetle and SciEntsBank training answers, each graded with every
 * other answer to its question as examples ({@code lectern grade --eval ... --examples-from-eval all}).
 */
public final class ExampleVote {

    /** Share of meaning (sentence-embedding cosine), words and claims in the similarity of two answers. */
    static final double MEANING = 0.5;
    static final double WORDS = 0.2;
    static final double CLAIMS = 0.3;
    /** The embedding's cosine of unrelated English answers is about this; it maps to 0. */
    static final double COSINE_FLOOR = 0.5;
    /** Only the closest this many examples vote. */
    static final int NEIGHBOURS = 10;
    /** Width of the similarity kernel: an example this much less similar than an identical one weighs 1/e. */
    static final double KERNEL = 0.1;
    /** How much evidence (summed kernel weights) gives the examples half of their largest say. */
    static final double HALF_SAY_AT = 0.2;
    /** The largest share of the grade the examples can have. */
    static final double MOST_SAY = 0.85;
    /**
     * An example at least this similar is a near copy of the answer: it may make an answer correct even when the
     * answer's key points are not confirmed.
     */
    public static final double NEAR_DUPLICATE = 0.9;
    /** Below this say the examples change nothing. */
    static final double LEAST_SAY = 0.05;

    private ExampleVote() {
    }

    /** One example as the grader measured it against the answer. */
    /** @param judge who judged it, as the explanation names them ("your instructor", "you") */
    public record Neighbour(double similarity, ExampleVerdict verdict, String note, String judge) {
    }

    /**
     * What the examples say: {@code vote} from 0 (incorrect) to 1 (correct), a partial counting half; {@code say},
     * the share of the grade they get (0..{@link #MOST_SAY}); the examples that voted, closest first; how many
     * examples there were.
     */
    public record Outcome(double vote, double say, List<Neighbour> closest, int examples) {

        public Outcome {
            closest = List.copyOf(closest);
        }

        /** Whether the examples count at all. */
        public boolean counts() {
            return say >= LEAST_SAY;
        }

        /** The closest voting example with this verdict, else the closest one; empty when none voted. */
        public java.util.Optional<Neighbour> nearest(ExampleVerdict verdict) {
            return closest.stream().filter(n -> n.verdict() == verdict).findFirst().or(() -> closest.stream().findFirst());
        }
    }

    /**
     * The similarity of two answers, 0..1, from the cosine of their sentence embeddings, the overlap of their
     * content words (0..1) and how far the claim checks agree about them (0..1).
     */
    public static double similarity(double cosine, double wordOverlap, double claimAgreement) {
        double meaning = Math.max(0, Math.min(1, (cosine - COSINE_FLOOR) / (1 - COSINE_FLOOR)));
        return MEANING * meaning + WORDS * clamp(wordOverlap) + CLAIMS * clamp(claimAgreement);
    }

    /** Agreement of two sets of content words: twice the shared ones over both sizes (Dice), 0..1. */
    public static double wordOverlap(java.util.Set<String> a, java.util.Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int shared = 0;
        for (String s : a) {
            shared += b.contains(s) ? 1 : 0;
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    /** The vote of the closest examples, weighted by a kernel on their similarity. */
    public static Outcome of(List<Neighbour> neighbours) {
        if (neighbours.isEmpty()) {
            return new Outcome(0, 0, List.of(), 0);
        }
        List<Neighbour> closest = new ArrayList<>(neighbours);
        closest.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
        closest = closest.subList(0, Math.min(NEIGHBOURS, closest.size()));
        double weights = 0;
        double votes = 0;
        for (Neighbour n : closest) {
            double w = Math.exp((clamp(n.similarity()) - 1) / KERNEL);
            weights += w;
            votes += w * value(n.verdict());
        }
        double say = MOST_SAY * weights / (weights + HALF_SAY_AT);
        return new Outcome(weights == 0 ? 0 : votes / weights, say, closest, neighbours.size());
    }

    /**
     * The score with the examples' say: a blend of the reference-based score and the vote (as 0..100). A
     * contradicted answer stays below {@code correctAt} whatever the examples say.
     */
    public static int combine(int referenceScore, Outcome outcome, boolean contradicted, int correctAt) {
        if (!outcome.counts()) {
            return referenceScore;
        }
        double blended = (1 - outcome.say()) * referenceScore + outcome.say() * 100 * outcome.vote();
        int score = (int) Math.round(Math.max(0, Math.min(100, blended)));
        return contradicted ? Math.min(score, correctAt - 1) : score;
    }

    /** A correct example counts 1, a partial one half, an incorrect one 0. */
    static double value(ExampleVerdict verdict) {
        return switch (verdict) {
            case CORRECT -> 1;
            case PARTIAL -> 0.5;
            case INCORRECT -> 0;
        };
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
