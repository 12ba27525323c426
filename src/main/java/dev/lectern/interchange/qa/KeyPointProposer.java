package dev.lectern.interchange.qa;

import dev.lectern.interchange.ImportText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes key points from a reference answer: short phrases (three to six words, two at the least) that each carry one
 * idea the question asks for, in answer order. The answer is cut into sentences and clauses; a clause too long is cut
 * only where a phrase ends (before a preposition, a relative "that", an infinitive), never inside one, and a phrase
 * never ends on a function word or a verb ("… datasets leads"). A question of several parts (two questions in one,
 * or "the difference between GANs, autoregressive models and diffusion models") gets a key point for each part,
 * taken from the sentence about it. They are only proposals: the importer marks the question for the author.
 */
final class KeyPointProposer {

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern DISCOURSE = Pattern.compile("(?i),?\\s*\\b(on the other hand|in contrast|however|moreover|"
            + "in addition|additionally|furthermore|for example|for instance|specifically|in particular|typically|"
            + "in this paper|in the paper|overall|essentially|basically)\\b\\s*,?");
    private static final Pattern CLAUSES = Pattern.compile("\\s*[;:()\"“”]\\s*|\\s*,\\s*(?=(and|but|while|which|"
            + "where|because|so|then|making|allowing|enabling|leading|demonstrating|showing|with)\\b)|\\s*,\\s+|"
            + "\\s+(?:and then|but|while|whereas|which|where|because|so that|such as|including|as well as|"
            + "making|allowing|enabling|leading to|demonstrating that|showing that|that is|that are|that)\\s+"
            + "|\\s+[-–—]\\s+", Pattern.CASE_INSENSITIVE);
    /** Words before which a phrase may end: a clause too long is cut there. */
    private static final Set<String> PHRASE_STARTS = Set.of("by", "with", "into", "from", "through", "using", "via",
            "to", "for", "on", "in", "at", "towards", "toward", "over", "under", "without", "across", "after",
            "before", "during", "between", "than", "and", "or", "based", "given", "against", "within", "beyond", "about",
            "around", "along", "until", "per", "because", "unless", "instead");
    /** Words a key point neither starts nor ends with. */
    private static final Set<String> FUNCTION = Set.of("the", "a", "an", "this", "these", "that", "those", "it", "its",
            "their", "his", "her", "our", "is", "are", "was", "were", "be", "been", "being", "to", "of", "in", "on",
            "by", "for", "with", "also", "then", "thus", "which", "and", "or", "as", "so", "etc", "e.g", "i.e", "into",
            "from", "at", "than", "can", "could", "may", "might", "will", "would", "should", "must", "has", "have",
            "had", "does", "do", "did", "not", "very", "more", "most", "such", "both", "each", "other", "they", "them",
            "we", "you", "he", "she", "who", "whom", "whose", "what", "how", "why", "when", "there", "here", "all",
            "any", "some", "many", "much", "first", "often", "usually", "well", "just", "only", "even", "like",
            "towards", "toward", "over", "via", "using", "through", "given", "based", "between", "without");
    /** Words before which a noun phrase may end, when the word before them is not a verb wanting them. */
    private static final Set<String> DETERMINERS = Set.of("one", "each", "every", "a", "an", "the", "some", "two",
            "three", "several", "many");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "gets", "get");
    private static final Pattern LIST_AFTER = Pattern.compile("(?i)\\b(?:between|among|compare|comparing|contrast|"
            + "contrasting|of)\\s+(.+?)\\s*[?.]?$");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("(?i)\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|vs\\.?"
            + "|versus)\\s+");
    private static final int MIN_WORDS = 2;
    private static final int MAX_WORDS = 6;
    private static final int MAX_POINTS = 5;

    private KeyPointProposer() {
    }

    private record Candidate(String text, int position, int sentence, double score, Set<String> words) {
    }

    /** One part of the question: its content stems, and for an item of a list its own words, which its point names. */
    private record Part(Set<String> stems, boolean item) {
    }

    static List<String> propose(String prompt, String answer) {
        Set<String> asked = stems(prompt);
        List<Part> parts = parts(prompt);
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCES.split(answer)) {
            String plain = DISCOURSE.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
            if (!plain.isEmpty()) {
                sentences.add(plain);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        int position = 0;
        for (int s = 0; s < sentences.size(); s++) {
            for (String clause : CLAUSES.split(sentences.get(s))) {
                for (String phrase : phrases(clause)) {
                    Candidate c = candidate(phrase, position++, s, asked);
                    if (c != null) {
                        candidates.add(c);
                    }
                }
            }
        }
        List<Candidate> chosen = new ArrayList<>();
        if (parts.size() > 1) {
            for (Part part : parts) {
                best(candidates, chosen, part).ifPresent(chosen::add);
            }
        }
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::position));
        for (Candidate c : ranked) {
            if (chosen.size() >= Math.max(4, Math.min(MAX_POINTS, parts.size())) || c.score() < 2) {
                break;
            }
            if (chosen.stream().noneMatch(o -> overlap(o.words(), c.words()) > 0.5)) {
                chosen.add(c);
            }
        }
        if (chosen.size() < 2) {
            return List.of();
        }
        chosen.sort(Comparator.comparingInt(Candidate::position));
        return chosen.stream().map(Candidate::text).toList();
    }

    /** The best candidate for a part of the question not yet covered: from a sentence about it, naming an item. */
    private static java.util.Optional<Candidate> best(List<Candidate> candidates, List<Candidate> chosen, Part part) {
        Candidate best = null;
        double bestScore = 0;
        for (Candidate c : candidates) {
            if (chosen.contains(c) || chosen.stream().anyMatch(o -> overlap(o.words(), c.words()) > 0.5)) {
                continue;
            }
            Set<String> all = new HashSet<>(c.words());
            all.addAll(stems(c.text()));
            long named = part.stems().stream().filter(all::contains).count();
            if (part.item() && named == 0) {
                continue;
            }
            double score = c.score() + 2.0 * named / Math.max(1, part.stems().size());
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * The parts of a question: each of its questions ("What dataset was used? What is the input?"), and the items of
     * a list it asks about ("between GANs, autoregressive models, and diffusion models").
     */
    private static List<Part> parts(String prompt) {
        List<Part> parts = new ArrayList<>();
        for (String question : prompt.split("(?<=[?])\\s+")) {
            Matcher list = LIST_AFTER.matcher(question.strip());
            List<String> items = new ArrayList<>();
            if (list.find()) {
                for (String item : LIST_SEPARATORS.split(list.group(1))) {
                    String bare = item.replaceAll("(?i)^(the|a|an)\\s+", "").strip();
                    if (!bare.isEmpty() && bare.split("\\s+").length <= 4) {
                        items.add(bare);
                    }
                }
            }
            if (items.size() >= 2) {
                for (String item : items) {
                    // "autoregressive models" is named by "autoregressive": the item's first content word.
                    List<String> words = ImportText.contentWords(item);
                    if (!words.isEmpty()) {
                        parts.add(new Part(Set.of(stem(words.get(0))), true));
                    }
                }
            } else {
                Set<String> own = stems(question);
                own.removeAll(Set.of("what", "explain", "describe", "detail", "mean", "meant", "paper"));
                if (!own.isEmpty()) {
                    parts.add(new Part(own, false));
                }
            }
        }
        return parts;
    }

    /**
     * A clause as phrases of at most {@link #MAX_WORDS} words: the clause itself if short enough, else its longest
     * beginning that ends where a phrase ends, and the same for what follows.
     */
    private static List<String> phrases(String clause) {
        List<String> words = new ArrayList<>(List.of(clause.strip().split("\\s+")));
        List<String> out = new ArrayList<>();
        while (!words.isEmpty()) {
            List<String> trimmed = trimmed(words);
            if (trimmed.size() <= MAX_WORDS) {
                out.add(String.join(" ", trimmed));
                break;
            }
            int cut = -1;
            for (int i = Math.min(words.size() - 1, MAX_WORDS + leading(words)); i >= MIN_WORDS; i--) {
                List<String> before = trimmed(words.subList(0, i));
                boolean start = PHRASE_STARTS.contains(bare(words.get(i)))
                        || DETERMINERS.contains(bare(words.get(i))) && !verbLike(bare(words.get(i - 1)));
                if (start && before.size() >= MIN_WORDS
                        && before.size() <= MAX_WORDS && !endsOnAVerb(before.toArray(String[]::new))) {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                // No phrase ends soon enough. What the clause's verb governs may be short enough on its own
                // ("It stores | a fixed list of learned patch vectors").
                for (int v = 0; v < Math.min(4, words.size() - 1); v++) {
                    String w = bare(words.get(v));
                    boolean verb = BE.contains(w) || w.endsWith("s") && w.length() > 3
                            && (WordUse.mostlyVerb(w.substring(0, w.length() - 1))
                                    || WordUse.mostlyVerb(w.substring(0, w.length() - 2)));
                    List<String> object = trimmed(words.subList(v + 1, words.size()));
                    if (verb && object.size() >= 3 && object.size() <= MAX_WORDS) {
                        out.add(String.join(" ", object));
                        break;
                    }
                }
                // Then skip to the next phrase start and go on from there.
                int next = -1;
                for (int i = 1; i < words.size(); i++) {
                    if (PHRASE_STARTS.contains(bare(words.get(i)))) {
                        next = i;
                        break;
                    }
                }
                if (next < 0) {
                    break;
                }
                words = new ArrayList<>(words.subList(next, words.size()));
                continue;
            }
            out.add(String.join(" ", trimmed(words.subList(0, cut))));
            words = new ArrayList<>(words.subList(cut, words.size()));
        }
        return out;
    }

    private static int leading(List<String> words) {
        int n = 0;
        while (n < words.size() && FUNCTION.contains(bare(words.get(n)))) {
            n++;
        }
        return n;
    }

    private static Candidate candidate(String phrase, int position, int sentence, Set<String> asked) {
        String text = phrase.replaceAll("[.!?…,]+$", "").strip();
        String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
        if (words.length < MIN_WORDS || words.length > MAX_WORDS || endsOnAVerb(words)) {
            return null;
        }
        Set<String> fresh = new LinkedHashSet<>();
        double score = 0;
        for (String w : ImportText.contentWords(text)) {
            String s = stem(w);
            if (!asked.contains(s) && fresh.add(s)) {
                score += w.length() >= 3 ? 1 : 0.5;
            }
        }
        if (text.matches(".*\\d.*") || text.matches(".*\\s\\p{Lu}\\w+.*")) {
            score += 0.5;
        }
        if (words.length >= 3) {
            score += 0.5;
        }
        return new Candidate(text, position, sentence, score, fresh);
    }

    /**
     * Whether a phrase ends on a verb that wants what follows ("pretraining on curated datasets leads", "the model
     * is"): a word whose use is mostly as a verb, in the third person or the past, after a word that could be its
     * subject.
     */
    private static boolean endsOnAVerb(String[] words) {
        String last = bare(words[words.length - 1]);
        if (words.length >= 2 && last.endsWith("ing") && FUNCTION.contains(bare(words[words.length - 2]))) {
            return true; // "by starting", "of using": the gerund's object is still to come
        }
        if (words.length >= 2 && last.endsWith("ed") && BE.contains(bare(words[words.length - 2]))) {
            return false; // a passive is complete: "every patch is replaced"
        }
        if (words.length >= 2 && (last.endsWith("s") && !last.endsWith("ss") || last.endsWith("ed"))) {
            String base = last.endsWith("ied") ? last.substring(0, last.length() - 3) + "y"
                    : last.endsWith("ed") ? last.substring(0, last.length() - 2) : last.substring(0, last.length() - 1);
            return WordUse.mostlyVerb(base) || WordUse.mostlyVerb(base + "e");
        }
        return false;
    }

    /** Whether the word is a form of a word mostly used as a verb ("produce", "produces", "produced"). */
    private static boolean verbLike(String w) {
        List<String> bases = new ArrayList<>(List.of(w));
        if (w.endsWith("s")) {
            bases.add(w.substring(0, w.length() - 1));
        }
        if (w.endsWith("es") || w.endsWith("ed")) {
            bases.add(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("ed")) {
            bases.add(w.substring(0, w.length() - 1));
        }
        return bases.stream().anyMatch(b -> b.length() > 2 && WordUse.mostlyVerb(b));
    }

    /** Drops function words and punctuation at both ends. */
    private static List<String> trimmed(List<String> words) {
        int from = 0;
        int to = words.size();
        while (from < to && (FUNCTION.contains(bare(words.get(from))) || bare(words.get(from)).isEmpty())) {
            from++;
        }
        while (to > from && (FUNCTION.contains(bare(words.get(to - 1))) || PHRASE_STARTS.contains(bare(words.get(to - 1)))
                || bare(words.get(to - 1)).isEmpty())) {
            to--;
        }
        List<String> out = new ArrayList<>();
        for (String w : words.subList(from, to)) {
            out.add(w);
        }
        if (!out.isEmpty()) {
            out.set(0, out.get(0).replaceAll("^[^\\p{L}\\p{N}]+", ""));
            int last = out.size() - 1;
            out.set(last, out.get(last).replaceAll("[^\\p{L}\\p{N})%]+$", ""));
        }
        return out;
    }

    private static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : ImportText.contentWords(text)) {
            out.add(stem(w));
        }
        return out;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : a) {
            if (b.contains(w)) {
                shared++;
            }
        }
        return (double) shared / Math.min(a.size(), b.size());
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}.]", "").replaceAll("\\.$", "");
    }

    /** A crude stem, enough to see that "tokens" in an answer is "token" in the question. */
    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
