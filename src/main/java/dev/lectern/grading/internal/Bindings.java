package dev.lectern.grading.internal;

import dev.lectern.grading.internal.Syntax.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a text says of what: each word that takes a side ({@link Opposites}) bound to the thing it is said of
 * ("lightweight mask decoder", "the decoder is huge", "we freeze the encoder", "NFNets match ViTs", "X is faster
 * than Y"), with the negation that applies to it.
 */
public final class Bindings {

    /**
     * One claim: {@code pole} is said of the thing named by {@code head} (a stem) and its noun modifiers (stems);
     * {@code negated} when the text denies it. {@code word} and {@code headWord} are the indexes of the words.
     */
    public record Binding(String head, Set<String> modifiers, Opposites.Pole pole, boolean negated, int word,
                   int headWord, String attribute, String headText, String phrase) {

        /** The pole actually claimed: a denied side of a two-sided scale is the other side. */
        public Optional<Opposites.Pole> claimed() {
            return negated ? pole.flipped() : Optional.of(pole);
        }

        /** Whether two bindings may speak of the same thing: same head, and their modifiers do not differ. */
        public boolean sameThing(Binding other) {
            if (!head.equals(other.head)) {
                // "CLIP is frozen" speaks of the "CLIP encoder"
                return modifiers.isEmpty() && other.modifiers.contains(head)
                        || other.modifiers.isEmpty() && modifiers.contains(other.head);
            }
            if (modifiers.isEmpty() || other.modifiers.isEmpty()) {
                return true;
            }
            for (String m : modifiers) {
                if (other.modifiers.contains(m)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether this claim and the other say opposite things of the same thing. */
        public boolean contradicts(Binding other) {
            if (!sameThing(other)) {
                return false;
            }
            Optional<Opposites.Pole> a = claimed();
            Optional<Opposites.Pole> b = other.claimed();
            if (a.isPresent() && b.isPresent()) {
                return a.get().opposes(b.get());
            }
            // "not comparable" against "comparable": a denied pole of a many-sided scale
            return pole.equals(other.pole) && negated != other.negated;
        }

        public boolean agrees(Binding other) {
            return sameThing(other) && claimed().isPresent() && claimed().equals(other.claimed());
        }
    }

    private static final Set<String> COPULAS = Set.of("is", "are", "was", "were", "be", "been", "being",
            "remains", "remain", "remained", "stays", "stay", "stayed", "becomes", "become", "became", "gets",
            "get", "got", "seems", "appears", "'s");
    /** Verbs that compare their subject with their object. */
    private static final Set<String> COMPARE = Set.of("outperform", "outperforms", "outperformed", "beats", "beat",
            "surpasses", "exceeds", "underperform", "underperforms", "underperformed", "trails", "trail", "lags",
            "match", "matches", "matched", "equals", "rivals", "wins", "loses");
    private static final Set<String> PREFER = Set.of("prefer", "prefers", "preferred", "favour", "favor",
            "favours", "favors", "favoured", "favored");
    private static final Set<String> KEEP_VERBS = Set.of("keep", "keeps", "kept", "keeping", "leave", "leaves",
            "left", "hold", "holds", "held", "make", "makes", "made");
    private static final Set<String> GLUE = Set.of("not", "n't", "only", "also", "very", "much", "relatively",
            "quite", "fairly", "still", "always", "entirely", "completely", "fully", "mostly", "largely", "really",
            "never", "just", "rather", "far", "way", "even", "too", "so", "comparatively", "significantly");

    private Bindings() {
    }

    /** The claims of a parsed text; {@code stem} reduces a lower-case word to its stem. */
    public static List<Binding> of(List<Word> words, UnaryOperator<String> stem) {
        List<Binding> out = new ArrayList<>();
        int n = words.size();
        for (int i = 0; i < n; i++) {
            Word w = words.get(i);
            Optional<Opposites.Pole> pole = Opposites.of(w.lower());
            if (pole.isEmpty()) {
                continue;
            }
            // Inside a noun phrase, before its head: "lightweight mask decoder", "frozen CLIP encoder".
            int head = headOf(words, i);
            if (head > i) {
                // "the positive terminal" names which terminal; it says nothing about one
                boolean naming = pole.get().scale().equals("sign");
                // a negation over a noun phrase denies the thing, not its attribute: "no closed path" is not an
                // open path, and "is no longer in a closed path" says nothing of which paths are closed
                boolean denied = false;
                if (w.negated()) {
                    continue;
                }
                if (!naming && (!Opposites.isRole(words.get(head).lower()) || !Opposites.isRole(w.lower())
                        || !pole.get().scale().equals(Opposites.of(words.get(head).lower()).get().scale()))) {
                    out.add(binding(words, head, pole.get(), denied, i, stem));
                }
                addThan(words, i, pole.get(), denied, stem, out);
                continue;
            }
            boolean activePrefer = PREFER.contains(w.lower()) && (i == 0 || !COPULAS.contains(words.get(i - 1).lower()));
            if (w.isVerb() && !w.pos().equals("VBN") || w.lower().endsWith("s") && w.pos().startsWith("VB")
                    || activePrefer && w.isVerb()) {
                verbClaims(words, i, pole.get(), stem, out);
                continue;
            }
            // After a copula: "the decoder is huge", "the LLM stays frozen", "NFNets are comparable to ViTs".
            int subject = copulaSubject(words, i);
            if (subject >= 0) {
                out.add(binding(words, subject, pole.get(), w.negated(), i, stem));
                // "CLIP and Vicuna are trained": both
                int k = subject;
                while (k >= 2 && (words.get(k - 1).lower().equals("and") || words.get(k - 1).text().equals(","))
                        && words.get(k - 2).isNoun() && words.get(k - 2).clause() == words.get(i).clause()) {
                    out.add(binding(words, k - 2, pole.get(), w.negated(), i, stem));
                    k -= 2;
                }
                addThan(words, i, pole.get(), w.negated(), stem, out);
                continue;
            }
            // "keeps the encoder frozen"
            int kept = keptObject(words, i);
            if (kept >= 0) {
                out.add(binding(words, kept, pole.get(), w.negated(), i, stem));
            }
        }
        return out;
    }

    private static Binding binding(List<Word> words, int head, Opposites.Pole pole, boolean negated, int word,
                                   UnaryOperator<String> stem) {
        Set<String> modifiers = new HashSet<>();
        for (int j = head - 1; j >= 0 && inSameChunk(words, j, head); j--) {
            Word m = words.get(j);
            if (m.isNoun() && Opposites.of(m.lower()).isEmpty()) {
                modifiers.add(stem.apply(m.lower()));
            }
        }
        Word h = words.get(head);
        int from = Math.min(word, head);
        int to = Math.max(word, head);
        while (from > 0 && from > head - 3 && words.get(from - 1).chunk().equals(words.get(from).chunk().replace("I-", "B-"))
                && !words.get(from - 1).pos().equals("DT") && words.get(from).chunk().startsWith("I-")) {
            from--;
        }
        StringBuilder phrase = new StringBuilder();
        for (int k = from; k <= to; k++) {
            if (phrase.length() > 0 && !words.get(k).text().equals("n't")) {
                phrase.append(' ');
            }
            phrase.append(words.get(k).text());
        }
        return new Binding(stem.apply(h.lower()), modifiers, pole, negated, word, head, words.get(word).lower(),
                h.text(), phrase.toString());
    }

    /** The head noun of the noun phrase a word stands in, if the word comes before it; else -1. */
    private static int headOf(List<Word> words, int i) {
        Word w = words.get(i);
        if (!w.chunk().endsWith("NP")) {
            return -1;
        }
        int last = -1;
        for (int j = i + 1; j < words.size() && words.get(j).chunk().equals("I-NP"); j++) {
            if (words.get(j).isNoun()) {
                last = j;
            }
        }
        return last;
    }

    private static boolean inSameChunk(List<Word> words, int j, int head) {
        for (int k = j + 1; k <= head; k++) {
            if (!words.get(k).chunk().startsWith("I-")) {
                return false;
            }
        }
        return words.get(j).chunk().endsWith("NP");
    }

    /** The head of the noun phrase before a copula that precedes word i in its clause; else -1. */
    private static int copulaSubject(List<Word> words, int i) {
        int j = i - 1;
        while (j >= 0 && words.get(j).clause() == words.get(i).clause()
                && (GLUE.contains(words.get(j).lower()) || words.get(j).pos().equals("DT")
                || words.get(j).pos().equals("RB") || words.get(j).pos().startsWith("JJ")
                || KEEP_VERBS.contains(words.get(j).lower()) && words.get(j).pos().equals("VBN"))) {
            j--;
        }
        if (j >= 0 && j == i - 1 && words.get(j).isVerb() && !COPULAS.contains(words.get(j).lower())
                && (words.get(i).pos().equals("RBR") || words.get(i).pos().equals("JJR"))) {
            // "architecture matters less", "NFNets scale better": said of the verb's subject
            for (int k = j - 1; k >= 0 && k >= j - 4 && words.get(k).clause() == words.get(i).clause(); k--) {
                if (words.get(k).isNoun()) {
                    return k;
                }
            }
        }
        if (j >= 0 && words.get(j).isNoun() && j < i && !words.get(i).chunk().endsWith("NP")
                && (words.get(i).pos().startsWith("JJ") || words.get(i).pos().equals("VBN")
                && (j + 1 == i || !COPULAS.contains(words.get(j + 1).lower()))) && (j == 0 || words.get(j - 1).clause() != words.get(j).clause()
                || words.get(j).chunk().endsWith("NP"))) {
            // a verbless phrase, as key points are written: "ViTs not inherently better at scale"
            return j;
        }
        if (j < 0 || !COPULAS.contains(words.get(j).lower())) {
            return -1;
        }
        int k = j - 1;
        while (k >= 0 && (GLUE.contains(words.get(k).lower()) || words.get(k).pos().equals("MD")
                || words.get(k).pos().equals("RB"))) {
            k--;
        }
        if (k >= 0 && words.get(k).lower().matches("which|that|who")) {
            k--;
            while (k >= 0 && !words.get(k).isNoun()) {
                k--;
            }
        }
        for (int m = k; m >= 0 && m >= k - 1; m--) {
            if (words.get(m).isNoun()) {
                return m;
            }
        }
        return -1;
    }

    /** "keeps the vision encoder frozen": the object's head before word i, after a keep-verb; else -1. */
    private static int keptObject(List<Word> words, int i) {
        int head = -1;
        for (int j = i - 1; j >= 0 && j >= i - 6 && words.get(j).clause() == words.get(i).clause(); j--) {
            Word w = words.get(j);
            if (head < 0 && w.isNoun()) {
                head = j;
            }
            if (KEEP_VERBS.contains(w.lower())) {
                return head;
            }
        }
        return -1;
    }

    /**
     * A verb that takes a side: "freeze/train/fine-tune X" says it of its object; "X outperforms/matches Y" says
     * it of the subject and the opposite of the object.
     */
    private static void verbClaims(List<Word> words, int i, Opposites.Pole pole, UnaryOperator<String> stem,
                                   List<Binding> out) {
        Word verb = words.get(i);
        boolean prepositional = i + 1 < words.size() && (words.get(i + 1).pos().equals("IN")
                || words.get(i + 1).pos().equals("TO"));
        int object = prepositional ? -1 : nextHead(words, i);
        if (pole.scale().equals("training")) {
            // passive or perfect ("is trained", "was fine-tuned") is handled as an attribute of the subject
            if (object >= 0) {
                Opposites.Pole claim = pole.pole() == 0 ? new Opposites.Pole("training", 0)
                        : new Opposites.Pole("training", 1);
                out.add(binding(words, object, claim, verb.negated(), i, stem));
            }
            return;
        }
        if (PREFER.contains(verb.lower())) {
            // "raters preferred Emu Video over Gen2": the object wins, what follows "over" loses
            if (object >= 0) {
                out.add(binding(words, object, pole, verb.negated(), i, stem));
                addThan(words, object, pole, verb.negated(), stem, out);
            }
            return;
        }
        int subject = previousHead(words, i);
        if (subject >= 0) {
            out.add(binding(words, subject, pole, verb.negated(), i, stem));
        }
        if (object >= 0 && COMPARE.contains(verb.lower())) {
            out.add(binding(words, object, inverse(pole), verb.negated(), i, stem));
        } else if (object >= 0 && pole.scale().equals("quality")) {
            // "improves generation quality": the object is what gets better
            out.add(binding(words, object, pole, verb.negated(), i, stem));
        }
    }

    /** "faster than Y", "more than Y": Y gets the other side. */
    private static void addThan(List<Word> words, int i, Opposites.Pole pole, boolean negated,
                                UnaryOperator<String> stem, List<Binding> out) {
        for (int j = i + 1; j < words.size() && j <= i + 4 && words.get(j).clause() == words.get(i).clause(); j++) {
            if (words.get(j).lower().equals("than") || words.get(j).lower().equals("to")
                    && pole.scale().equals("quality") && pole.pole() == 2
                    || words.get(j).lower().equals("over") && pole.scale().equals("quality")) {
                int object = nextHead(words, j);
                if (object >= 0) {
                    out.add(binding(words, object, inverse(pole), negated, i, stem));
                }
                return;
            }
        }
    }

    private static Opposites.Pole inverse(Opposites.Pole pole) {
        if (pole.scale().equals("quality")) {
            return pole.pole() == 2 ? pole : new Opposites.Pole("quality", 1 - pole.pole());
        }
        return pole.flipped().orElse(pole);
    }

    private static int nextHead(List<Word> words, int i) {
        for (int j = i + 1; j < words.size() && j <= i + 6 && words.get(j).clause() == words.get(i).clause()
                && !Syntax.isBreak(words.get(j).text()); j++) {
            String pos = words.get(j).pos();
            if (j > i + 1 && (pos.equals("IN") || pos.startsWith("VB")) && !words.get(i + 1).lower().equals("than")
                    && !words.get(i).lower().equals("than")) {
                return -1;
            }
            if (words.get(j).isNoun() && (j + 1 >= words.size() || !words.get(j + 1).chunk().equals("I-NP")
                    || !words.get(j + 1).isNoun())) {
                return j;
            }
        }
        return -1;
    }

    private static int previousHead(List<Word> words, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 6 && words.get(j).clause() == words.get(i).clause()
                && !Syntax.isBreak(words.get(j).text()); j--) {
            if (words.get(j).isNoun()) {
                return j;
            }
        }
        return -1;
    }
}
