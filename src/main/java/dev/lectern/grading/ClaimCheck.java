package dev.lectern.grading;

import dev.lectern.course.KeyPoint;
import dev.lectern.grading.Bindings.Binding;
import dev.lectern.grading.Syntax.Parsed;
import dev.lectern.grading.Syntax.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Acronyms of kinds of things, not names: a key point's "LLM" is met by "Vicuna" as well. */
    private static final Set<String> GENERIC = Set.of("llm", "llms", "ai", "cnn",
            "cnns", "rnn", "mlp", "mlps", "vlm", "vlms", "eos", "bos", "api", "fps", "3d", "2d", "id", "ok", "nlp",
            "cv", "ml", "sota", "fid", "fvd", "ssl", "gan", "gans", "vae", "vaes", "url", "pdf", "rgb", "snr", "ar",
            "qa", "vqa", "gt", "i", "iou", "flops", "mac", "ui", "dl");
    private static final Pattern SUFFIXED = Pattern.compile("(\\d+(?:\\.\\d+)?)([kmbt])");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Set<String> SCALE_WORDS = Set.of("million", "millions", "billion", "billions", "thousand",
            "thousands", "hundred", "hundreds", "trillion", "k", "m", "b");

    private final Syntax syntax;
    private final Synonyms synonyms;
    private final TextAnalysis text;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    private final Map<String, String> stems = new ConcurrentHashMap<>();

    ClaimCheck(Syntax syntax, Synonyms synonyms, TextAnalysis text) {
        this.syntax = syntax;
        this.synonyms = synonyms;
        this.text = text;
    }

    /** The key's texts as they are parsed once and kept (reference, alternatives, key points, question). */
    private Parsed keyParse(String s) {
        if (parsed.size() > 5_000) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(s, syntax::parse);
    }

    String stem(String lower) {
        if (stems.size() > 50_000) {
            stems.clear();
        }
        return stems.computeIfAbsent(lower, w -> {
            List<Token> t = text.tokens(w);
            return t.isEmpty() ? w : t.get(0).stem();
        });
    }

    private final UnaryOperator<String> stemmer = this::stem;

    /** What the key says: its vocabulary, its names, its numbers and its claims. */
    private final class Key {
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
    private record Answer(Parsed parsed, List<Binding> claims, Set<String> terms) {
    }

    Result check(AnswerKey key, String answerText, List<KeyPointResult> matched) {
        Key k = new Key(key);
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
        List<Contradiction> contradictions = referenceContradictions(k, a);
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
                if (!c.terms().isEmpty() && own.containsAll(c.terms().stream().map(t -> isNumber(t) ? t : t).toList())
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
            boolean wantsNumber = wanted.stream().anyMatch(ClaimCheck::isNumber);
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
        return wanted.stream().allMatch(ClaimCheck::isNumber);
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

    /** Each number of a text with the name nearest to it in its clause ("90% over PYOCO"). */
    private Map<String, Set<String>> numberNames(List<Word> words, Key k) {
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
                        .add("unit:" + stem(words.get(i + 1).lower()));
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
    private List<Contradiction> swappedNumbers(Key k, Answer a) {
        Map<String, Set<String>> ref = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            numberNames(p.words(), k).forEach((n, names) -> ref.computeIfAbsent(n, x -> new HashSet<>()).addAll(names));
        }
        List<Contradiction> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : numberNames(a.parsed.words(), k).entrySet()) {
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
                        out.add(new Contradiction("the answer gives " + e.getKey() + " for " + name.replace("unit:", "")
                                + "; the reference gives " + r.getKey(), List.of(), false,
                                List.of(e.getKey(), r.getKey())));
                        return out;
                    }
                }
            }
        }
        return out;
    }

    /** The values of a text's numbers, with their scale ("1.1 billion", "580M", "0.4k"). */
    static Set<Double> values(List<Word> words) {
        Set<Double> out = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            Double v = value(words, i);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static Double value(List<Word> words, int i) {
        String w = words.get(i).lower().replace(",", "").replace("%", "");
        String n = NUMBER_WORDS.getOrDefault(w, w);
        double scale = 1;
        Matcher m = SUFFIXED.matcher(n);
        if (m.matches()) {
            n = m.group(1);
            scale = switch (m.group(2)) {
                case "k" -> 1e3;
                case "m" -> 1e6;
                case "b" -> 1e9;
                case "t" -> 1e12;
                default -> 1;
            };
        }
        if (!NUMBER.matcher(n).matches()) {
            return null;
        }
        if (i + 1 < words.size()) {
            scale *= switch (words.get(i + 1).lower()) {
                case "thousand" -> 1e3;
                case "million", "millions" -> 1e6;
                case "billion", "billions" -> 1e9;
                case "trillion" -> 1e12;
                default -> 1;
            };
        }
        return Double.parseDouble(n) * scale;
    }

    /** A number of the answer with another value than any of the key's, next to a key point's words. */
    private List<Contradiction> wrongValues(Key k, Answer a) {
        Set<Double> known = new HashSet<>();
        for (Parsed p : k.numberSources) {
            known.addAll(values(p.words()));
        }
        known.addAll(values(keyParse(k.question).words()));
        if (known.isEmpty()) {
            return List.of();
        }
        List<Word> words = a.parsed.words();
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
                return List.of(new Contradiction("the answer says \u201C" + words.get(i).text() + scaleWord
                        + "\u201D; the reference gives it at another scale", List.of(new Span(words.get(i).start(),
                        words.get(i).end())), false, List.of(number(words.get(i).lower()))));
            }
        }
        return List.of();
    }

    /** "Imagen Video from Meta" where the reference has it from Google: who made what, swapped. */
    private List<Contradiction> swappedMakers(Key k, Answer a) {
        Map<String, Set<String>> ref = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            makers(p.words(), k).forEach((x, ys) -> ref.computeIfAbsent(x, z -> new HashSet<>()).addAll(ys));
        }
        for (Map.Entry<String, Set<String>> e : makers(a.parsed.words(), k).entrySet()) {
            Set<String> refMakers = ref.get(e.getKey());
            if (refMakers == null || refMakers.isEmpty()) {
                continue;
            }
            for (String maker : e.getValue()) {
                if (!refMakers.contains(maker) && k.names.contains(maker)) {
                    return List.of(new Contradiction("the answer says " + e.getKey() + " is from " + maker
                            + "; the reference says " + String.join(" or ", refMakers), List.of(), false,
                            List.of(e.getKey(), maker)));
                }
            }
        }
        return List.of();
    }

    /** Pairs "X from/by Y", "Y's X" and "X (Y)" of a text's names: thing to maker. */
    private Map<String, Set<String>> makers(List<Word> words, Key k) {
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

    private static boolean isName(List<Word> words, int i, Key k) {
        return i >= 0 && i < words.size() && (k.names.contains(term(words.get(i).lower())) || looksLikeName(words, i))
                && !isNumber(words.get(i).lower());
    }

    /** A side the whole answer takes that the key takes the other way ("masked" where it says "autoregressive"). */
    private List<Contradiction> globalSides(Key k, Answer a) {
        Map<String, Set<Integer>> keySides = new LinkedHashMap<>();
        for (Parsed p : k.numberSources) {
            for (Word w : p.words()) {
                Opposites.of(w.lower()).filter(x -> Opposites.isGlobal(x.scale()) && !w.negated())
                        .ifPresent(x -> keySides.computeIfAbsent(x.scale(), z -> new HashSet<>()).add(x.pole()));
            }
        }
        Map<String, Set<Integer>> answerSides = new LinkedHashMap<>();
        Map<String, Word> said = new LinkedHashMap<>();
        for (Word w : a.parsed.words()) {
            Opposites.of(w.lower()).filter(x -> Opposites.isGlobal(x.scale()) && !w.negated()).ifPresent(x -> {
                answerSides.computeIfAbsent(x.scale(), z -> new HashSet<>()).add(x.pole());
                said.putIfAbsent(x.scale(), w);
            });
        }
        for (Map.Entry<String, Set<Integer>> e : answerSides.entrySet()) {
            Set<Integer> key = keySides.get(e.getKey());
            if (key != null && key.size() == 1 && e.getValue().size() == 1 && !key.equals(e.getValue())) {
                Word w = said.get(e.getKey());
                return List.of(new Contradiction("the answer says \u201C" + w.text()
                        + "\u201D; the reference says the opposite", List.of(new Span(w.start(), w.end())), false,
                        List.of()));
            }
        }
        return List.of();
    }

    /** Claims of the answer that oppose what the reference says of the same thing. */
    private List<Contradiction> referenceContradictions(Key k, Answer a) {
        Map<Integer, Contradiction> out = new LinkedHashMap<>();
        List<Contradiction> swapped = new ArrayList<>(swappedNumbers(k, a));
        swapped.addAll(wrongValues(k, a));
        swapped.addAll(swappedMakers(k, a));
        swapped.addAll(globalSides(k, a));
        for (int i = 0; i < swapped.size(); i++) {
            out.put(-1 - i, swapped.get(i));
        }
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
        return new ArrayList<>(out.values());
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

    /** Capitalised inside a sentence, or with inner capitals or digits (CLIP, ViT-L/14, SA-1B, GPT-4). */
    private static boolean looksLikeName(List<Word> words, int i) {
        String s = words.get(i).text();
        if (s.length() < 2 || !Character.isLetter(s.charAt(0)) && !Character.isDigit(s.charAt(0))) {
            return false;
        }
        boolean letters = s.chars().anyMatch(Character::isLetter);
        boolean digits = s.chars().anyMatch(Character::isDigit);
        if (letters && digits) {
            return true;
        }
        if (s.substring(1).chars().anyMatch(Character::isUpperCase)) {
            return true;
        }
        boolean sentenceStart = i == 0 || words.get(i - 1).text().matches("[.!?:;\"(\\[]");
        return Character.isUpperCase(s.charAt(0)) && !sentenceStart && !s.equals("I");
    }

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("one", "1"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
            Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("sixteen", "16"),
            Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("hundred", "100"));

    static boolean isNumber(String lower) {
        if (NUMBER_WORDS.containsKey(lower) && !lower.equals("one")) {
            return true;
        }
        return NUMBER.matcher(lower.replace("%", "")).matches() || lower.matches("\\d+(?:\\.\\d+)?[kmb]");
    }

    static String number(String lower) {
        String word = NUMBER_WORDS.get(lower);
        if (word != null) {
            return word;
        }
        return lower.replace(",", "");
    }

    /** A name reduced for comparison: lower case, without hyphens, slashes and apostrophes. */
    static String term(String lower) {
        String t = lower.replaceAll("['\u2019]s$", "").replaceAll("[-/'\u2019]", "");
        return t.isEmpty() ? lower : t;
    }

    static boolean isScaleWord(String lower) {
        return SCALE_WORDS.contains(lower);
    }
}
