package dev.lectern.interchange.anki;

import dev.lectern.course.ReadingKind;
import dev.lectern.course.load.Words;
import dev.lectern.interchange.ImportOptions;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.ImportText;
import dev.lectern.interchange.PlanBuilder;
import dev.lectern.interchange.ReadingDraft;
import dev.lectern.interchange.SetDraft;
import dev.lectern.interchange.qa.QaImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Anki "Notes in Plain Text" exports and plain CSV/TSV files with Front and Back columns into one question
 * set per file. Honours the {@code #separator:}, {@code #html:}, {@code #columns:}, {@code #tags column:},
 * {@code #tags:}, {@code #deck:}, {@code #deck column:}, {@code #notetype column:} and {@code #guid column:} header
 * lines. The set's id comes from the deck, else the file name; it drills the reading given with
 * {@link ImportOptions#reading()}, else the reading whose title matches the deck or file name, else a stub.
 */
public final class AnkiImporter {

    private static final Pattern HEADER = Pattern.compile("^#([A-Za-z][A-Za-z ]*):(.*)$");
    private static final Pattern CLOZE = Pattern.compile("\\{\\{c\\d+::(.*?)(?:::(.*?))?}}", Pattern.DOTALL);
    private static final Pattern SOUND = Pattern.compile("\\[sound:[^\\]]*]");
    private static final Set<String> FRONT_NAMES = Set.of("front", "question", "text", "prompt");
    private static final Set<String> BACK_NAMES = Set.of("back", "answer", "back extra", "reference answer");

    private final PlanBuilder builder;
    private final ImportOptions options;
    private final ImportReport.Builder report;

    public AnkiImporter(PlanBuilder builder, ImportOptions options) {
        this.builder = builder;
        this.options = options;
        this.report = builder.report();
    }

    public void read(Path file, String text) {
        List<String> lines = text.lines().toList();
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Integer> headerLines = new LinkedHashMap<>();
        int dataLine = 0;
        while (dataLine < lines.size()) {
            Matcher m = HEADER.matcher(lines.get(dataLine));
            if (!m.matches()) {
                break;
            }
            String key = m.group(1).strip().toLowerCase(Locale.ROOT);
            headers.put(key, m.group(2).strip());
            headerLines.put(key, dataLine + 1);
            dataLine++;
        }
        int offset = 0;
        for (int i = 0; i < dataLine; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        String data = dataLine == 0 ? text : text.substring(Math.max(0, offset));

        char separator = separator(file, headers, headerLines, data);
        Boolean html = null;
        if (headers.containsKey("html")) {
            String v = headers.get("html").toLowerCase(Locale.ROOT);
            html = v.equals("true") || v.equals("yes") || v.equals("1");
        }
        int guidColumn = column(file, headers, headerLines, "guid column");
        int notetypeColumn = column(file, headers, headerLines, "notetype column");
        int deckColumn = column(file, headers, headerLines, "deck column");
        int tagsColumn = column(file, headers, headerLines, "tags column");
        for (String known : List.of("separator", "html", "columns", "tags column", "guid column", "notetype column",
                "deck column", "deck", "notetype", "tags", "if matches")) {
            headerLines.remove(known);
        }
        headerLines.forEach((key, line) -> report.note(file, line, "The header \"#" + key + ":\" is not used by"
                + " Lectern and is ignored."));

        List<DelimitedText.Row> rows = new ArrayList<>(DelimitedText.parse(data, separator, dataLine + 1));
        List<String> names = new ArrayList<>();
        if (headers.containsKey("columns")) {
            names.addAll(List.of(headers.get("columns").split(Pattern.quote(String.valueOf(separator)), -1)));
        } else if (!rows.isEmpty() && rows.get(0).fields().stream().anyMatch(f -> FRONT_NAMES.contains(lower(f)))
                && rows.get(0).fields().stream().anyMatch(f -> BACK_NAMES.contains(lower(f)))) {
            names.addAll(rows.remove(0).fields());
        }
        int front = -1;
        int back = -1;
        for (int i = 0; i < names.size(); i++) {
            String name = lower(names.get(i));
            if (front < 0 && FRONT_NAMES.contains(name)) {
                front = i;
            } else if (back < 0 && BACK_NAMES.contains(name)) {
                back = i;
            } else if (tagsColumn < 0 && name.equals("tags")) {
                tagsColumn = i;
            } else if (guidColumn < 0 && name.equals("guid")) {
                guidColumn = i;
            } else if (deckColumn < 0 && name.equals("deck")) {
                deckColumn = i;
            } else if (notetypeColumn < 0 && (name.equals("notetype") || name.equals("note type"))) {
                notetypeColumn = i;
            }
        }
        int lecternId = names.stream().map(AnkiImporter::lower).toList().indexOf("lectern id");
        int keyPointsColumn = names.stream().map(AnkiImporter::lower).toList().indexOf("key points");
        int setColumn = names.stream().map(AnkiImporter::lower).toList().indexOf("set");
        int readingColumn = names.stream().map(AnkiImporter::lower).toList().indexOf("reading");
        if (front < 0 || back < 0) {
            Set<Integer> meta = new java.util.HashSet<>(List.of(guidColumn, notetypeColumn, deckColumn, tagsColumn));
            int width = rows.stream().mapToInt(r -> r.fields().size()).max().orElse(2);
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < Math.max(width, names.size()); i++) {
                if (!meta.contains(i) && i != front && i != back) {
                    free.add(i);
                }
            }
            if (front < 0 && !free.isEmpty()) {
                front = free.remove(0);
            }
            if (back < 0 && !free.isEmpty()) {
                back = free.remove(0);
            }
            if (!names.isEmpty()) {
                report.note(file, headerLines.getOrDefault("columns", dataLine + 1), "No columns named Front and Back;"
                        + " column " + (front + 1) + " is taken as the question and column " + (back + 1)
                        + " as the answer.");
            }
        }
        if (front < 0 || back < 0) {
            report.skipped(file, dataLine + 1, "No question and answer columns were found: the notes have fewer than two"
                    + " fields apart from guid, note type, deck and tags. Is the separator right?");
            return;
        }
        if (html == null) {
            final int f = front;
            final int b = back;
            html = rows.stream().anyMatch(r -> r.fields().size() > Math.max(f, b) && (ImportText.looksLikeHtml(
                    r.fields().get(f)) || ImportText.looksLikeHtml(r.fields().get(b))));
            if (html) {
                report.note(file, 1, "There is no \"#html:\" header and the notes hold HTML tags, so they are read as"
                        + " HTML and turned into Markdown.");
            }
        }

        Set<String> fileTags = new LinkedHashSet<>();
        if (headers.containsKey("tags")) {
            fileTags.addAll(List.of(headers.get("tags").strip().split("\\s+")));
            fileTags.remove("");
        }
        List<SetDraft.QuestionDraft> questions = new ArrayList<>();
        List<LecternNotes.Note> lecternNotes = new ArrayList<>();
        Set<String> decks = new LinkedHashSet<>();
        for (DelimitedText.Row row : rows) {
            if (row.unclosedQuote()) {
                report.skipped(file, row.line(), "The quote that opens a field on this line is never closed, so this"
                        + " note (and anything after it) is left out; close it with a \".");
                continue;
            }
            List<String> fields = row.fields();
            if (fields.size() <= Math.max(front, back)) {
                report.skipped(file, row.line(), "This line has " + fields.size() + " field" + (fields.size() == 1 ? ""
                        : "s") + " but the question and answer are in columns " + (front + 1) + " and " + (back + 1)
                        + "; is the separator right? It is left out.");
                continue;
            }
            List<String> tags = new ArrayList<>(fileTags);
            if (tagsColumn >= 0 && tagsColumn < fields.size()) {
                for (String t : fields.get(tagsColumn).strip().split("\\s+")) {
                    if (!t.isBlank() && !tags.contains(t)) {
                        tags.add(t);
                    }
                }
            }
            Optional<String[]> lectern = lecternId >= 0 && lecternId < fields.size()
                    ? LecternNotes.id(fields.get(lecternId)) : Optional.empty();
            if (lectern.isPresent()) {
                String backHtml = html ? LecternNotes.withoutKeyPoints(fields.get(back)) : fields.get(back);
                Optional<SetDraft.QuestionDraft> q = question(file, row.line(), fields.get(front), backHtml, html,
                        LecternNotes.ownTags(tags), lectern.get()[1]);
                q.ifPresent(d -> lecternNotes.add(new LecternNotes.Note(lectern.get()[0], lectern.get()[1],
                        field(fields, setColumn), LecternNotes.readingIds(field(fields, readingColumn)), d.prompt(),
                        d.answer(), LecternNotes.keyPoints(field(fields, keyPointsColumn)), d.tags(), d.line())));
                continue;
            }
            String idHint = guidColumn >= 0 && guidColumn < fields.size() && !fields.get(guidColumn).isBlank()
                    ? "anki-" + guidId(fields.get(guidColumn).strip()) : null;
            Optional<SetDraft.QuestionDraft> q = question(file, row.line(), fields.get(front), fields.get(back), html,
                    tags, idHint);
            if (q.isEmpty()) {
                continue;
            }
            questions.add(q.get());
            if (deckColumn >= 0 && deckColumn < fields.size() && !fields.get(deckColumn).isBlank()) {
                decks.add(fields.get(deckColumn).strip());
            }
        }
        if (!lecternNotes.isEmpty()) {
            LecternNotes.place(builder, options, file, lecternNotes);
            if (questions.isEmpty()) {
                return;
            }
        }
        String deck = headers.getOrDefault("deck", "").strip();
        if (deck.isEmpty() && decks.size() == 1) {
            deck = decks.iterator().next();
        }
        if (decks.size() > 1) {
            report.note(file, dataLine + 1, "The notes come from " + decks.size() + " decks (" + String.join(", ",
                    decks) + "); they all go into one question set.");
        }
        placeSet(file, dataLine + 1, deck, questions);
    }

    /**
     * Reads an Anki package: the notes Lectern exported go back to their own sets; any other notes make one question
     * set per deck, their first two fields (or those named Front and Back) as question and answer.
     */
    public void readPackage(Path file) {
        List<AnkiPackageReader.PackageNote> notes;
        try {
            notes = AnkiPackageReader.read(file);
        } catch (AnkiPackageReader.Unreadable e) {
            report.skipped(file, 1, e.getMessage());
            return;
        }
        List<LecternNotes.Note> lecternNotes = new ArrayList<>();
        Map<String, List<SetDraft.QuestionDraft>> byDeck = new LinkedHashMap<>();
        int line = 0;
        for (AnkiPackageReader.PackageNote n : notes) {
            line++;
            Optional<String[]> lectern = n.hasField("Lectern id") ? LecternNotes.id(n.field("Lectern id"))
                    : Optional.empty();
            if (lectern.isPresent()) {
                Optional<SetDraft.QuestionDraft> q = question(file, line, n.field("Prompt"), n.field("Answer"), true,
                        LecternNotes.ownTags(n.tags()), lectern.get()[1]);
                q.ifPresent(d -> lecternNotes.add(new LecternNotes.Note(lectern.get()[0], lectern.get()[1],
                        LecternNotes.text(n.field("Set")), LecternNotes.readingIds(n.field("Reading")), d.prompt(),
                        d.answer(), LecternNotes.keyPoints(n.field("Key points")), d.tags(), d.line())));
                continue;
            }
            String front = n.fieldNames().stream().filter(f -> FRONT_NAMES.contains(lower(f))).findFirst()
                    .map(n::field).orElse(n.fields().isEmpty() ? "" : n.fields().get(0));
            String back = n.fieldNames().stream().filter(f -> BACK_NAMES.contains(lower(f))).findFirst()
                    .map(n::field).orElse(n.fields().size() < 2 ? "" : n.fields().get(1));
            question(file, line, front, back, true, n.tags(), n.guid() == null || n.guid().isBlank() ? null
                    : "anki-" + guidId(n.guid())).ifPresent(q -> byDeck.computeIfAbsent(n.deck(),
                            d -> new ArrayList<>()).add(q));
        }
        if (!lecternNotes.isEmpty()) {
            LecternNotes.place(builder, options, file, lecternNotes);
        }
        if (notes.isEmpty()) {
            report.skipped(file, 1, "This package holds no notes, so it gives no question set.");
        }
        byDeck.forEach((deck, questions) -> placeSet(file, 1, deck.equals("Default") ? "" : deck, questions));
    }

    /** A note's question, or empty (and a report entry) when it has no question or no answer. */
    private Optional<SetDraft.QuestionDraft> question(Path file, int line, String frontField, String backField,
            boolean html, List<String> tags, String idHint) {
        List<String> dropped = new ArrayList<>();
        String prompt = text(frontField, html, dropped);
        String answer = text(backField, html, dropped);
        Matcher cloze = CLOZE.matcher(prompt);
        if (cloze.find()) {
            List<String> hidden = new ArrayList<>();
            StringBuilder asked = new StringBuilder();
            cloze.reset();
            while (cloze.find()) {
                hidden.add(cloze.group(1).strip());
                cloze.appendReplacement(asked, Matcher.quoteReplacement(cloze.group(2) == null ? "[…]"
                        : "[" + cloze.group(2).strip() + "]"));
            }
            cloze.appendTail(asked);
            prompt = asked.toString().strip();
            answer = String.join("; ", hidden) + (answer.isBlank() ? "" : "\n\n" + answer);
        }
        for (String d : dropped) {
            report.skipped(file, line, Character.toUpperCase(d.charAt(0)) + d.substring(1)
                    + " is left out of this note; Lectern's question sets hold text only.");
        }
        if (prompt.isBlank()) {
            report.skipped(file, line, "This note has no question (its Front is empty), so it is left out.");
            return Optional.empty();
        }
        if (answer.isBlank()) {
            report.skipped(file, line, "The note \"" + Words.abbreviate(prompt) + "\" has no answer (its Back"
                    + " is empty), so it is left out.");
            return Optional.empty();
        }
        String id = idHint != null ? idHint : ImportText.slug(String.join(" ", ImportText.contentWords(prompt)), 5);
        return Optional.of(new SetDraft.QuestionDraft(id, prompt, answer, List.of(), tags, line));
    }

    private static String field(List<String> fields, int column) {
        return column >= 0 && column < fields.size() ? fields.get(column) : "";
    }

    /** One question set of {@code questions} from {@code deck} (else the file's name), linked to a reading. */
    private void placeSet(Path file, int line, String deck, List<SetDraft.QuestionDraft> questions) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String setName = deck.isEmpty() ? stem.replaceAll("[-_]+", " ").strip() : deck.replace("::", " / ");
        String idSource = deck.isEmpty() ? stem : deck.contains("::") ? deck.substring(deck.lastIndexOf("::") + 2) : deck;
        SetDraft set = new SetDraft(file, line, setName, deck.isEmpty() ? setName : idSource,
                ImportText.slug(idSource, 5));
        set.questions.addAll(questions);
        if (set.questions.isEmpty()) {
            report.skipped(file, 1, "No notes with both a question and an answer were found, so this file gives no"
                    + " question set.");
            return;
        }
        String readingId = reading(file, set);
        if (readingId == null) {
            return;
        }
        builder.addSet(set, set.idHint.isEmpty() ? readingId : set.idHint, readingId);
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** The guid as a question id: characters other than letters, digits and dashes are written as .XX codes. */
    static String guidId(String guid) {
        StringBuilder out = new StringBuilder();
        for (char c : guid.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-')) {
                out.append(c);
            } else {
                out.append('.').append(String.format(Locale.ROOT, "%02x", (int) c));
            }
        }
        return out.toString();
    }

    private String text(String field, boolean html, List<String> dropped) {
        String t = field;
        Matcher sound = SOUND.matcher(t);
        while (sound.find()) {
            dropped.add("a sound (" + Words.abbreviate(sound.group()) + ")");
        }
        t = sound.replaceAll("");
        if (html) {
            t = ImportText.htmlToMarkdown(t, dropped);
        }
        return t.strip();
    }

    private char separator(Path file, Map<String, String> headers, Map<String, Integer> headerLines, String data) {
        if (headers.containsKey("separator")) {
            String v = headers.get("separator");
            switch (v.strip().toLowerCase(Locale.ROOT)) {
                case "tab":
                    return '\t';
                case "comma":
                    return ',';
                case "semicolon":
                    return ';';
                case "pipe":
                    return '|';
                case "space":
                    return ' ';
                case "colon":
                    return ':';
                default:
                    break;
            }
            if (v.length() == 1) {
                return v.charAt(0);
            }
            if (v.strip().length() == 1) {
                return v.strip().charAt(0);
            }
            report.warning(file, headerLines.get("separator"), "\"#separator:" + v + "\" is not a separator Lectern"
                    + " knows (tab, comma, semicolon, pipe, space, colon, or a single character); it guesses instead.");
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")) {
            return '\t';
        }
        String first = data.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        char best = ',';
        long most = 0;
        for (char c : new char[] {',', ';', '|'}) {
            long count = first.chars().filter(ch -> ch == c).count();
            if (count > most) {
                most = count;
                best = c;
            }
        }
        return best;
    }

    /** A 1-based column header as a 0-based index, or -1. */
    private int column(Path file, Map<String, String> headers, Map<String, Integer> headerLines, String key) {
        String v = headers.get(key);
        if (v == null) {
            return -1;
        }
        if (v.strip().matches("\\d{1,3}") && Integer.parseInt(v.strip()) >= 1) {
            return Integer.parseInt(v.strip()) - 1;
        }
        report.warning(file, headerLines.get(key), "\"#" + key + ":" + v + "\" should be a column number such as 3;"
                + " it is ignored.");
        return -1;
    }

    private String reading(Path file, SetDraft set) {
        if (options.reading().isPresent()) {
            String id = options.reading().get().strip();
            if (builder.readingExists(id)) {
                return id;
            }
            report.skipped(file, 1, "The course has no reading \"" + id + "\" (given with --reading), so this file's"
                    + " question set is not imported.");
            return null;
        }
        Optional<PlanBuilder.Match> match = builder.matchReading(set.readingTitle, QaImporter.MATCH_THRESHOLD);
        if (match.isPresent()) {
            report.note(file, 1, "\"" + Words.abbreviate(set.readingTitle) + "\" is matched to the reading "
                    + match.get().id() + " (\"" + Words.abbreviate(match.get().title()) + "\", similarity "
                    + ImportText.score(match.get().score()) + "); give --reading ID to choose another.");
            return match.get().id();
        }
        ReadingDraft stub = new ReadingDraft(file, 1, set.title);
        stub.kind = ReadingKind.OTHER;
        String id = builder.addReading(stub);
        report.warning(file, 1, "No reading in the course matches \"" + Words.abbreviate(set.readingTitle) + "\", so a"
                + " stub reading " + id + " is created for the set; fill it in, or import again with --reading ID.");
        return id;
    }
}
