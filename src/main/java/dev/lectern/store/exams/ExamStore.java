package dev.lectern.store.exams;

import dev.lectern.study.Exam;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>The exams' public entry: {@code Progress.exams()} gives the store's own, sharing its connection;
 * {@code ProgressStore.examsIn(Path)} one that opens the data folder's {@code progress.db} for each call, for code
 * that has no {@code Progress} at hand.
 */
public final class ExamStore {

    private static final Logger LOG = LoggerFactory.getLogger(ExamStore.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    static final String INSERT = "INSERT OR REPLACE INTO exam (id, title, started_at, finished_at, payload)"
            + " VALUES (?, ?, ?, ?, ?)";

    /** What the exams are read and written through: the progress store's connection, or one opened per call. */
    public interface Access {
        /** Runs {@code work} on a connection for reading. */
        <T> T read(Work<T> work) throws SQLException, IOException;

        /** Runs {@code work} in a write transaction and commits it; throws when this copy may not write. */
        <T> T write(Work<T> work) throws SQLException, IOException;

        Path dataDir();
    }

    /** Work on the progress database's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final Access access;
    private final Map<String, Exam> pending = new LinkedHashMap<>();

    /** Exams read and written through {@code access}; made by the progress store. */
    public ExamStore(Access access) {
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
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
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

    /** Sets the parameters of {@link #INSERT} to the exam. */
    static void bind(PreparedStatement insert, Exam e) throws SQLException, IOException {
        insert.setString(1, e.id());
        insert.setString(2, e.title());
        insert.setLong(3, e.startedAt().toEpochMilli());
        if (e.finishedAt().isPresent()) {
            insert.setLong(4, e.finishedAt().get().toEpochMilli());
        } else {
            insert.setNull(4, Types.INTEGER);
        }
        insert.setString(5, ExamFile.of(e).json());
    }

    /** Every exam that can be read, newest first; rows that cannot be read are left alone and logged. */
    public synchronized List<Exam> all() {
        Map<String, Exam> byId = new LinkedHashMap<>();
        try {
            access.read(c -> {
                if (!Sqlite.hasTable(c, "exam")) {
                    return null;
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT id, payload FROM exam")) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        ExamFile.parse(rs.getString(2), id, "exam " + id + " in the progress database")
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
}
