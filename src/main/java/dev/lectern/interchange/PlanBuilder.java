package dev.lectern.interchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.course.Reading;
import dev.lectern.course.edit.NewCourse;
import dev.lectern.course.edit.QuotedStrings;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.SourceFile;
import dev.lectern.course.load.Words;
import dev.lectern.files.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the drafts of an importer into an {@link ImportPlan}: matches them against the course folder (the same
 * paper twice is one reading; a reading or set already in the course is kept or merged into, never silently
 * replaced), gives new ones ids that are free, and renders every file to write.
 */
public final class PlanBuilder {

    /** Marks questions whose key points were proposed by the importer, for the author to confirm. */
    public static final String PROPOSED_TAG = "proposed-key-points";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        PRETTY = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        PRETTY.indentObjectsWith(indenter);
        PRETTY.indentArraysWith(indenter);
    }

    /** A reading title matched in the course. */
    public record Match(String id, String title, double score) {
    }

    private final ImportKind kind;
    private final Path courseDir;
    private final ImportOptions options;
    private final ImportReport.Builder report;
    private final List<Path> inputs;
    private final List<Reading> courseReadings;
    private final Set<String> takenIds = new HashSet<>();
    private final Map<String, ReadingDraft> newReadings = new LinkedHashMap<>();
    private final Map<String, ImportItem> keptReadings = new LinkedHashMap<>();
    private final Map<String, PlannedSet> sets = new LinkedHashMap<>();

    PlanBuilder(ImportKind kind, Path courseDir, ImportOptions options, ImportReport.Builder report, List<Path> inputs) {
        this.kind = kind;
        this.courseDir = courseDir;
        this.options = options;
        this.report = report;
        this.inputs = inputs;
        Path readingsDir = courseDir.resolve("readings");
        Path questionsDir = courseDir.resolve("questions");
        if (Files.isDirectory(readingsDir) || Files.isDirectory(questionsDir)) {
            courseReadings = CourseLoader.load(courseDir).course().readings();
        } else {
            courseReadings = List.of();
        }
        for (Reading r : courseReadings) {
            takenIds.add(r.id());
        }
    }

    /**
     * When the import makes a new course (the folder has neither readings/ nor questions/ yet), its course file: a
     * fresh id, so the new course's progress is its own, and the folder's name as its title.
     */
    private Optional<ImportItem> newCourseFile(List<ImportItem> items) {
        boolean newCourse = !Files.exists(courseDir.resolve("readings")) && !Files.exists(courseDir.resolve("questions"));
        if (!newCourse || items.stream().noneMatch(ImportItem::writes)) {
            return Optional.empty();
        }
        String title = courseDir.getFileName() == null ? "Imported course" : courseDir.getFileName().toString();
        Path target = courseDir.resolve("readings").resolve("course.yaml");
        return Optional.of(new ImportItem(ImportItem.Type.COURSE_FILE, "course", title, ImportItem.Action.CREATE, target,
                NewCourse.courseFile(title), "", "new course \"" + title + "\", with an id of its own for its progress",
                inputs.isEmpty() ? target : inputs.get(0), 1));
    }

    public ImportReport.Builder report() {
        return report;
    }

    List<Reading> courseReadings() {
        return courseReadings;
    }

    private boolean readingFileExists(String id) {
        return Files.exists(courseDir.resolve("readings").resolve(id + ".md"))
                || Files.exists(courseDir.resolve("readings").resolve(id + ".json"));
    }

    /**
     * Places a reading: merged into the same paper found earlier in this import, kept when the course already has
     * it (same title or same arXiv number), or new. Returns its id.
     */
    public String addReading(ReadingDraft d) {
        return placeReading(d);
    }

    /**
     * Discussion prompts for the reading {@code readingId}: written into its notes when this import makes the reading;
     * a reading the course has is never changed by an import, so they are reported instead (with where they are).
     */
    public void addDiscussion(String readingId, List<String> prompts, Path source, int line) {
        ReadingDraft planned = newReadings.get(readingId);
        if (planned != null) {
            prompts.stream().filter(p -> !planned.discussion.contains(p)).forEach(planned.discussion::add);
        } else if (!prompts.isEmpty()) {
            String count = prompts.size() + (prompts.size() == 1 ? " discussion prompt" : " discussion prompts");
            report.note(source, line, count + " for the reading " + readingId + " are kept out of the graded"
                    + " questions; the reading is left as it is, so add them to its notes if you want them there: "
                    + String.join(" | ", prompts.stream().map(Words::abbreviate).toList()));
        }
    }

    private String placeReading(ReadingDraft d) {
        String key = ImportText.normalize(d.title);
        String arxiv = d.arxivId();
        for (Map.Entry<String, ReadingDraft> e : newReadings.entrySet()) {
            ReadingDraft earlier = e.getValue();
            if (ImportText.normalize(earlier.title).equals(key) || !arxiv.isEmpty() && arxiv.equals(earlier.arxivId())) {
                List<String> taken = earlier.absorb(d);
                report.note(d.source, d.line, "\"" + Words.abbreviate(d.title) + "\" is the same paper as at "
                        + earlier.source + ":" + earlier.line + "; both make one reading, " + e.getKey()
                        + (taken.isEmpty() ? "" : ", which takes " + String.join(", ", taken) + " from here") + ".");
                return e.getKey();
            }
        }
        for (Reading r : courseReadings) {
            String why = ImportText.normalize(r.title()).equals(key) ? "the same title"
                    : !arxiv.isEmpty() && r.links().stream().anyMatch(l -> l.url().contains(arxiv))
                            ? "the same arXiv paper " + arxiv : null;
            if (why != null) {
                Path file = r.source().file();
                if (!keptReadings.containsKey(r.id())) {
                    keptReadings.put(r.id(), new ImportItem(ImportItem.Type.READING, r.id(), r.title(),
                            ImportItem.Action.KEEP, file, "", "", "already in the course as " + shown(file) + " ("
                                    + why + "); left as it is", d.source, d.line));
                }
                report.note(d.source, d.line, "\"" + Words.abbreviate(d.title) + "\" is already in the course as "
                        + shown(file) + " (" + why + "); that reading is kept as it is.");
                return r.id();
            }
        }
        if (d.shortTitle.isBlank()) {
            int colon = d.title.indexOf(':');
            String before = colon > 0 ? d.title.substring(0, colon).strip() : "";
            if (!before.isEmpty() && before.split("\\s+").length <= 5 && colon < d.title.length() - 1) {
                d.shortTitle = before;
            }
        }
        String base = ImportText.slug(d.shortTitle.isBlank() ? d.title : d.shortTitle, 5);
        String id = freeId(base.isEmpty() ? "reading" : base, this::readingFileExists);
        newReadings.put(id, d);
        return id;
    }

    /**
     * Places a reading that should have the id {@code wantedId} (a reading a Lectern export named): the course's or
     * this import's reading of that id when there is one, else {@code d} as a new reading under that id, or under the
     * next free one when a file of that name is in the way.
     */
    public String addReading(ReadingDraft d, String wantedId) {
        if (readingExists(wantedId)) {
            return wantedId;
        }
        String id = freeId(wantedId, this::readingFileExists);
        newReadings.put(id, d);
        return id;
    }

    private String freeId(String base, java.util.function.Predicate<String> exists) {
        String id = base;
        for (int n = 2; takenIds.contains(id) || exists.test(id); n++) {
            id = base + "-" + n;
        }
        takenIds.add(id);
        return id;
    }

    /** The reading (in the course or new in this import) whose title is most like {@code title}, if close enough. */
    public Optional<Match> matchReading(String title, double threshold) {
        return closestReading(title).filter(m -> m.score() >= threshold);
    }

    /** The reading whose title (or short title) is most like {@code title}, however far, for the report. */
    public Optional<Match> closestReading(String title) {
        Match best = null;
        for (Reading r : courseReadings) {
            double score = Math.max(ImportText.titleSimilarity(title, r.title()),
                    ImportText.titleSimilarity(title, r.shortTitle()));
            if (best == null || score > best.score()) {
                best = new Match(r.id(), r.title(), score);
            }
        }
        for (Map.Entry<String, ReadingDraft> e : newReadings.entrySet()) {
            double score = ImportText.titleSimilarity(title, e.getValue().title);
            if (best == null || score > best.score()) {
                best = new Match(e.getKey(), e.getValue().title, score);
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean readingExists(String id) {
        return newReadings.containsKey(id) || courseReadings.stream().anyMatch(r -> r.id().equals(id));
    }

    /**
     * Places a question set drilling {@code readingId} under {@code setId}: new, or merged into a set of that id
     * (in the course or earlier in this import) by adding the questions it does not have yet.
     */
    public void addSet(SetDraft draft, String setId, String readingId) {
        addSet(draft, setId, List.of(readingId));
    }

    /** As {@link #addSet(SetDraft, String, String)}, for a set that drills several readings. */
    public void addSet(SetDraft draft, String setId, List<String> readingIds) {
        PlannedSet planned = sets.get(setId);
        if (planned == null) {
            Path file = courseDir.resolve("questions").resolve(setId + ".json");
            if (Files.exists(file)) {
                Optional<PlannedSet> existing = PlannedSet.read(file, setId, draft);
                if (existing.isEmpty()) {
                    report.skipped(draft.source, draft.line, "The course already has " + shown(file) + ", which is"
                            + " not a question set Lectern can read, so \"" + Words.abbreviate(draft.title)
                            + "\" is not imported; fix or move that file and import again.");
                    return;
                }
                planned = existing.get();
            } else {
                planned = PlannedSet.create(file, setId, draft);
            }
            sets.put(setId, planned);
        } else if (!planned.existed) {
            report.note(draft.source, draft.line, "\"" + Words.abbreviate(draft.title) + "\" goes into the same"
                    + " question set as " + planned.source + ":" + planned.line + " (" + setId + ").");
        }
        for (String readingId : readingIds) {
            if (planned.addReading(readingId) && planned.existed) {
                report.note(draft.source, draft.line, "The existing set " + setId + " now also drills the reading "
                        + readingId + ".");
            }
        }
        for (SetDraft.QuestionDraft q : draft.questions) {
            String prompt = ImportText.normalize(q.prompt());
            if (!planned.prompts.add(prompt)) {
                report.note(draft.source, q.line(), "The question \"" + Words.abbreviate(q.prompt()) + "\" is already in"
                        + " the set " + setId + "; it is not added again.");
                continue;
            }
            String base = q.idHint().isBlank() ? ImportText.slug(q.prompt(), 5) : q.idHint();
            if (base.isEmpty()) {
                base = "question";
            }
            String id = base;
            for (int n = 2; planned.questionIds.contains(id); n++) {
                id = base + "-" + n;
            }
            planned.questionIds.add(id);
            planned.add(id, q);
        }
    }

    private String shown(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = courseDir.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : file.toString();
    }

    ImportPlan build() {
        List<ImportItem> items = new ArrayList<>(keptReadings.values());
        Map<String, Integer> sessionNumbers = new LinkedHashMap<>();
        Map<Integer, Integer> lastSession = new LinkedHashMap<>();
        for (Reading r : courseReadings) {
            r.session().ifPresent(s -> lastSession.merge(r.week(), s.number(), Math::max));
        }
        for (Map.Entry<String, ReadingDraft> e : newReadings.entrySet()) {
            ReadingDraft d = e.getValue();
            int week = d.week.orElse(options.week().orElse(1));
            if (d.sessionNumber <= 0 && !d.sessionLabel.isBlank()) {
                String key = week + "\n" + d.sessionLabel;
                Integer number = sessionNumbers.get(key);
                if (number == null) {
                    number = lastSession.merge(week, 1, Integer::sum);
                    sessionNumbers.put(key, number);
                }
                d.sessionNumber = number;
            }
            if (d.week.isEmpty() && options.week().isEmpty()) {
                report.warning(d.source, d.line, "No week is given for \"" + Words.abbreviate(d.title)
                        + "\", so its reading " + e.getKey() + " goes into week 1; change \"week\" in the reading, or"
                        + " import again with --week N.");
            }
            Path target = courseDir.resolve("readings").resolve(e.getKey() + ".md");
            String detail = "new reading, week " + week + (d.sessionLabel.isBlank() ? "" : ", \"" + d.sessionLabel + "\"");
            items.add(new ImportItem(ImportItem.Type.READING, e.getKey(), d.title, ImportItem.Action.CREATE, target,
                    readingMarkdown(e.getKey(), d, week), "", detail, d.source, d.line));
        }
        for (PlannedSet s : sets.values()) {
            items.add(s.item(this));
        }
        newCourseFile(items).ifPresent(items::add);
        return new ImportPlan(kind, courseDir, inputs, items, report.build());
    }

    static String readingMarkdown(String id, ReadingDraft d, int week) {
        StringBuilder md = new StringBuilder("---\n");
        md.append("id: ").append(id).append('\n');
        md.append("title: ").append(QuotedStrings.yaml(d.title)).append('\n');
        if (!d.shortTitle.isBlank() && !d.shortTitle.equals(d.title)) {
            md.append("shortTitle: ").append(QuotedStrings.yaml(d.shortTitle)).append('\n');
        }
        md.append("kind: ").append(d.kind.name().toLowerCase(Locale.ROOT)).append('\n');
        if (!d.authors.isEmpty()) {
            md.append("authors:\n");
            for (String a : d.authors) {
                md.append("  - ").append(QuotedStrings.yaml(a)).append('\n');
            }
        }
        if (!d.links.isEmpty()) {
            md.append("links:\n");
            d.links.forEach((k, url) -> md.append("  ").append(k.name().toLowerCase(Locale.ROOT)).append(": ")
                    .append(QuotedStrings.yaml(url)).append('\n'));
        }
        md.append("week: ").append(week).append('\n');
        if (!d.sessionLabel.isBlank()) {
            md.append("session:\n  number: ").append(d.sessionNumber).append("\n  label: ")
                    .append(QuotedStrings.yaml(d.sessionLabel)).append('\n');
        }
        if (!d.tags.isEmpty()) {
            md.append("tags: [").append(String.join(", ", d.tags.stream().map(QuotedStrings::yaml).toList())).append("]\n");
        }
        md.append("---\n");
        if (!d.abstractMarkdown.isBlank()) {
            md.append("\n## Abstract\n\n").append(d.abstractMarkdown.strip()).append('\n');
        }
        if (!d.discussion.isEmpty()) {
            md.append("\n## Notes\n\nDiscussion prompts (to think about and talk over; not graded):\n\n");
            d.discussion.forEach(p -> md.append("- ").append(p.replaceAll("\\s+", " ").strip()).append('\n'));
        }
        return md.toString();
    }

    static String json(JsonNode node) {
        try {
            return JSON.writer(PRETTY).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A question set being planned: an existing file's tree with questions added, or a new one. */
    private static final class PlannedSet {
        final Path file;
        final String id;
        final ObjectNode tree;
        final boolean existed;
        final String previous;
        final Path source;
        final int line;
        final String title;
        final Set<String> prompts = new HashSet<>();
        final Set<String> questionIds = new HashSet<>();
        int added;

        private PlannedSet(Path file, String id, ObjectNode tree, boolean existed, String previous, SetDraft draft) {
            this.file = file;
            this.id = id;
            this.tree = tree;
            this.existed = existed;
            this.previous = previous;
            this.source = draft.source;
            this.line = draft.line;
            this.title = tree.path("title").asText(draft.title);
            for (JsonNode q : tree.withArray("questions")) {
                prompts.add(ImportText.normalize(q.path("prompt").asText("")));
                questionIds.add(q.path("id").asText(""));
            }
        }

        static PlannedSet create(Path file, String id, SetDraft draft) {
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.put("id", id);
            tree.put("title", draft.title);
            tree.putArray("readings");
            tree.putArray("questions");
            return new PlannedSet(file, id, tree, false, "", draft);
        }

        static Optional<PlannedSet> read(Path file, String id, SetDraft draft) {
            try {
                String text = RegularFiles.readUtf8(file, file.toAbsolutePath().getParent().getParent(),
                        SourceFile.MAX_BYTES);
                JsonNode tree = JSON.readTree(text);
                if (!(tree instanceof ObjectNode object) || !(object.get("questions") instanceof ArrayNode)
                        || !(object.get("readings") == null || object.get("readings") instanceof ArrayNode)) {
                    return Optional.empty();
                }
                return Optional.of(new PlannedSet(file, id, object, true, text, draft));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        public boolean addReading(String readingId) {
            ArrayNode readings = tree.withArray("readings");
            for (JsonNode r : readings) {
                if (r.asText().equals(readingId)) {
                    return false;
                }
            }
            readings.add(readingId);
            return true;
        }

        void add(String questionId, SetDraft.QuestionDraft q) {
            ObjectNode node = tree.withArray("questions").addObject();
            node.put("id", questionId);
            node.put("prompt", q.prompt());
            node.put("referenceAnswer", q.answer());
            if (!q.keyPoints().isEmpty()) {
                ArrayNode points = node.putArray("keyPoints");
                for (String point : q.keyPoints()) {
                    List<String> accepted = q.accepted().getOrDefault(point, List.of());
                    if (accepted.isEmpty()) {
                        points.add(point);
                    } else {
                        ObjectNode p = points.addObject();
                        p.put("text", point);
                        accepted.forEach(p.putArray("accept")::add);
                    }
                }
            }
            if (!q.tags().isEmpty()) {
                ArrayNode tags = node.putArray("tags");
                q.tags().forEach(tags::add);
            }
            added++;
        }

        ImportItem item(PlanBuilder builder) {
            int total = tree.withArray("questions").size();
            if (existed && added == 0) {
                return new ImportItem(ImportItem.Type.QUESTION_SET, id, title, ImportItem.Action.KEEP, file, "", previous,
                        "already in the course as " + builder.shown(file) + " with every imported question; left as it is",
                        source, line);
            }
            String detail = existed
                    ? "adds " + added + " question" + (added == 1 ? "" : "s") + " to the existing set (" + (total - added)
                            + " already there)"
                    : "new question set, " + added + " question" + (added == 1 ? "" : "s") + ", drills "
                            + String.join(", ", readingIds());
            return new ImportItem(ImportItem.Type.QUESTION_SET, id, title,
                    existed ? ImportItem.Action.UPDATE : ImportItem.Action.CREATE, file, json(tree), previous, detail,
                    source, line);
        }

        private List<String> readingIds() {
            List<String> ids = new ArrayList<>();
            tree.withArray("readings").forEach(r -> ids.add(r.asText()));
            return ids;
        }
    }
}
