package dev.lectern.grading;

import static dev.lectern.grading.Terms.GENERIC;
import static dev.lectern.grading.Terms.isNumber;
import static dev.lectern.grading.Terms.isScaleWord;
import static dev.lectern.grading.Terms.looksLikeName;
import static dev.lectern.grading.Terms.number;
import static dev.lectern.grading.Terms.term;
import static dev.lectern.grading.Terms.value;
import static dev.lectern.grading.Terms.values;

import dev.lectern.grading.internal.Opposites;
import dev.lectern.grading.internal.Syntax;
import dev.lectern.grading.internal.Syntax.Parsed;
import dev.lectern.grading.internal.Syntax.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Claims of the reference that pair things up, checked against the answer's pairs: numbers with the names and
 * units next to them ("81% over Imagen Video", "16 fps"), numbers at another scale, who made what ("Imagen Video
 * from Google"), and the side a whole answer takes on a scale ("autoregressive" against "masked").
 */
final class Pairings {

    private final ClaimCheck check;

    Pairings(ClaimCheck check) {
        this.check = check;
    }


    /** Each number of a text with the name nearest to it in its clause ("90% over PYOCO"). */
    private Map<String, Set<String>> numberNames(List<Word> words, ClaimCheck.Key k) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            if (!isNumber(words.get(i).lower())) {
                continue;
            }
            int best = -1;
            if (i + 1 < words.size() && words.get(i + 1).pos().startsWith("NN") && !isNumber(words.get(i + 1).lower())
                    && !isScaleWord(words.get(i + 1).lower())) {
                // the unit or thing counted: "16 fps", "4 seconds"
                out.computeIfAbsent(number(words.get(i).lower()), x -> new HashSet<>())
                        .add("unit:" + check.stem(words.get(i + 1).lower()));
            }
            for (int step : new int[] {1, -1}) {
                best = -1;
                for (int d = 1; d <= 5 && best < 0; d++) {
                    int j = i + step * d;
                    if (j < 0 || j >= words.size() || words.get(j).clause() != words.get(i).clause()
                            || isNumber(words.get(j).lower()) || Syntax.isBreak(words.get(j).text())
                            || words.get(j).text().matches("[;:]")) {
                        break;
                    }
                    if (!GENERIC.contains(term(words.get(j).lower()))
                            && (k.names.contains(term(words.get(j).lower())) || looksLikeName(words, j))) {
                        best = j;
                    }
                }
                if (best >= 0) {
                    out.computeIfAbsent(number(words.get(i).lower()), x -> new HashSet<>())
                            .add(term(words.get(best).lower()));
                }
            }
        }
        return out;
    }


    /** Numbers of the reference given to the wrong names: "96% against Imagen Video" where it had 81%. */
    List<ClaimCheck.Contradiction> swappedNumbers(ClaimCheck.Key k, ClaimCheck.Answer a) {
        Map<String, Set<String>> ref = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            numberNames(p.words(), k).forEach((n, names) -> ref.computeIfAbsent(n, x -> new HashSet<>()).addAll(names));
        }
        List<ClaimCheck.Contradiction> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : numberNames(a.parsed().words(), k).entrySet()) {
            Set<String> refNames = ref.get(e.getKey());
            if (refNames == null || refNames.isEmpty()) {
                continue;
            }
            for (String name : e.getValue()) {
                if (refNames.contains(name)) {
                    continue;
                }
                for (Map.Entry<String, Set<String>> r : ref.entrySet()) {
                    if (!r.getKey().equals(e.getKey()) && r.getValue().contains(name)) {
                        out.add(new ClaimCheck.Contradiction("the answer gives " + e.getKey() + " for " + name.replace("unit:", "")
                                + "; the reference gives " + r.getKey(), List.of(), false,
                                List.of(e.getKey(), r.getKey())));
                        return out;
                    }
                }
            }
        }
        return out;
    }


    /** A number of the answer with another value than any of the key's, next to a key point's words. */
    List<ClaimCheck.Contradiction> wrongValues(ClaimCheck.Key k, ClaimCheck.Answer a) {
        Set<Double> known = new HashSet<>();
        for (Parsed p : k.numberSources) {
            known.addAll(values(p.words()));
        }
        known.addAll(values(check.keyParse(k.question).words()));
        if (known.isEmpty()) {
            return List.of();
        }
        List<Word> words = a.parsed().words();
        for (int i = 0; i < words.size(); i++) {
            Double v = value(words, i);
            if (v == null || known.stream().anyMatch(x -> Math.abs(x - v) <= 1e-6 * Math.max(1, Math.abs(x)))) {
                continue;
            }
            // the same digits at another scale ("1.64 trillion" for "1.64 billion"), or a number in a place the
            // key gives one
            Double plain = value(List.of(words.get(i)), 0);
            boolean sameDigits = plain != null && known.stream().anyMatch(x -> x / plain >= 999 || plain / x >= 999)
                    && k.numbers.contains(number(words.get(i).lower()));
            if (sameDigits) {
                String scaleWord = i + 1 < words.size() ? " " + words.get(i + 1).text() : "";
                return List.of(new ClaimCheck.Contradiction("the answer says \u201C" + words.get(i).text() + scaleWord
                        + "\u201D; the reference gives it at another scale", List.of(new Span(words.get(i).start(),
                        words.get(i).end())), false, List.of(number(words.get(i).lower()))));
            }
        }
        return List.of();
    }


    /** Counts of the same thing at scales far apart: "1.1 million masks" where the reference has "a billion masks". */
    List<ClaimCheck.Contradiction> wrongScale(ClaimCheck.Key k, ClaimCheck.Answer a) {
        Map<String, Double> ref = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            ref.putAll(counts(p.words()));
        }
        for (Map.Entry<String, Double> e : counts(a.parsed().words()).entrySet()) {
            Double r = ref.get(e.getKey());
            if (r != null && (r / e.getValue() >= 100 || e.getValue() / r >= 100)) {
                return List.of(new ClaimCheck.Contradiction("the answer counts the " + e.getKey() + " in "
                        + scaleName(e.getValue()) + "; the reference in " + scaleName(r), List.of(), false,
                        List.of(e.getKey())));
            }
        }
        return List.of();
    }

    /** Counts given with a scale word, by the thing counted: "1.1 billion masks", "over a billion masks". */
    private Map<String, Double> counts(List<Word> words) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            double scale = switch (words.get(i).lower()) {
                case "thousand" -> 1e3;
                case "million", "millions" -> 1e6;
                case "billion", "billions" -> 1e9;
                case "trillion" -> 1e12;
                default -> 0;
            };
            if (scale == 0 || !words.get(i + 1).pos().startsWith("NN")) {
                continue;
            }
            double n = 1;
            if (i > 0 && isNumber(words.get(i - 1).lower())) {
                Double v = value(List.of(words.get(i - 1)), 0);
                n = v == null ? 1 : v;
            } else if (i == 0 || !words.get(i - 1).lower().matches("a|one|over|about|around|nearly|some")) {
                continue;
            }
            out.put(check.stem(words.get(i + 1).lower()), n * scale);
        }
        return out;
    }

    private static String scaleName(double v) {
        return v >= 1e12 ? "trillions" : v >= 1e9 ? "billions" : v >= 1e6 ? "millions" : "thousands";
    }

    /**
     * What the reference says of one name said of another: "DINOv2 is the promptable segmentation model" where the
     * reference says that of SAM. Each name's profile is the words of the key's clauses that name it alone (words
     * that two names share are left out); an answer's clause that names one of them alone and matches another's
     * profile in two words or more, and its own in none, swaps them.
     */
    List<ClaimCheck.Contradiction> swappedProfiles(ClaimCheck.Key k, ClaimCheck.Answer a) {
        Map<String, Set<String>> profiles = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            for (Map.Entry<String, Set<String>> e : clausesNamingOne(p.words(), k, true).entrySet()) {
                profiles.computeIfAbsent(e.getKey(), x -> new HashSet<>()).addAll(e.getValue());
            }
        }
        keepOwnWords(profiles);
        if (profiles.size() < 2) {
            return List.of();
        }
        for (Map.Entry<String, Set<String>> clause : clausesNamingOne(a.parsed().words(), k, false).entrySet()) {
            Set<String> own = profiles.get(clause.getKey());
            if (own == null || own.size() < 2) {
                continue;
            }
            Optional<String> other = otherProfile(profiles, clause.getKey(), clause.getValue(),
                    (hits, ownHits) -> hits >= 2 && ownHits == 0);
            if (other.isPresent()) {
                return List.of(new ClaimCheck.Contradiction("the answer says of " + surface(k, clause.getKey())
                        + " what the reference says of " + surface(k, other.get()), List.of(), false,
                        List.of(clause.getKey(), other.get())));
            }
        }
        return List.of();
    }

    /** Leaves in each profile only the words that no other profile has. */
    private static void keepOwnWords(Map<String, Set<String>> profiles) {
        Map<String, Integer> owners = new java.util.HashMap<>();
        profiles.values().forEach(words -> words.forEach(w -> owners.merge(w, 1, Integer::sum)));
        profiles.values().forEach(words -> words.removeIf(w -> owners.get(w) > 1));
    }

    /**
     * The first profile other than {@code own}'s that {@code words} match so much better than their own that the
     * answer has swapped them, as {@code swapped} (hits in the other, hits in its own) decides.
     */
    private static Optional<String> otherProfile(Map<String, Set<String>> profiles, String own, Set<String> words,
            java.util.function.BiPredicate<Long, Long> swapped) {
        long ownHits = words.stream().filter(profiles.get(own)::contains).count();
        for (Map.Entry<String, Set<String>> other : profiles.entrySet()) {
            if (!other.getKey().equals(own)
                    && swapped.test(words.stream().filter(other.getValue()::contains).count(), ownHits)) {
                return Optional.of(other.getKey());
            }
        }
        return Optional.empty();
    }

    /** A name as the key writes it ("DINOv2" for the term "dinov2"). */
    private static String surface(ClaimCheck.Key k, String term) {
        for (Parsed p : k.numberSources) {
            for (Word w : p.words()) {
                if (term(w.lower()).equals(term)) {
                    return w.text();
                }
            }
        }
        return term;
    }

    /** "SAM", "SVD", "LLaVA-1.5" written in capitals: a name even when it spells an English word. */
    private static boolean isAcronym(String text) {
        return text.length() >= 2 && text.chars().filter(Character::isLetter).count() >= 2
                && text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    /**
     * For each clause that names exactly one of the key's names, the name and the clause's other content words. With
     * {@code carry}, a clause that names nothing belongs to the named clause before it in the same sentence ("SAM is a
     * promptable model: given a point, it returns a mask").
     */
    private Map<String, Set<String>> clausesNamingOne(List<Word> words, ClaimCheck.Key k, boolean carry) {
        Map<Integer, Set<String>> names = new LinkedHashMap<>();
        Map<Integer, Set<String>> content = new LinkedHashMap<>();
        Map<Integer, Integer> clauseStart = new LinkedHashMap<>();
        Map<Integer, Integer> sentenceOf = new LinkedHashMap<>();
        int sentence = 0;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            clauseStart.putIfAbsent(w.clause(), i);
            sentenceOf.putIfAbsent(w.clause(), sentence);
            if (w.text().matches("[.!?]")) {
                sentence++;
            }
            String t = term(w.lower());
            if (t.endsWith("s") && t.length() > 3 && k.names.contains(t.substring(0, t.length() - 1))) {
                t = t.substring(0, t.length() - 1);
            }
            // a name, not an English word that a name also uses ("Diffusion", "Emu")
            boolean name = k.names.contains(t) && !GENERIC.contains(t) && !isNumber(w.lower())
                    && (!check.isEnglishWord(w.lower()) || isAcronym(w.text()))
                    && (i == 0 || !k.names.contains(term(words.get(i - 1).lower())));
            if (name) {
                // only a name the clause is about: among its first words ("DINOv2 is …"), not a passing mention
                names.computeIfAbsent(w.clause(), x -> new HashSet<>()).add(i - clauseStart.get(w.clause()) <= 2
                        ? t : "\u0000" + t);
            } else if (!k.names.contains(t) && (w.isNoun() || w.pos().startsWith("JJ") || w.pos().startsWith("VB"))
                    && w.lower().length() > 2 && !k.questionWords.contains(check.stem(w.lower()))) {
                content.computeIfAbsent(w.clause(), x -> new HashSet<>()).add(check.stem(w.lower()));
            }
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String current = null;
        int currentSentence = -1;
        for (Map.Entry<Integer, Integer> c : clauseStart.entrySet()) {
            Set<String> named = names.get(c.getKey());
            if (named != null) {
                boolean one = named.size() == 1 && !named.iterator().next().startsWith("\u0000");
                current = one ? named.iterator().next() : null;
                currentSentence = sentenceOf.get(c.getKey());
            } else if (!carry || current == null || currentSentence != sentenceOf.get(c.getKey())) {
                current = null;
                continue;
            }
            if (current != null) {
                out.computeIfAbsent(current, x -> new HashSet<>()).addAll(content.getOrDefault(c.getKey(), Set.of()));
            }
        }
        return out;
    }

    /**
     * Numbers of the key put with the words of another of its numbers: "linear layers take up to 44%" where the
     * reference gives 44% to convolution and 49% to linear layers. A number's companions are the content words of
     * its clause (of its stretch between commas when the clause has other numbers); only measured values count
     * ("44%", "1.64B", "595K", not "2") and only the words that go with one value alone in the key. An answer's value
     * whose companions are another value's, two or more and more than its own, swaps them.
     */
    List<ClaimCheck.Contradiction> swappedCompanions(ClaimCheck.Key k, ClaimCheck.Answer a) {
        Map<String, Set<String>> ref = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            companions(p.words(), k).forEach((n, ws) -> ref.computeIfAbsent(n, x -> new HashSet<>()).addAll(ws));
        }
        if (ref.size() < 2) {
            return List.of();
        }
        keepOwnWords(ref);
        for (Map.Entry<String, Set<String>> e : companions(a.parsed().words(), k).entrySet()) {
            if (!ref.containsKey(e.getKey())) {
                continue;
            }
            Optional<String> other = otherProfile(ref, e.getKey(), e.getValue(),
                    (hits, ownHits) -> hits >= 2 && hits > ownHits);
            if (other.isPresent()) {
                return List.of(new ClaimCheck.Contradiction("the answer gives " + e.getKey()
                        + " to what the reference gives " + other.get(), List.of(), false,
                        List.of(e.getKey(), other.get())));
            }
        }
        return List.of();
    }

    /** A value of the key that measures something: a share, a decimal or a count of two digits or more. */
    private static boolean measured(Word w, ClaimCheck.Key k) {
        if (!isNumber(w.lower()) || !k.numbers.contains(number(w.lower()))) {
            return false;
        }
        String n = number(w.lower());
        return n.contains("%") || n.contains(".") || n.replaceAll("[^0-9]", "").length() >= 2;
    }

    /** Each number of a text with the stemmed content words around it (see {@link #swappedCompanions}). */
    private Map<String, Set<String>> companions(List<Word> words, ClaimCheck.Key k) {
        Map<Integer, Integer> numbersInClause = new java.util.HashMap<>();
        for (Word w : words) {
            if (measured(w, k)) {
                numbersInClause.merge(w.clause(), 1, Integer::sum);
            }
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (!measured(w, k)) {
                continue;
            }
            boolean alone = numbersInClause.get(w.clause()) == 1;
            Set<String> around = out.computeIfAbsent(number(w.lower()).replaceAll("[kmb]$", ""), x -> new HashSet<>());
            for (int step : new int[] {1, -1}) {
                // up to the next number, and of the words between two numbers only those nearer this one
                int end = i + step;
                while (end >= 0 && end < words.size() && !isNumber(words.get(end).lower())) {
                    end += step;
                }
                boolean numberBeyond = end >= 0 && end < words.size();
                for (int j = i + step; j != end; j += step) {
                    Word c = words.get(j);
                    if (c.clause() != w.clause() || !alone && c.text().equals(",")
                            || numberBeyond && Math.abs(j - i) >= Math.abs(end - j)) {
                        break;
                    }
                    if ((c.isNoun() || c.pos().startsWith("JJ") || c.pos().startsWith("VB")) && c.lower().length() > 2
                            && !isScaleWord(c.lower()) && !k.questionWords.contains(check.stem(c.lower()))) {
                        around.add(check.stem(c.lower()));
                    }
                }
            }
        }
        return out;
    }

    /** "Imagen Video from Meta" where the reference has it from Google: who made what, swapped. */
    List<ClaimCheck.Contradiction> swappedMakers(ClaimCheck.Key k, ClaimCheck.Answer a) {
        Map<String, Set<String>> ref = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            makers(p.words(), k).forEach((x, ys) -> ref.computeIfAbsent(x, z -> new HashSet<>()).addAll(ys));
        }
        for (Map.Entry<String, Set<String>> e : makers(a.parsed().words(), k).entrySet()) {
            Set<String> refMakers = ref.get(e.getKey());
            if (refMakers == null || refMakers.isEmpty()) {
                continue;
            }
            for (String maker : e.getValue()) {
                if (!refMakers.contains(maker) && k.names.contains(maker)) {
                    return List.of(new ClaimCheck.Contradiction("the answer says " + e.getKey() + " is from " + maker
                            + "; the reference says " + String.join(" or ", refMakers), List.of(), false,
                            List.of(e.getKey(), maker)));
                }
            }
        }
        return List.of();
    }


    /** Pairs "X from/by Y", "Y's X" and "X (Y)" of a text's names: thing to maker. */
    private Map<String, Set<String>> makers(List<Word> words, ClaimCheck.Key k) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 1; i + 1 < words.size(); i++) {
            String w = words.get(i).lower();
            int thing = -1;
            int maker = -1;
            if ((w.equals("from") || w.equals("by") || w.equals("(")) && isName(words, i - 1, k)
                    && isName(words, i + 1, k)) {
                thing = i - 1;
                maker = i + 1;
                // "Imagen Video from Meta": the thing is the first word of the name
                while (thing > 0 && isName(words, thing - 1, k)) {
                    thing--;
                }
            } else if (words.get(i).text().endsWith("'s") && isName(words, i, k) && isName(words, i + 1, k)) {
                maker = i;
                thing = i + 1;
            }
            if (thing >= 0) {
                out.computeIfAbsent(term(words.get(thing).lower()), x -> new HashSet<>())
                        .add(term(words.get(maker).lower()));
            }
        }
        return out;
    }


    private static boolean isName(List<Word> words, int i, ClaimCheck.Key k) {
        return i >= 0 && i < words.size() && (k.names.contains(term(words.get(i).lower())) || looksLikeName(words, i))
                && !isNumber(words.get(i).lower());
    }


    /** A side the whole answer takes that the key takes the other way ("masked" where it says "autoregressive"). */
    List<ClaimCheck.Contradiction> globalSides(ClaimCheck.Key k, ClaimCheck.Answer a) {
        Map<String, Set<Integer>> keySides = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            for (Word w : p.words()) {
                Opposites.of(w.lower()).filter(x -> Opposites.isGlobal(x.scale()) && !w.negated())
                        .ifPresent(x -> keySides.computeIfAbsent(x.scale(), z -> new HashSet<>()).add(x.pole()));
            }
        }
        Map<String, Set<Integer>> answerSides = new LinkedHashMap<>();
        Map<String, Word> said = new LinkedHashMap<>();
        for (Word w : a.parsed().words()) {
            Opposites.of(w.lower()).filter(x -> Opposites.isGlobal(x.scale()) && !w.negated()).ifPresent(x -> {
                answerSides.computeIfAbsent(x.scale(), z -> new HashSet<>()).add(x.pole());
                said.putIfAbsent(x.scale(), w);
            });
        }
        for (Map.Entry<String, Set<Integer>> e : answerSides.entrySet()) {
            Set<Integer> key = keySides.get(e.getKey());
            if (key != null && key.size() == 1 && e.getValue().size() == 1 && !key.equals(e.getValue())) {
                Word w = said.get(e.getKey());
                return List.of(new ClaimCheck.Contradiction("the answer says \u201C" + w.text()
                        + "\u201D; the reference says the opposite", List.of(new Span(w.start(), w.end())), false,
                        List.of()));
            }
        }
        return List.of();
    }
}
