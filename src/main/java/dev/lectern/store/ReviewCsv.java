package dev.lectern.store;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.lectern.files.AtomicFiles;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The review log as CSV: {@code id,set_id,question_id,at,rating,score,verdict,answer,taken_ms,mode,grader_verdict},
 * {@code at} in ISO-8601 UTC, {@code grader_verdict} the grader's own when the student overrode it or accepted it in
 * practice or an exam; one row per review as it is in the log, then those kept in memory (without an id).
 */
final class ReviewCsv {

    private ReviewCsv() {
    }

    /**
     * Writes the log and {@code pending} to {@code target}: next to its place, flushed, then renamed into it.
     *
     * @param db the database file, named in the message when the log cannot be read
     * @return how many reviews were written
     */
    static int export(Connection connection, Path target, List<ReviewRecord> pending, Path db, Path dataDir)
            throws IOException {
        try {
            return write(connection, target, pending, db, dataDir);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(db.toString())) {
                throw e;
            }
            throw new IOException(target + ": it could not be written (" + describe(e) + ").", e);
        }
    }

    /** The plain reason of a file error: Java puts only the path in some of their messages. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static int write(Connection connection, Path target, List<ReviewRecord> pending, Path db, Path dataDir)
            throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.builder().addColumns(Arrays.asList("id", "set_id", "question_id", "at",
                "rating", "score", "verdict", "answer", "taken_ms", "mode", "grader_verdict"), CsvSchema.ColumnType.STRING)
                .setUseHeader(true).build();
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        int count = 0;
        try {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    SequenceWriter rows = csv.writer(schema).writeValues(writer);
                    PreparedStatement select = connection.prepareStatement("SELECT id, " + ReviewTable.REVIEW_COLUMNS
                            + " FROM kept_review ORDER BY at, device, seq");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    ReviewRecord r = ReviewTable.read(rs, 2);
                    rows.write(row(Long.toString(id), r));
                    count++;
                }
                for (ReviewRecord r : pending) {
                    rows.write(row("", r));
                    count++;
                }
            } catch (SQLException e) {
                throw new IOException(db + ": the reviews could not be read: "
                        + Sqlite.reason(e, dataDir), e);
            }
            AtomicFiles.force(tmp);
            AtomicFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return count;
    }

    private static List<String> row(String id, ReviewRecord r) {
        return List.of(id, r.card().setId(), r.card().questionId(), r.at().toString(),
                Integer.toString(r.rating().number()),
                r.score().isPresent() ? Integer.toString(r.score().getAsInt()) : "",
                r.verdict().map(Verdict::label).orElse(""), r.answer(), Long.toString(r.taken().toMillis()),
                r.mode().code(), r.graded().map(Verdict::label).orElse(""));
    }
}
