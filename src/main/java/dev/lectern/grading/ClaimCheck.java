package dev.lectern.grading;

import static dev.lectern.grading.Terms.GENERIC;
import static dev.lectern.grading.Terms.isNumber;
import static dev.lectern.grading.Terms.isScaleWord;
import static dev.lectern.grading.Terms.looksLikeName;
import static dev.lectern.grading.Terms.number;
import static dev.lectern.grading.Terms.term;

import dev.lectern.grading.internal.Syntax;
import dev.lectern.grading.internal.Bindings;
import dev.lectern.grading.internal.Opposites;
import dev.lectern.grading.internal.Spelling;

import dev.lectern.course.KeyPoint;
import dev.lectern.grading.internal.Bindings.Binding;
import dev.lectern.grading.internal.Syntax.Parsed;
import dev.lectern.grading.internal.Syntax.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what an answer claims against what the key claims, not which words they share: a key point counts only
 * when its distinctive names and numbers are in the answer; another name or number in the same place, a denial of
 * what the key point says, or the opposite side said of the same thing ("the decoder is heavy" for "lightweight
 * mask decoder") contradicts it. Thread-safe.
 */
final class ClaimCheck {

    /** What became of one key point. */
    enum Status { CONFIRMED, MISSED, CONTRADICTED }

    /** One key point's check: its status, a one-line reason when contradicted, and the words concerned. */
    record PointCheck(Status status, String reason, List<Span> evidence) {
    }

    /** A claim of the reference's that the answer contradicts (used with or without key points). */
    record Contradiction(String reason, List<Span> evidence, boolean negation, List<String> terms) {
    }

    record Result(List<PointCheck> points, List<Contradiction> contradictions) {
        long count(Status s) {
            return points.stream().filter(p -> p.status() == s).count();
        }
    }


    private final Syntax syntax;
    private final Synonyms synonyms;
    private final TextAnalysis text;
    private final BoundedCache<String, Parsed> parsed;
    private final BoundedCache<String, String> stems;
    /** What each key says, worked out once per key. */
    private final BoundedCache<AnswerKey, Key> keys;

    ClaimCheck(Syntax syntax, Synonyms synonyms, TextAnalysis text) {
        this.syntax = syntax;
        this.synonyms = synonyms;
        this.text = text;
        this.parsed = new BoundedCache<>(5_000, syntax::parse);
        this.stems = new BoundedCache<>(50_000, text::stem);
        this.keys = new BoundedCache<>(2_000, Key::new);
    }

    /** The key's texts as they are parsed once and kept (reference, alternatives, key points, question). */
    Parsed keyParse(String s) {
        return parsed.get(s);
    }

    String stem(String lower) {
        return stems.get(lower);
    }

    /** Whether WordNet knows the word. */
    boolean isEnglishWord(String lower) {
        return synonyms.isWord(lower);
    }

    private final UnaryOperator<String> stemmer = this::stem;

    private final Pairings pairings = new Pairings(this);

    /** What the key says: its vocabulary, its names, its numbers and its claims. */
    final class Key {
        final Set<String> vocabulary = new HashSet<>();
        final Set<String> names = new HashSet<>();
        final Set<String> numbers = new HashSet<>();
        final Set<String> questionWords = new HashSet<>();
        final List<Parsed> references = new ArrayList<>();
        final List<Binding> claims = new ArrayList<>();
        final List<Parsed> numberSources = new ArrayList<>();
        final String question;

        Key(AnswerKey key) {
            question = key.question();
            List<String> texts = new ArrayList<>();
            texts.add(key.referenceAnswer());
            texts.addAll(key.alternativeAnswers());
            for (KeyPoint kp : key.keyPoints()) {
                texts.add(kp.text());
                texts.addAll(kp.accepted());
            }
            for (String t : texts) {
                Parsed p = keyParse(t);
                numberSources.add(p);
                read(p);
                claims.addAll(Bindings.of(p.words(), stemmer));
            }
            read(keyParse(key.question()));
            keyParse(key.question()).words().forEach(w -> questionWords.add(stem(w.lower())));
            for (String t : texts) {
                initials(keyParse(t));
            }
            references.add(keyParse(key.referenceAnswer()));
            key.alternativeAnswers().forEach(a -> references.add(keyParse(a)));
        }

        /** "SD" for "Stable Diffusion": initials of runs of capitalised words count as the key's words. */
        private void initials(Parsed p) {
            StringBuilder run = new StringBuilder();
            for (Word w : p.words()) {
                if (!w.text().isEmpty() && Character.isUpperCase(w.text().charAt(0))) {
                    run.append(w.lower().charAt(0));
                    if (run.length() >= 2) {
                        vocabulary.add(run.toString());
                    }
                } else {
                    run.setLength(0);
                }
            }
        }

        private void read(Parsed p) {
            for (int i = 0; i < p.words().size(); i++) {
                Word w = p.words().get(i);
                vocabulary.add(w.lower());
                vocabulary.add(term(w.lower()));
                if (isNumber(w.lower())) {
                    numbers.add(number(w.lower()));
                } else if (looksLikeName(p.words(), i)) {
                    names.add(term(w.lower()));
                }
            }
        }
    }

    /** The answer: its words and claims, with its names and numbers. */
    record Answer(Parsed parsed, List<Binding> claims, Set<String> terms) {
    }

    Result check(AnswerKey key, String answerText, List<KeyPointResult> matched) {
        Key k = keys.get(key);
        Parsed p = syntax.parse(answerText);
        Set<String> terms = new HashSet<>();
        List<Word> words = p.words();
        for (int i = 0; i < words.size(); i++) {
            terms.add(term(words.get(i).lower()));
            if (isNumber(words.get(i).lower())) {
                terms.add(number(words.get(i).lower()));
            }
            if (i + 1 < words.size()) {
                terms.add(term(words.get(i).lower() + words.get(i + 1).lower()));
            }
        }
        Answer a = new Answer(p, Bindings.of(words, stemmer), terms);

        List<PointCheck> points = new ArrayList<>();
        for (int i = 0; i < key.keyPoints().size(); i++) {
            points.add(checkPoint(key.keyPoints().get(i), matched.get(i), k, a));
        }
        Found found = referenceContradictions(k, a);
        List<Contradiction> contradictions = found.all();
        List<Contradiction> paired = found.paired();
        // a key point that states what the answer contradicts is contradicted too
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).status() != Status.CONFIRMED) {
                continue;
            }
            Set<String> own = new HashSet<>();
            for (Word w : keyParse(key.keyPoints().get(i).text()).words()) {
                own.add(isNumber(w.lower()) ? number(w.lower()) : stem(w.lower()));
                own.add(w.lower());
            }
            for (Contradiction c : contradictions) {
                // a pairing ("44% given to what has 49%", "DINOv2 given SAM's profile") is about each of its terms
                boolean pairing = paired.contains(c) && c.terms().stream().anyMatch(own::contains);
                if (pairing || !c.terms().isEmpty() && own.containsAll(c.terms())
                        || c.terms().size() == 2 && own.contains(c.terms().get(0)) && own.contains(c.terms().get(1))) {
                    points.set(i, new PointCheck(Status.CONTRADICTED, c.reason(), c.evidence()));
                    break;
                }
            }
        }
        return new Result(points, contradictions);
    }

    private PointCheck checkPoint(KeyPoint kp, KeyPointResult match, Key k, Answer a) {
        List<String> phrasings = new ArrayList<>();
        phrasings.add(kp.text());
        phrasings.addAll(kp.accepted());

        // Names and numbers: a key point with them is met only when the answer has them.
        boolean termless = false;
        boolean named = false;
        List<String> wanted = new ArrayList<>();
        for (String ph : phrasings) {
            List<String> d = distinctive(keyParse(ph), k);
            if (d.isEmpty()) {
                termless = true;
            } else if (present(d, a)) {
                named = true;
            } else if (ph.equals(kp.text())) {
                wanted.addAll(d);
            }
        }
        if (!termless && !named) {
            Optional<PointCheck> swap = substitution(kp, wanted, k, a);
            return swap.orElse(new PointCheck(Status.MISSED, null, List.of()));
        }
        if (named) {
            // most names are there, but one that is missing may have another in its place ("GPU hours" for
            // "TPU-v4 core hours")
            List<String> missing = distinctive(keyParse(kp.text()), k).stream()
                    .filter(t -> !present(List.of(t), a)).toList();
            Optional<PointCheck> swap = substitution(kp, missing, k, a);
            if (swap.isPresent()) {
                return swap.get();
            }
        }

        // The opposite said of the same thing.
        List<Binding> own = new ArrayList<>();
        for (String ph : phrasings) {
            own.addAll(Bindings.of(keyParse(ph).words(), stemmer));
        }
        for (Binding b : own) {
            for (Binding c : a.claims) {
                if (c.contradicts(b) && !ambiguous(c, k)) {
                    return new PointCheck(Status.CONTRADICTED, saysInstead(c, b, a), span(a, c.word(), c.headWord()));
                }
            }
        }
        // A role swapped: "lightweight mask encoder" for "lightweight mask decoder".
        Optional<PointCheck> role = roleSwap(own, a, k);
        if (role.isPresent()) {
            return role.get();
        }

        boolean covered = match.covered() || named && match.similarity() >= 0.3;
        if (!covered) {
            return new PointCheck(Status.MISSED, null, List.of());
        }
        // A denial of what the key point says ("no projection is used" against "linear projection"), unless the
        // answer also says it plainly elsewhere.
        // A denial of what the key point says ("no projection is used" against "linear projection layer"): in the
        // clauses that state the key point (a third of its words or more), its words are denied, and no such clause
        // states it plainly. A denied opposite ("can't keep" for "lose") is no denial.
        Set<String> pointWords = new HashSet<>();
        Set<String> pointVerbs = new HashSet<>();
        for (Word w : keyParse(kp.text()).words()) {
            if (isContent(w) && !Syntax.isNegator(w.lower()) && !k.questionWords.contains(stem(w.lower()))) {
                pointWords.add(stem(w.lower()));
                if (w.isVerb()) {
                    pointVerbs.add(w.lower());
                }
            }
        }
        boolean pointDenies = keyParse(kp.text()).words().stream().anyMatch(w -> Syntax.isNegator(w.lower()));
        if (!pointDenies && !pointWords.isEmpty()) {
            Map<Integer, List<Word>> byClause = new LinkedHashMap<>();
            for (Word w : a.parsed.words()) {
                if (isContent(w) && pointWords.contains(stem(w.lower()))) {
                    byClause.computeIfAbsent(w.clause(), x -> new ArrayList<>()).add(w);
                }
            }
            List<Word> denied = new ArrayList<>();
            boolean plainly = false;
            for (Map.Entry<Integer, List<Word>> e : byClause.entrySet()) {
                long distinct = e.getValue().stream().map(w -> stem(w.lower())).distinct().count();
                if (distinct * 3 < pointWords.size()) {
                    continue;
                }
                long negated = e.getValue().stream().filter(Word::negated).count();
                if (negated * 2 > e.getValue().size() && !deniedOpposite(a, e.getKey(), pointVerbs)) {
                    denied.addAll(e.getValue().stream().filter(Word::negated).toList());
                } else if (distinct * 2 >= pointWords.size() || distinct >= 2) {
                    // stated plainly: half of its words, or two of them, in a clause that does not deny them
                    plainly = true;
                }
            }
            if (!denied.isEmpty() && !plainly) {
                String said = quote(a.parsed, denied);
                return new PointCheck(Status.CONTRADICTED, "the answer denies it (\u201C" + said
                        + "\u201D); the reference says \u201C" + kp.text() + "\u201D",
                        denied.stream().map(w -> new Span(w.start(), w.end())).toList());
            }
        }
        return new PointCheck(Status.CONFIRMED, null, match.evidence());
    }

    /** Whether a denied verb of the clause is an antonym of one of the key point's verbs ("can't keep" = "lose"). */
    private boolean deniedOpposite(Answer a, int clause, Set<String> pointVerbs) {
        for (Word w : a.parsed.words()) {
            if (w.clause() == clause && w.negated() && w.isVerb()) {
                for (String v : pointVerbs) {
                    if (synonyms.antonyms(v).contains(stem(w.lower())) || synonyms.antonyms(w.lower()).contains(stem(v))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Two claims of the key that differ on the same thing: the answer may agree with either. */
    private static boolean ambiguous(Binding answer, Key k) {
        return k.claims.stream().anyMatch(answer::agrees);
    }

    /** The key point's names are missing and another name or number stands where they belong. */
    private Optional<PointCheck> substitution(KeyPoint kp, List<String> wanted, Key k, Answer a) {
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Set<String> context = contextOf(kp, k);
        List<Word> words = a.parsed.words();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            boolean number = isNumber(w.lower()) || isScaleWord(w.lower());
            boolean wantsNumber = wanted.stream().anyMatch(Terms::isNumber);
            boolean foreign = number ? wantsNumber && !k.numbers.contains(number(w.lower()))
                    && !k.vocabulary.contains(w.lower())
                    : !wantsNumberOnly(wanted) && isForeignName(words, i, k);
            if (!foreign || !near(words, i, context)) {
                continue;
            }
            String expected = kp.text();
            return Optional.of(new PointCheck(Status.CONTRADICTED, "the answer says \u201C" + phrase(a, i)
                    + "\u201D where the reference has \u201C" + expected + "\u201D", List.of(new Span(w.start(), w.end()))));
        }
        return Optional.empty();
    }

    private static boolean wantsNumberOnly(List<String> wanted) {
        return wanted.stream().allMatch(Terms::isNumber);
    }

    /** Words that place a key point in the answer: its own ordinary words and those around its names. */
    private Set<String> contextOf(KeyPoint kp, Key k) {
        Set<String> out = new HashSet<>();
        Parsed own = keyParse(kp.text());
        List<String> names = distinctive(own, k);
        for (Word w : own.words()) {
            if (isContent(w) && !names.contains(term(w.lower())) && !isNumber(w.lower())) {
                out.add(stem(w.lower()));
            }
        }
        for (Parsed ref : k.references) {
            List<Word> words = ref.words();
            for (int i = 0; i < words.size(); i++) {
                if (names.contains(term(words.get(i).lower())) || names.contains(number(words.get(i).lower()))) {
                    for (int j = Math.max(0, i - 3); j <= Math.min(words.size() - 1, i + 3); j++) {
                        Word c = words.get(j);
                        if (j != i && isContent(c) && c.clause() == words.get(i).clause()
                                && !k.names.contains(term(c.lower())) && !isNumber(c.lower())) {
                            out.add(stem(c.lower()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Whether a context word stands within three words of word i, in its clause. */
    private boolean near(List<Word> words, int i, Set<String> context) {
        for (int j = Math.max(0, i - 3); j <= Math.min(words.size() - 1, i + 3); j++) {
            if (j != i && words.get(j).clause() == words.get(i).clause() && context.contains(stem(words.get(j).lower()))) {
                return true;
            }
        }
        return false;
    }

    private Optional<PointCheck> roleSwap(List<Binding> own, Answer a, Key k) {
        // Key-point heads that are roles: the answer names the opposite role with the same modifiers and never the
        // key point's own.
        for (Binding b : own) {
            Optional<Opposites.Pole> role = Opposites.of(b.headText().toLowerCase(Locale.ROOT));
            if (role.isEmpty() || !Opposites.isRole(b.headText().toLowerCase(Locale.ROOT)) || b.modifiers().isEmpty()) {
                continue;
            }
            boolean ownRole = false;
            Binding swapped = null;
            for (Binding c : a.claims) {
                Optional<Opposites.Pole> r = Opposites.of(c.headText().toLowerCase(Locale.ROOT));
                boolean shared = c.modifiers().stream().anyMatch(b.modifiers()::contains);
                if (!shared) {
                    continue;
                }
                if (c.head().equals(b.head())) {
                    ownRole = true;
                } else if (r.isPresent() && r.get().opposes(role.get())) {
                    swapped = c;
                }
            }
            if (swapped != null && !ownRole) {
                Binding s = swapped;
                boolean keyHasIt = k.claims.stream().anyMatch(x -> x.head().equals(s.head())
                        && x.modifiers().stream().anyMatch(s.modifiers()::contains));
                if (!keyHasIt) {
                    return Optional.of(new PointCheck(Status.CONTRADICTED, "the answer says \u201C" + phrase(a, s.headWord())
                            + "\u201D; the reference says \u201C" + b.headText() + "\u201D",
                            span(a, s.word(), s.headWord())));
                }
            }
        }
        return Optional.empty();
    }

    /** Claims of the answer that oppose what the reference says of the same thing. */
    private Found referenceContradictions(Key k, Answer a) {
        Map<Integer, Contradiction> out = new LinkedHashMap<>();
        for (Binding c : a.claims) {
            if (ambiguous(c, k)) {
                continue;
            }
            for (Binding r : k.claims) {
                if (c.contradicts(r)) {
                    out.putIfAbsent(c.word(), new Contradiction(saysInstead(c, r, a), span(a, c.word(), c.headWord()),
                            c.negated() != r.negated(), List.of(r.head(), r.attribute())));
                    break;
                }
            }
        }
        // what is said of what comes first: it names both sides; the pairings follow
        List<Contradiction> paired = new ArrayList<>(pairings.swappedNumbers(k, a));
        paired.addAll(pairings.wrongValues(k, a));
        paired.addAll(pairings.wrongScale(k, a));
        paired.addAll(pairings.swappedProfiles(k, a));
        paired.addAll(pairings.swappedCompanions(k, a));
        paired.addAll(pairings.swappedMakers(k, a));
        if (out.isEmpty()) {
            paired.addAll(pairings.globalSides(k, a));
        }
        for (int i = 0; i < paired.size(); i++) {
            out.put(-1 - i, paired.get(i));
        }
        return new Found(new ArrayList<>(out.values()), paired);
    }

    /** The reference's claims the answer contradicts, and among them the pairings (see {@link Pairings}). */
    private record Found(List<Contradiction> all, List<Contradiction> paired) {
    }

    private static String saysInstead(Binding answer, Binding reference, Answer a) {
        String said = answer.phrase();
        String ref = reference.phrase();
        return "the answer says \u201C" + said + "\u201D; the reference says \u201C" + ref + "\u201D";
    }

    private static List<Span> span(Answer a, int i, int j) {
        Word x = a.parsed.words().get(Math.min(i, j));
        Word y = a.parsed.words().get(Math.max(i, j));
        return List.of(new Span(x.start(), y.end()));
    }

    private static String phrase(Answer a, int i) {
        List<Word> words = a.parsed.words();
        int from = i;
        while (from > 0 && words.get(from - 1).chunk().endsWith("NP") && words.get(from).chunk().startsWith("I-")
                && !words.get(from - 1).pos().equals("DT")) {
            from--;
        }
        int to = i;
        while (to + 1 < words.size() && words.get(to + 1).chunk().equals("I-NP")) {
            to++;
        }
        return a.parsed.text().substring(words.get(from).start(), words.get(to).end());
    }

    private static String quote(Parsed p, List<Word> evidence) {
        int clause = evidence.get(0).clause();
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (Word w : p.words()) {
            if (w.clause() == clause && !w.text().matches("[.,;:!?]")) {
                start = Math.min(start, w.start());
                end = Math.max(end, w.end());
            }
        }
        String s = start < end ? p.text().substring(start, end) : evidence.get(0).text();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static List<Word> evidenceWords(Answer a, List<Span> spans) {
        List<Word> out = new ArrayList<>();
        for (Word w : a.parsed.words()) {
            for (Span s : spans) {
                if (w.start() >= s.start() && w.end() <= s.end() && isContent(w)) {
                    out.add(w);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isContent(Word w) {
        return w.isNoun() || w.pos().startsWith("JJ") || w.pos().startsWith("VB") && !w.lower().matches(
                "is|are|was|were|be|been|being|has|have|had|do|does|did") || w.pos().equals("CD");
    }

    /** The names and numbers of a key phrase, as terms. */
    private List<String> distinctive(Parsed p, Key k) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.words().size(); i++) {
            Word w = p.words().get(i);
            if (isNumber(w.lower())) {
                out.add(number(w.lower()));
            } else if (isScaleWord(w.lower()) && i > 0 && isNumber(p.words().get(i - 1).lower())) {
                out.add(w.lower());
            } else if ((k.names.contains(term(w.lower())) || looksLikeName(p.words(), i))
                    && !GENERIC.contains(term(w.lower()))) {
                out.add(term(w.lower()));
            }
        }
        return out;
    }

    /** Whether most of the names (all, for one or two) of a key phrase are in the answer, allowing a typo in long ones. */
    private static boolean present(List<String> wanted, Answer a) {
        int found = 0;
        for (String t : wanted) {
            if (a.terms.contains(t) || a.terms.contains(t + "s") || t.endsWith("s") && a.terms.contains(
                    t.substring(0, t.length() - 1))) {
                found++;
            } else if (t.length() >= 7 && t.chars().allMatch(Character::isLetter)
                    && a.terms.stream().anyMatch(x -> Spelling.distance(x, t) <= 1)) {
                found++;
            }
        }
        return wanted.size() <= 2 ? found == wanted.size() : found * 2 >= wanted.size();
    }

    /** A name-like word of the answer that the key never uses (not a typo of a key word either). */
    private boolean isForeignName(List<Word> words, int i, Key k) {
        Word w = words.get(i);
        String t = term(w.lower());
        if (t.length() < 2 || k.vocabulary.contains(w.lower()) || k.vocabulary.contains(t) || k.names.contains(t)
                || GENERIC.contains(t)) {
            return false;
        }
        // "ViT-level", "F0-F7", "3D/video": made of the key's own words
        String[] parts = w.lower().split("[-/+]");
        if (parts.length > 1 && java.util.Arrays.stream(parts).filter(x -> !x.isEmpty())
                .anyMatch(x -> k.vocabulary.contains(x) || k.vocabulary.contains(term(x)))) {
            return false;
        }
        boolean nameLike = looksLikeName(words, i) || w.lower().chars().anyMatch(Character::isDigit)
                && w.lower().chars().anyMatch(Character::isLetter)
                || w.pos().startsWith("NNP") && !synonyms.isWord(w.lower());
        if (!nameLike) {
            return false;
        }
        for (String v : k.vocabulary) {
            if (Math.abs(v.length() - t.length()) <= 1 && v.length() >= 5 && Spelling.distance(v, t) <= 1) {
                return false;
            }
        }
        return true;
    }

}
