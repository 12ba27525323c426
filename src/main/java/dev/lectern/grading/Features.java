package dev.lectern.grading;

import dev.lectern.grading.internal.Spelling;

import dev.lectern.course.KeyPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures an answer against its key: meaning (sentence embeddings), shared words after stemming and through
 * WordNet synonyms (leaving out words the question already contains), coverage of the key points (or, without
 * key points, of the reference answer's clauses), negation and length. Thread-safe.
 */
record Features(TextAnalysis text, Synonyms synonyms, Embeddings embeddings) {

    /** Feature names, in the order of the vectors and of the model's weights. */
    static final List<String> NAMES = List.of(
            "meaning", "questionEcho", "recall", "precision", "coverage", "newWords", "negation", "length",
            "softRecall", "softPrecision");
    static final List<String> DESCRIPTIONS = List.of(
            "sentence-embedding similarity to the closest reference answer",
            "sentence-embedding similarity to the question itself",
            "share of the reference's own words (not the question's) the answer has, synonyms included",
            "share of the answer's own words found in the reference, synonyms included",
            "how well the key points (or the reference's clauses) are covered, 0..1",
            "share of the answer's words that are not in the question",
            "1 when the answer and the reference disagree on negation (not, no, never)",
            "log ratio of the answer's length to the reference's",
            "how closely each of the reference's own words is matched in meaning by some word of the answer",
            "how closely each of the answer's own words is matched in meaning by some word of the reference");

    /** Above this unit similarity a key point counts as covered. */
    static final double COVERED_AT = 0.5;
    private static final int MAX_WINDOWS = 40;
    private static final int MAX_UNITS = 12;
    private static final Pattern SENTENCE = Pattern.compile("[^.;!?\\n]+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[.;:!?]\\s+|,\\s+|\\s+(?:and|but|because|so|while|whereas|which)\\s+|\\n");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "none", "nothing", "nobody",
            "neither", "nor", "cannot", "isnt", "arent", "dont", "doesnt", "didnt", "wont",
            "cant", "wasnt", "werent", "shouldnt", "wouldnt", "couldnt", "hasnt", "havent");

    /** A stretch of the student's answer that key points are matched against. */
    private record Window(String text, int start, int end, List<Token> tokens) {
    }

    Analysis analyse(AnswerKey key, String rawAnswer) {
        String answer = rawAnswer.length() > TextAnalysis.MAX_CHARS
                ? rawAnswer.substring(0, TextAnalysis.MAX_CHARS) : rawAnswer;
        List<Token> q = text.tokens(key.question());
        Set<String> qStems = stems(q);
        List<Token> s = text.tokens(answer);
        Set<String> sStems = stems(s);
        List<Token> sNew = s.stream().filter(t -> !qStems.contains(t.stem())).toList();

        List<String> refs = new ArrayList<>();
        refs.add(key.referenceAnswer());
        key.alternativeAnswers().stream().filter(a -> !a.isBlank()).forEach(refs::add);

        List<Window> windows = windows(answer, s);
        float[] answerVector = embeddings.vector(answer);

        double meaning = -1;
        String bestRef = refs.get(0);
        double recall = 0;
        double precision = 0;
        double coverage = 0;
        double softRecall = 0;
        double softPrecision = 0;
        List<Token> sOwn = distinct(sNew);
        for (String ref : refs) {
            double cos = Embeddings.dot(answerVector, embeddings.vector(ref));
            if (cos > meaning) {
                meaning = cos;
                bestRef = ref;
            }
            List<Token> r = text.tokens(ref);
            List<Token> rNew = withoutQuestionWords(r, qStems);
            recall = Math.max(recall, share(rNew, s));
            precision = Math.max(precision, sNew.isEmpty() ? 0 : share(distinct(sNew), r));
            List<Token> rOwn = distinct(rNew);
            softRecall = Math.max(softRecall, softShare(rOwn, distinct(s)));
            softPrecision = Math.max(softPrecision, softShare(sOwn, distinct(r)));
            if (key.keyPoints().isEmpty()) {
                List<String> units = units(ref);
                double sum = 0;
                for (String unit : units) {
                    sum += match(unit, qStems, windows).similarity;
                }
                coverage = Math.max(coverage, units.isEmpty() ? 0 : sum / units.size());
            }
        }

        List<KeyPointResult> keyPoints = new ArrayList<>();
        if (!key.keyPoints().isEmpty()) {
            double sum = 0;
            for (KeyPoint kp : key.keyPoints()) {
                Match best = null;
                List<String> phrasings = new ArrayList<>();
                phrasings.add(kp.text());
                phrasings.addAll(kp.accepted());
                for (String phrasing : phrasings) {
                    Match m = match(phrasing, qStems, windows);
                    if (best == null || m.similarity > best.similarity) {
                        best = m;
                    }
                }
                boolean covered = best.similarity >= COVERED_AT;
                keyPoints.add(new KeyPointResult(kp, covered, round(best.similarity),
                        covered ? best.evidence : List.of()));
                sum += best.similarity;
            }
            coverage = sum / key.keyPoints().size();
        }

        double questionEcho = key.question().isBlank() ? 0 : Embeddings.dot(answerVector, embeddings.vector(key.question()));
        double newWords = sStems.isEmpty() ? 0 : (double) stems(sNew).size() / sStems.size();
        boolean negationFlip = (negations(answer) > 0) != (negations(bestRef) > 0);
        List<Token> best = text.tokens(bestRef);
        boolean sameWords = sharedShare(best, s) >= 0.6 && sharedShare(s, best) >= 0.6;
        boolean contradiction = sameWords && (negationFlip || antonymSwap(best, s));
        double length = Math.max(-3, Math.min(3, Math.log((s.size() + 1.0) / (text.tokens(bestRef).size() + 1.0))));

        boolean questionCopy = !qStems.isEmpty() && !sStems.isEmpty()
                && intersect(sStems, qStems) >= 0.6 * qStems.size()
                && stems(sNew).size() <= 0.2 * sStems.size();

        double[] f = {meaning, questionEcho, recall, precision, coverage, newWords, negationFlip ? 1 : 0, length,
            softRecall, softPrecision};
        return new Analysis(f, keyPoints, LanguageCheck.check(answer, w -> isKnown(w, key)), questionCopy,
                negationFlip, contradiction, s.size());
    }

    /** Share of the distinct stems of {@code a} that {@code b} has, exactly (no synonyms, question words kept). */
    private static double sharedShare(List<Token> a, List<Token> b) {
        Set<String> as = stems(a);
        return as.isEmpty() ? 0 : (double) intersect(as, stems(b)) / as.size();
    }

    /** The answer uses the opposite of a word of the reference that it does not use itself ("lower" for "higher"). */
    private boolean antonymSwap(List<Token> ref, List<Token> answer) {
        return opposes(ref, answer) || opposes(answer, ref);
    }

    /** A word of {@code a}, absent from {@code b}, whose WordNet antonym is in {@code b} but not in {@code a}. */
    private boolean opposes(List<Token> a, List<Token> b) {
        Set<String> aBases = new HashSet<>();
        a.forEach(t -> aBases.addAll(synonyms.baseStems(t.word())));
        Set<String> bBases = new HashSet<>();
        b.forEach(t -> bBases.addAll(synonyms.baseStems(t.word())));
        for (Token t : a) {
            Set<String> own = synonyms.baseStems(t.word());
            if (own.stream().anyMatch(bBases::contains)) {
                continue;
            }
            Set<String> opposites = new HashSet<>();
            for (String form : own) {
                opposites.addAll(synonyms.antonyms(form));
            }
            opposites.addAll(synonyms.antonyms(t.word()));
            for (String opposite : opposites) {
                if (bBases.contains(opposite) && !aBases.contains(opposite)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isKnown(String word, AnswerKey key) {
        String lower = word.toLowerCase(Locale.ROOT);
        return synonyms.isWord(lower)
                || key.referenceAnswer().toLowerCase(Locale.ROOT).contains(lower)
                || key.question().toLowerCase(Locale.ROOT).contains(lower)
                || key.alternativeAnswers().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(lower));
    }

    private record Match(double similarity, List<Span> evidence) {
    }

    /** How well the best window of the answer matches a phrase: shared words and meaning together. */
    private Match match(String phrase, Set<String> qStems, List<Window> windows) {
        if (windows.isEmpty()) {
            return new Match(0, List.of());
        }
        List<Token> p = withoutQuestionWords(text.tokens(phrase), qStems);
        float[] pv = embeddings.vector(phrase);
        Match best = new Match(-1, List.of());
        for (Window w : windows) {
            List<Span> evidence = new ArrayList<>();
            int hit = 0;
            for (Token pt : p) {
                boolean found = false;
                for (Token wt : w.tokens) {
                    if (matches(pt, wt) || typo(pt.word(), wt.word())) {
                        evidence.add(new Span(wt.start(), wt.end()));
                        found = true;
                    }
                }
                if (found) {
                    hit++;
                }
            }
            double lex = p.isEmpty() ? 0 : (double) hit / p.size();
            double sem = scaleCosine(Embeddings.dot(pv, embeddings.vector(w.text)));
            double sim = 0.6 * Math.max(lex, sem) + 0.4 * Math.min(lex, sem);
            if (sim > best.similarity) {
                List<Span> ev = evidence.isEmpty() ? List.of(new Span(w.start, w.end)) : dedupe(evidence);
                best = new Match(sim, ev);
            }
        }
        return best;
    }

    /** bge-small puts unrelated English sentences at about 0.45 and paraphrases above 0.8. */
    static double scaleCosine(double cos) {
        return Math.max(0, Math.min(1, (cos - 0.5) / 0.35));
    }

    private List<Window> windows(String answer, List<Token> tokens) {
        List<Window> out = new ArrayList<>();
        if (tokens.isEmpty()) {
            return out;
        }
        if (answer.length() <= 400) {
            out.add(new Window(answer, 0, answer.length(), tokens));
        }
        Matcher m = SENTENCE.matcher(answer);
        while (m.find() && out.size() < MAX_WINDOWS) {
            int start = m.start();
            int end = m.end();
            List<Token> in = tokens.stream().filter(t -> t.start() >= start && t.end() <= end).toList();
            if (in.isEmpty()) {
                continue;
            }
            if (in.size() <= 14) {
                if (!(out.size() == 1 && out.get(0).tokens.size() == in.size())) {
                    out.add(new Window(answer.substring(start, end).strip(), start, end, in));
                }
            } else {
                for (int i = 0; i < in.size() && out.size() < MAX_WINDOWS; i += 6) {
                    List<Token> part = in.subList(i, Math.min(in.size(), i + 10));
                    int a = part.get(0).start();
                    int b = part.get(part.size() - 1).end();
                    out.add(new Window(answer.substring(a, b), a, b, part));
                    if (i + 10 >= in.size()) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The reference split into clauses of at least two content words (the whole reference if it has none). */
    private List<String> units(String ref) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String part : CLAUSE_BREAK.split(ref)) {
            if (pending.length() > 0) {
                pending.append(' ');
            }
            pending.append(part.strip());
            if (text.tokens(pending.toString()).size() >= 2) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (pending.length() > 0 && !out.isEmpty() && !text.tokens(pending.toString()).isEmpty()) {
            out.set(out.size() - 1, out.get(out.size() - 1) + " " + pending);
        }
        if (out.isEmpty()) {
            out.add(ref);
        }
        return out.size() > MAX_UNITS ? out.subList(0, MAX_UNITS) : out;
    }

    /**
     * Mean over {@code wanted} of its best word-meaning similarity (scaled 0..1) to a word of {@code in}. A word
     * with the same stem or a WordNet synonym counts 1 without asking the model, so only the words left over are
     * embedded (about 3 ms each the first time a word is seen).
     */
    private double softShare(List<Token> wanted, List<Token> in) {
        if (wanted.isEmpty() || in.isEmpty()) {
            return 0;
        }
        int n = Math.min(wanted.size(), 40);
        List<Token> candidates = in.size() > 60 ? in.subList(0, 60) : in;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Token w = wanted.get(i);
            boolean exact = false;
            for (Token t : candidates) {
                if (matches(w, t)) {
                    exact = true;
                    break;
                }
            }
            if (exact) {
                sum += 1;
                continue;
            }
            float[] wv = embeddings.vector(w.word());
            double best = 0;
            for (Token t : candidates) {
                best = Math.max(best, scaleWord(Embeddings.dot(wv, embeddings.vector(t.word()))));
            }
            sum += best;
        }
        return sum / n;
    }

    /** Single words sit closer together in bge-small than sentences: unrelated about 0.6, synonyms above 0.85. */
    static double scaleWord(double cos) {
        return Math.max(0, Math.min(1, (cos - 0.6) / 0.35));
    }

    boolean matches(Token a, Token b) {
        return a.stem().equals(b.stem())
                || synonyms.of(a.word()).contains(b.stem())
                || synonyms.of(b.word()).contains(a.stem());
    }

    /**
     * One of the two is an ordinary typo of the other ("refrence"), not another English word. Key points forgive
     * typos; the model's word-overlap measurements do not, as they were calibrated without.
     */
    private boolean typo(String a, String b) {
        if (a.length() < 5 || b.length() < 5 || a.charAt(0) != b.charAt(0) || Math.abs(a.length() - b.length()) > 2
                || synonyms.isWord(a) && synonyms.isWord(b)) {
            return false;
        }
        return Spelling.isTypo(a, b);
    }

    /** Share of the distinct words of {@code wanted} that {@code in} has. */
    private double share(List<Token> wanted, List<Token> in) {
        List<Token> distinct = distinct(wanted);
        if (distinct.isEmpty()) {
            return 0;
        }
        int hit = 0;
        for (Token w : distinct) {
            for (Token t : in) {
                if (matches(w, t)) {
                    hit++;
                    break;
                }
            }
        }
        return (double) hit / distinct.size();
    }

    private static List<Token> withoutQuestionWords(List<Token> tokens, Set<String> qStems) {
        List<Token> own = tokens.stream().filter(t -> !qStems.contains(t.stem())).toList();
        return own.isEmpty() ? tokens : own;
    }

    private static List<Token> distinct(List<Token> tokens) {
        Set<String> seen = new HashSet<>();
        return tokens.stream().filter(t -> seen.add(t.stem())).toList();
    }

    private static Set<String> stems(List<Token> tokens) {
        Set<String> out = new HashSet<>();
        tokens.forEach(t -> out.add(t.stem()));
        return out;
    }

    private static int intersect(Set<String> a, Set<String> b) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x)) {
                n++;
            }
        }
        return n;
    }

    static int negations(String s) {
        int n = 0;
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group().replace("'", "");
            if (NEGATORS.contains(w) || w.endsWith("nt") && w.length() > 3 && NEGATORS.contains(w)) {
                n++;
            } else if (m.group().endsWith("n't")) {
                n++;
            }
        }
        return n;
    }

    private static List<Span> dedupe(List<Span> spans) {
        return spans.stream().distinct().sorted(java.util.Comparator.comparingInt(Span::start)).toList();
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
