package dev.lectern.grading.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.chunker.ChunkerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * The grammar the claim checks need: words with their part of speech (Penn tags) and noun-phrase chunks from
 * Apache OpenNLP's stock English models, clauses, and which words stand inside the scope of a negation. The
 * tagger and chunker are not thread-safe, so each thread gets its own over the shared models.
 */
public final class Syntax {

    /** Only this many words of an answer are parsed, so that a huge answer is checked in bounded time. */
    public static final int MAX_WORDS = 400;
    /** Only this much of a text is parsed (as much as the grader analyses). */
    public static final int MAX_CHARS = 6_000;

    /** A word as written (names like "ViT-L/14", "SA-1B" or "88.1%" stay one word) and its grammar. */
    public record Word(String text, String lower, int start, int end, String pos, String chunk, int clause,
                boolean negated) {

        public boolean isNoun() {
            return pos.startsWith("NN") || pos.equals("CD") && !lower.chars().allMatch(Character::isDigit);
        }

        public boolean isAdjective() {
            return pos.startsWith("JJ") || pos.equals("VBN") || pos.equals("RBR");
        }

        public boolean isVerb() {
            return pos.startsWith("VB") || pos.equals("MD");
        }
    }

    /** A parsed text: its words in order, each knowing its clause and chunk. */
    public record Parsed(String text, List<Word> words) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?%?|[\\p{L}\\p{N}]+(?:[-/.'\u2019][\\p{L}\\p{N}]+)*(?:n't)?%?|n't|\\S", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> CLAUSE_WORDS = Set.of("but", "whereas", "while", "although", "though",
            "however", "yet", "instead", "unlike", "because", "since", "so", "which", "whereby", "then");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "none", "nothing", "neither", "nor",
            "cannot", "n't", "without", "nobody", "nowhere", "lacks", "lack", "lacking", "barely", "hardly", "scarcely");
    /** Negators that deny only the phrase after them ("without X", "instead of X"), not the whole clause. */
    private static final Set<String> PHRASE_NEGATORS = Set.of("without", "lacks", "lack", "lacking");
    private static final Set<String> AFTER_AND_NEW_CLAUSE = Set.of("the", "a", "an", "it", "they", "this",
            "its", "their", "we", "then", "these", "those", "there", "he", "she", "only");

    private final POSModel posModel;
    private final ChunkerModel chunkModel;
    private final ThreadLocal<POSTaggerME> tagger;
    private final ThreadLocal<ChunkerME> chunker;

    private Syntax(POSModel posModel, ChunkerModel chunkModel) {
        this.posModel = posModel;
        this.chunkModel = chunkModel;
        this.tagger = ThreadLocal.withInitial(() -> new POSTaggerME(this.posModel, POSTagFormat.PENN));
        this.chunker = ThreadLocal.withInitial(() -> new ChunkerME(this.chunkModel));
    }

    public static Syntax load() {
        try (InputStream pos = resource("/en-pos-maxent.bin"); InputStream chunk = resource("/en-chunker.bin")) {
            return new Syntax(new POSModel(pos), new ChunkerModel(chunk));
        } catch (IOException e) {
            throw new UncheckedIOException("The grammar models could not be read: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Syntax.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the model " + name + " is missing from the application");
        }
        return in;
    }

    public Parsed parse(String text) {
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<String> tokens = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find() && tokens.size() < MAX_WORDS) {
            String t = m.group();
            int start = m.start();
            // "doesn't" becomes "does" + "n't", as the tagger was trained on.
            if (t.length() > 3 && t.toLowerCase(Locale.ROOT).endsWith("n't")) {
                String head = t.substring(0, t.length() - 3);
                if (head.equalsIgnoreCase("ca")) {
                    head = t.substring(0, 2);
                }
                tokens.add(head);
                spans.add(new int[] {start, start + t.length() - 3});
                tokens.add("n't");
                spans.add(new int[] {start + t.length() - 3, start + t.length()});
            } else {
                tokens.add(t.replace('\u2019', '\''));
                spans.add(new int[] {start, m.end()});
            }
        }
        if (tokens.isEmpty()) {
            return new Parsed(s, List.of());
        }
        String[] words = tokens.toArray(String[]::new);
        String[] tags = tagger.get().tag(words);
        verbsTaggedAsNouns(words, tags);
        String[] chunks = chunker.get().chunk(words, tags);

        int[] clause = new int[words.length];
        int c = 0;
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            boolean breaks = lower.matches("[.;!?:]") || lower.equals(",") && i + 1 < words.length
                    && (CLAUSE_WORDS.contains(words[i + 1].toLowerCase(Locale.ROOT))
                    || words[i + 1].equalsIgnoreCase("and") || words[i + 1].equalsIgnoreCase("or"));
            if (!breaks && i > 0 && CLAUSE_WORDS.contains(lower) && !tags[i].startsWith("JJ")) {
                c++;
            } else if (!breaks && (lower.equals("and") || lower.equals("or")) && i + 1 < words.length
                    && AFTER_AND_NEW_CLAUSE.contains(words[i + 1].toLowerCase(Locale.ROOT))) {
                c++;
            }
            clause[i] = c;
            if (breaks) {
                c++;
            }
        }
        boolean[] negated = negationScope(words, tags, chunks, clause);
        List<Word> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            out.add(new Word(words[i], words[i].toLowerCase(Locale.ROOT), spans.get(i)[0], spans.get(i)[1], tags[i],
                    chunks[i], clause[i], negated[i]));
        }
        return new Parsed(s, out);
    }

    /** Verbs the tagger takes for plural nouns after a noun ("model size shrinks", "architecture matters"). */
    private static final Set<String> THIRD_PERSON_VERBS = Set.of("matters", "grows", "shrinks", "increases",
            "decreases", "scales", "rises", "falls", "drops", "improves", "hurts", "helps", "works", "needs",
            "uses", "beats", "outperforms", "matches", "trails", "lags", "declines", "stays", "remains", "wins",
            "loses", "requires", "depends", "degrades", "reduces", "exceeds", "surpasses", "underperforms");

    private static void verbsTaggedAsNouns(String[] words, String[] tags) {
        for (int i = 1; i < words.length; i++) {
            if (tags[i].equals("NNS") && (tags[i - 1].equals("NN") || tags[i - 1].equals("NNP"))
                    && THIRD_PERSON_VERBS.contains(words[i].toLowerCase(Locale.ROOT))) {
                tags[i] = "VBZ";
            }
        }
    }

    public static boolean isNegator(String lower) {
        return NEGATORS.contains(lower);
    }

    /**
     * Marks the words a negation denies. "Not", "n't", "never" deny the rest of their clause up to a comma or a
     * bracket; "no", "none", "without", "instead of", "rather than" deny the phrase after them (and, for "no",
     * the verb that follows it: "no projection is used"). "Not only" is not a negation.
     */
    private static boolean[] negationScope(String[] words, String[] tags, String[] chunks, int[] clause) {
        boolean[] out = new boolean[words.length];
        for (int i = 0; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            boolean phrase = PHRASE_NEGATORS.contains(w) || w.equals("no") || w.equals("none") || w.equals("neither")
                    || w.equals("nor")
                    || (w.equals("of") && i > 0 && words[i - 1].equalsIgnoreCase("instead"))
                    || (w.equals("than") && i > 0 && words[i - 1].equalsIgnoreCase("rather"));
            boolean predicate = !phrase && NEGATORS.contains(w);
            if (i + 1 < words.length && words[i + 1].equalsIgnoreCase("only")) {
                continue;
            }
            if (predicate) {
                // the verb group and its object; a prepositional phrase after the object is not denied
                boolean object = false;
                for (int j = i + 1; j < words.length && clause[j] == clause[i] && !isBreak(words[j]); j++) {
                    if (object && (tags[j].equals("IN") || tags[j].equals("TO") || tags[j].equals("WDT"))) {
                        break;
                    }
                    out[j] = true;
                    object = object || tags[j].startsWith("NN") || tags[j].startsWith("JJ") || tags[j].equals("VBN");
                }
            } else if (phrase) {
                int j = i + 1;
                boolean inPhrase = false;
                while (j < words.length && clause[j] == clause[i] && !isBreak(words[j])) {
                    // "no X or Y" denies both; "no X and Y are …" only X
                    boolean or = words[j].equalsIgnoreCase("or") || words[j].equalsIgnoreCase("nor");
                    boolean np = chunks[j].endsWith("NP") && !tags[j].equals("CC") || or || tags[j].startsWith("JJ")
                            || tags[j].startsWith("NN") || tags[j].equals("CD") || tags[j].equals("DT");
                    if (!np && inPhrase) {
                        break;
                    }
                    out[j] = true;
                    inPhrase = inPhrase || tags[j].startsWith("NN");
                    j++;
                }
                // "without any model in the loop": the phrase's own prepositional phrase
                if (j + 1 < words.length && clause[j] == clause[i] && tags[j].equals("IN")
                        && !words[j].equalsIgnoreCase("than") && chunks[j + 1].endsWith("NP")) {
                    out[j] = true;
                    j++;
                    while (j < words.length && clause[j] == clause[i] && !isBreak(words[j])
                            && (chunks[j].equals("I-NP") || chunks[j].equals("B-NP") && out[j - 1] && tags[j - 1].equals("IN"))) {
                        out[j] = true;
                        j++;
                    }
                }
                // "no projection is used", "no retraining is needed"
                if (w.equals("no") || w.equals("none")) {
                    while (j < words.length && clause[j] == clause[i] && !isBreak(words[j])
                            && (tags[j].startsWith("VB") || tags[j].equals("RB") || tags[j].equals("MD"))) {
                        out[j] = true;
                        j++;
                    }
                }
            }
        }
        return out;
    }

    public static boolean isBreak(String word) {
        return word.equals(",") || word.equals("(") || word.equals(")") || word.equals("-") || word.equals("\u2014");
    }
}
