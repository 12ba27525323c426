package dev.lectern.grading.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Words that take sides: each belongs to a scale with two or more poles (small / large, frozen / trained,
 * better / worse / on par, encoder / decoder, image / video). Two words of one scale at different poles, said of
 * the same thing, contradict each other. The scales are the ones course answers about models turn on; WordNet
 * antonyms add the rest.
 */
public final class Opposites {

    /** Where a word stands: its scale and its pole on it. */
    public record Pole(String scale, int pole) {
        public boolean opposes(Pole other) {
            return scale.equals(other.scale) && pole != other.pole;
        }

        /** The other side of a two-sided scale (what "not X" says); empty for scales with more sides. */
        public Optional<Pole> flipped() {
            Integer sides = SIDES.get(scale);
            return sides != null && sides == 2 ? Optional.of(new Pole(scale, 1 - pole)) : Optional.empty();
        }
    }

    private static final Map<String, Pole> POLES = new HashMap<>();
    private static final Map<String, Integer> SIDES = new HashMap<>();

    private static void scale(String name, List<String>... poles) {
        SIDES.put(name, poles.length);
        for (int p = 0; p < poles.length; p++) {
            for (String w : poles[p]) {
                POLES.put(w, new Pole(name, p));
            }
        }
    }

    static {
        scale("size",
                List.of("small", "smaller", "smallest", "tiny", "little", "compact", "lightweight", "light",
                        "lighter", "lite", "minor", "fewer-parameter", "cheap", "cheaper"),
                List.of("large", "larger", "largest", "big", "bigger", "biggest", "huge", "massive", "heavy",
                        "heavier", "heavyweight", "giant", "expensive", "costly"));
        scale("speed",
                List.of("fast", "faster", "fastest", "quick", "quicker", "rapid", "real-time", "efficient"),
                List.of("slow", "slower", "slowest", "inefficient", "sluggish"));
        scale("training",
                List.of("frozen", "fixed", "freeze", "freezes", "froze", "untrained", "unchanged", "untouched"),
                List.of("trained", "trainable", "fine-tuned", "finetuned", "tuned", "updated", "learned", "learnt",
                        "learnable", "optimized", "optimised", "unfrozen", "retrained", "train", "trains",
                        "fine-tune", "fine-tunes", "finetune", "finetunes", "update", "updates"));
        scale("amount",
                List.of("more", "greater", "higher", "highest", "increase", "increases", "increased", "increasing",
                        "grows", "grow", "growing", "grew", "rises", "rise", "rising", "rose", "most", "many", "up"),
                List.of("less", "fewer", "lower", "lowest", "decrease", "decreases", "decreased", "decreasing",
                        "reduce", "reduces", "reduced", "shrinks", "shrink", "shrinking", "drops", "drop", "falls", "fall",
                        "falling", "fell", "declines", "decline", "declining", "least", "few", "down"));
        scale("quality",
                List.of("better", "best", "outperform", "outperforms", "outperformed", "beats", "beat", "surpasses",
                        "exceeds", "improves", "improved", "superior", "stronger", "strongest", "preferred", "prefer",
                        "prefers", "favoured", "favored", "favour", "favor", "favours", "favors", "wins", "won", "win",
                        "richer"),
                List.of("worse", "worst", "underperform", "underperforms", "underperformed", "hurts", "degrades",
                        "inferior", "weaker", "weakest", "trails", "trail", "lags", "lag", "short", "poorer", "poor",
                        "lost", "loses", "lose"),
                List.of("comparable", "similar", "match", "matches", "matched", "matching", "equal", "equals",
                        "on-par", "competitive"));
        scale("order", List.of("before", "earlier", "first", "precedes", "preceding", "prior"),
                List.of("after", "later", "last", "follows", "following", "afterwards"));
        scale("direction", List.of("input", "inputs"), List.of("output", "outputs"));
        scale("coding", List.of("encoder", "encoders", "encode", "encodes", "encoding", "encoded"),
                List.of("decoder", "decoders", "decode", "decodes", "decoding", "decoded"));
        scale("dimension", List.of("spatial", "spatially"), List.of("temporal", "temporally"));
        scale("openness", List.of("open", "public", "open-source", "released", "publicly"),
                List.of("closed", "proprietary", "private", "internal", "unreleased"));
        scale("sign", List.of("positive", "foreground"), List.of("negative", "background"));
        scale("scope", List.of("global", "globally"), List.of("local", "locally"));
        scale("explicitness", List.of("explicit", "explicitly"), List.of("implicit", "implicitly"));
        scale("continuity", List.of("continuous"), List.of("discrete"));
        scale("sequence", List.of("autoregressive", "sequential", "causal", "next-token"),
                List.of("non-autoregressive", "bidirectional", "parallel", "masked"));
        scale("resolution", List.of("low-resolution", "coarse"), List.of("high-resolution", "fine-grained"));
        scale("supervision", List.of("self-supervised", "unsupervised"), List.of("supervised"));
        scale("truth", List.of("synthetic", "generated"), List.of("real", "human-written", "human"));
    }

    private Opposites() {
    }

    /** Scales on which a whole answer takes one side, whatever it says it of ("autoregressive" vs "masked"). */
    public static boolean isGlobal(String scale) {
        return scale.equals("sequence") || scale.equals("openness") || scale.equals("continuity")
                || scale.equals("explicitness");
    }

    public static Optional<Pole> of(String lowerWord) {
        return Optional.ofNullable(POLES.get(lowerWord));
    }

    /** Whether the word names a kind of part or modality ("encoder", "video") rather than a quality. */
    public static boolean isRole(String lowerWord) {
        Pole p = POLES.get(lowerWord);
        return p != null && (p.scale.equals("coding") || p.scale.equals("direction"));
    }
}
