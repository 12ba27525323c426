package dev.lectern.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.course.Difficulty;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.SourceRef;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Signal;
import dev.lectern.grading.Span;
import dev.lectern.grading.Verdict;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exams in the progress database ({@code exam} table, the exam as JSON in the {@link ExamFile} format):
 * unfinished ones so they can be resumed, finished ones so their results can be read again. A row that cannot be read
 * is skipped with a warning. An exam that cannot be written (the disk is full, another Lectern has the data folder)
 * is kept in memory, listed with the others, and written with the next save or {@link #retryPending()}.
 *
 * <p>{@link Progress#exams()} gives the store's own; {@link #ExamStore(Path)} makes one that opens the data folder's
 * {@code progress.db} for each call, for code that has no {@link Progress} at hand.
 */
public final class ExamStore {

    private static final Logger LOG = LoggerFactory.getLogger(ExamStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    static final String LEGACY_FOLDER = "exams";
    static final String IMPORTED_FOLDER = "exams.imported";

    /** What the store reads and writes through. */
    interface Access {
        /** Runs {@code work} on a connection for reading. */
        <T> T read(Work<T> work) throws SQLException, IOException;

        /** Runs {@code work} in a write transaction and commits it; throws when this copy may not write. */
        <T> T write(Work<T> work) throws SQLException, IOException;

        Path dataDir();
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final Access access;
    private final Map<String, Exam> pending = new LinkedHashMap<>();

    /**
     * Exams of the progress database in {@code dataDir} ({@code UserDirs.data()}), opened for each call (and created
     * or upgraded as needed). Prefer {@link Progress#exams()}, which shares the store's connection.
     */
    public ExamStore(Path dataDir) {
        this(new PerCall(dataDir.toAbsolutePath()));
    }

    ExamStore(Access access) {
        this.access = access;
    }

    /** The data folder the exams' database is in. */
    public Path folder() {
        return access.dataDir();
    }

    /**
     * Writes the exam, replacing an earlier save of it, in one committed transaction (with any exams still waiting
     * from failed saves).
     *
     * @throws IOException when it could not be written; the exam is then kept in memory and written later
     */
    public synchronized void save(Exam exam) throws IOException {
        checkId(exam.id());
        pending.remove(exam.id());
        pending.put(exam.id(), exam);
        flush();
    }

    /** Writes the exams kept in memory; true when none are left. */
    public synchronized boolean retryPending() {
        if (pending.isEmpty()) {
            return true;
        }
        try {
            flush();
            return true;
        } catch (IOException e) {
            LOG.info("exams still not saved: {}", e.getMessage());
            return false;
        }
    }

    /** Exams kept in memory, not yet written. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    private void flush() throws IOException {
        List<Exam> waiting = new ArrayList<>(pending.values());
        try {
            access.write(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT OR REPLACE INTO exam"
                        + " (id, title, started_at, finished_at, payload) VALUES (?, ?, ?, ?, ?)")) {
                    for (Exam e : waiting) {
                        bind(insert, e);
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IOException(Sqlite.reason(e, access.dataDir()) + "; Lectern keeps the exam and will try again",
                    e);
        }
        waiting.forEach(e -> pending.remove(e.id(), e));
    }

    private static void bind(PreparedStatement insert, Exam e) throws SQLException, IOException {
        insert.setString(1, e.id());
        insert.setString(2, e.title());
        insert.setLong(3, e.startedAt().toEpochMilli());
        if (e.finishedAt().isPresent()) {
            insert.setLong(4, e.finishedAt().get().toEpochMilli());
        } else {
            insert.setNull(4, Types.INTEGER);
        }
        insert.setString(5, JSON.writeValueAsString(toFile(e)));
    }

    /** Every exam that can be read, newest first; rows that cannot be read are left alone and logged. */
    public synchronized List<Exam> all() {
        Map<String, Exam> byId = new LinkedHashMap<>();
        try {
            access.read(c -> {
                if (!hasExamTable(c)) {
                    return null;
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT id, payload FROM exam")) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        parse(rs.getString(2), id, "exam " + id + " in the progress database")
                                .ifPresent(e -> byId.put(e.id(), e));
                    }
                }
                return null;
            });
        } catch (SQLException | IOException e) {
            LOG.warn("the exams could not be read: {}", e.getMessage());
        }
        byId.putAll(pending);
        List<Exam> exams = new ArrayList<>(byId.values());
        exams.sort(Comparator.comparing(Exam::startedAt).reversed().thenComparing(Exam::id));
        return exams;
    }

    /** The most recently started exam that is not finished, if any. */
    public Optional<Exam> latestUnfinished() {
        return all().stream().filter(e -> !e.isFinished()).findFirst();
    }

    /** Finished exams, newest first. */
    public List<Exam> finished() {
        return all().stream().filter(Exam::isFinished).toList();
    }

    public synchronized void delete(String id) throws IOException {
        checkId(id);
        pending.remove(id);
        try {
            access.write(c -> {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM exam WHERE id = ?")) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IOException(Sqlite.reason(e, access.dataDir()), e);
        }
    }

    private static void checkId(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a usable exam id: " + id);
        }
    }

    static boolean hasExamTable(Connection c) throws SQLException {
        return Sqlite.queryLong(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'exam'") > 0;
    }

    /** An exam from its JSON; empty (and logged) when it cannot be read or is not exam {@code expectedId}. */
    private static Optional<Exam> parse(String json, String expectedId, String where) {
        try {
            ExamFile saved = JSON.readValue(json, ExamFile.class);
            if (saved == null) {
                throw new IOException("it is empty");
            }
            if (saved.format() != ExamFile.FORMAT) {
                throw new IOException("format " + saved.format() + " is not one this version reads");
            }
            Exam exam = fromFile(saved);
            if (!exam.id().equals(expectedId)) {
                throw new IOException("it holds exam " + exam.id());
            }
            return Optional.of(exam);
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping {}: {}", where, e.getMessage());
            return Optional.empty();
        }
    }

    // ---- the JSON files of earlier versions ----

    /**
     * Step of schema version 2: copies the exams of {@code <data dir>/exams/*.json} into the table. Files that cannot
     * be read are skipped (and stay where they are, like the others).
     */
    static void importLegacyFiles(Connection connection, Path dataDir) throws SQLException, IOException {
        Path folder = dataDir.resolve(LEGACY_FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        int imported = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json");
                PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO exam"
                        + " (id, title, started_at, finished_at, payload) VALUES (?, ?, ?, ?, ?)")) {
            for (Path file : files) {
                String json;
                try {
                    json = Files.readString(file);
                } catch (IOException e) {
                    LOG.warn("skipping exam file {}: {}", file, e.getMessage());
                    continue;
                }
                String id = file.getFileName().toString().replaceFirst("\\.json$", "");
                Optional<Exam> exam = parse(json, id, "exam file " + file);
                if (exam.isPresent()) {
                    bind(insert, exam.get());
                    insert.executeUpdate();
                    imported++;
                }
            }
        }
        LOG.info("imported {} exams from {}", imported, folder);
    }

    /**
     * After version 2 is committed: renames {@code exams/} to {@code exams.imported/} (or {@code exams.imported-2/}
     * …), so the files stay but are not imported again.
     *
     * @return what the user should be told, if anything
     */
    static Optional<String> setLegacyFolderAside(Path dataDir) {
        Path folder = dataDir.resolve(LEGACY_FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Path target = dataDir.resolve(IMPORTED_FOLDER);
        for (int i = 2; Files.exists(target); i++) {
            target = dataDir.resolve(IMPORTED_FOLDER + "-" + i);
        }
        try {
            Files.move(folder, target);
            return Optional.of("Your saved exams are now kept in the progress database; the old exam files are in "
                    + target + ".");
        } catch (IOException e) {
            LOG.warn("{} could not be renamed after its exams were imported: {}", folder, e.getMessage());
            return Optional.of("Your saved exams are now kept in the progress database; the old exam files are still"
                    + " in " + folder + ".");
        }
    }

    /** Opens the data folder's database for each call: for an {@link ExamStore} made without a progress store. */
    private static final class PerCall implements Access {

        private final Path dataDir;

        PerCall(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public Path dataDir() {
            return dataDir;
        }

        @Override
        public <T> T read(Work<T> work) throws SQLException, IOException {
            Path db = dataDir.resolve(ProgressStore.DB_FILE);
            if (!Files.exists(db)) {
                return null;
            }
            try (Connection c = Sqlite.open(db, true)) {
                return work.run(c);
            }
        }

        @Override
        public <T> T write(Work<T> work) throws SQLException, IOException {
            Files.createDirectories(dataDir);
            try (Connection c = Sqlite.open(dataDir.resolve(ProgressStore.DB_FILE), false)) {
                if (Migrations.version(c) < Migrations.LATEST) {
                    ProgressStore.upgrade(c, dataDir, java.time.Clock.systemDefaultZone());
                }
                Sqlite.exec(c, "BEGIN IMMEDIATE");
                try {
                    T result = work.run(c);
                    Sqlite.exec(c, "COMMIT");
                    return result;
                } catch (SQLException | IOException | RuntimeException e) {
                    Sqlite.rollbackQuietly(c);
                    throw e;
                }
            }
        }
    }

    // ---- to and from the file format ----

    static ExamFile toFile(Exam exam) {
        List<ExamFile.QuestionEntry> questions = new ArrayList<>();
        for (int i = 0; i < exam.size(); i++) {
            DrillItem item = exam.questions().get(i);
            Question q = item.question();
            SourceRef source = q.source() != null ? q.source() : item.set().source();
            questions.add(new ExamFile.QuestionEntry(item.set().id(), item.set().title(), q.id(), q.prompt(),
                    q.referenceAnswer(), q.alternativeAnswers(),
                    q.keyPoints().stream().map(k -> new ExamFile.KeyPointEntry(k.text(), k.accepted())).toList(),
                    q.tags(), q.difficulty() == null ? null : q.difficulty().key(),
                    source == null || source.file() == null ? null : source.file().toString(),
                    source == null ? 0 : source.line(),
                    exam.answers().get(i),
                    exam.isFinished() ? toEntry(exam.grades().get(i)) : null));
        }
        return new ExamFile(ExamFile.FORMAT, exam.id(), exam.title(), exam.startedAt().toString(),
                exam.timeLimit().map(Duration::toSeconds).orElse(null), exam.usedBefore().toMillis(),
                exam.sittingStartedAt().toString(), exam.position(),
                exam.finishedAt().map(Instant::toString).orElse(null), questions);
    }

    private static ExamFile.GradeEntry toEntry(Grade grade) {
        return new ExamFile.GradeEntry(grade.score(), grade.verdict().label(), grade.explanation(),
                grade.keyPoints().stream().map(k -> new ExamFile.KeyPointResultEntry(k.keyPoint().text(),
                        k.keyPoint().accepted(), k.covered(), finite(k.similarity()),
                        k.evidence().stream().map(s -> new ExamFile.SpanEntry(s.start(), s.end())).toList())).toList(),
                grade.signals().stream().map(s -> new ExamFile.SignalEntry(s.name(), s.description(),
                        finite(s.value()), finite(s.contribution()))).toList());
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    static Exam fromFile(ExamFile saved) {
        List<ExamFile.QuestionEntry> entries = orEmpty(saved.questions());
        List<DrillItem> items = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<Grade> grades = new ArrayList<>();
        for (ExamFile.QuestionEntry e : entries) {
            SourceRef source = e.sourceFile() == null ? null : new SourceRef(Path.of(e.sourceFile()), e.sourceLine());
            Question q = new Question(required(e.questionId(), "questionId"), text(e.prompt()),
                    text(e.referenceAnswer()), orEmpty(e.alternativeAnswers()),
                    orEmpty(e.keyPoints()).stream().map(k -> new KeyPoint(text(k.text()), orEmpty(k.accepted())))
                            .toList(),
                    orEmpty(e.tags()), difficulty(e.difficulty()), source);
            QuestionSet set = new QuestionSet(required(e.setId(), "setId"), text(e.setTitle()), List.of(), List.of(q),
                    source);
            items.add(new DrillItem(set, q));
            answers.add(text(e.answer()));
            if (e.grade() != null) {
                grades.add(fromEntry(e.grade()));
            }
        }
        Optional<Instant> finishedAt = Optional.ofNullable(saved.finishedAt()).map(Instant::parse);
        Instant startedAt = Instant.parse(required(saved.startedAt(), "startedAt"));
        return new Exam(required(saved.id(), "id"), text(saved.title()), items, answers, saved.position(), startedAt,
                Optional.ofNullable(saved.timeLimitSeconds()).map(Duration::ofSeconds),
                Duration.ofMillis(saved.usedMillis()),
                saved.savedAt() == null ? startedAt : Instant.parse(saved.savedAt()), finishedAt,
                finishedAt.isPresent() ? grades : List.of());
    }

    private static Grade fromEntry(ExamFile.GradeEntry g) {
        return new Grade(g.score(), Verdict.fromLabel(required(g.verdict(), "verdict")), orEmpty(g.keyPoints()).stream()
                .map(k -> new KeyPointResult(new KeyPoint(text(k.text()), orEmpty(k.accepted())), k.covered(),
                        k.similarity(), orEmpty(k.evidence()).stream().map(s -> new Span(s.start(), s.end())).toList()))
                .toList(), text(g.explanation()), orEmpty(g.signals()).stream()
                .map(s -> new Signal(text(s.name()), text(s.description()), s.value(), s.contribution())).toList());
    }

    private static Difficulty difficulty(String key) {
        if (key == null) {
            return Difficulty.MEDIUM;
        }
        try {
            return Difficulty.valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Difficulty.MEDIUM;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(x -> x != null).toList();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }
}
