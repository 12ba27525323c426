package dev.lectern.interchange.qa;

import dev.lectern.interchange.ImportText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Proposes key points from a reference answer: cuts it into sentences and clauses, and keeps the two to four
 * short clauses that carry the most words the question does not already contain, in answer order. They are only
 * proposals: the importer marks the question for the author to confirm them.
 */
final class KeyPointProposer {

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern CLAUSES = Pattern.compile("\\s*[,;:()\"“”]\\s*|\\s+[-–—]\\s+|\\s+(?:and|but|while|whereas"
            + "|which|where|because|so that|such as|including|as well as|then|making|allowing|enabling|leading to)\\s+",
            Pattern.CASE_INSENSITIVE);
    /** Where a clause too long for a key point is cut further. */
    private static final Pattern PHRASES = Pattern.compile("\\s+(?:by|with|into|from|through|using|via|is|are|was|were"
            + "|has|have|can|to)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> FILLER = Set.of("the", "a", "an", "this", "these", "that", "those", "it", "its",
            "is", "are", "was", "were", "to", "of", "in", "on", "by", "for", "with", "also", "then", "thus", "which",
            "and", "or", "as", "so", "be", "being", "etc", "e.g", "i.e", "into", "from", "at");
    private static final int MIN_WORDS = 2;
    private static final int MAX_WORDS = 10;

    private KeyPointProposer() {
    }

    private record Candidate(String text, int position, double score, Set<String> words) {
    }

    static List<String> propose(String prompt, String answer) {
        Set<String> asked = new HashSet<>();
        for (String w : ImportText.contentWords(prompt)) {
            asked.add(stem(w));
        }
        List<Candidate> candidates = new ArrayList<>();
        int position = 0;
        for (String sentence : SENTENCES.split(answer)) {
            List<String> clauses = new ArrayList<>();
            for (String clause : CLAUSES.split(sentence)) {
                if (clause.strip().split("\\s+").length > MAX_WORDS) {
                    clauses.addAll(List.of(PHRASES.split(clause)));
                } else {
                    clauses.add(clause);
                }
            }
            for (String clause : clauses) {
                String text = trim(clause);
                String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
                if (words.length < MIN_WORDS || words.length > MAX_WORDS) {
                    continue;
                }
                Set<String> fresh = new HashSet<>();
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
                candidates.add(new Candidate(text, position++, score, fresh));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::position));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : candidates) {
            if (chosen.size() == 4 || c.score() < 2) {
                break;
            }
            boolean overlaps = chosen.stream().anyMatch(o -> overlap(o.words(), c.words()) > 0.5);
            if (!overlaps) {
                chosen.add(c);
            }
        }
        if (chosen.size() < 2) {
            return List.of();
        }
        chosen.sort(Comparator.comparingInt(Candidate::position));
        return chosen.stream().map(Candidate::text).toList();
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

    /** Drops filler words and punctuation at both ends of a clause. */
    private static String trim(String clause) {
        List<String> words = new ArrayList<>(List.of(clause.strip().replaceAll("[.!?…]+$", "").strip().split("\\s+")));
        while (!words.isEmpty() && FILLER.contains(bare(words.get(0)))) {
            words.remove(0);
        }
        while (!words.isEmpty() && FILLER.contains(bare(words.get(words.size() - 1)))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N})%]+$", "").strip();
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}.]", "");
    }

    /** A crude stem, enough to see that "tokens" in an answer is "token" in the question. */
    private static String stem(String w) {
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
