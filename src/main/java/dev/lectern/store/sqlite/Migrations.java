package dev.lectern.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress database's schema, as numbered SQL scripts in {@code migrations/} applied in order. The version
 * reached is kept in {@code PRAGMA user_version}; each script, with any Java step of its version, runs in one
 * transaction, so a database is always at one version or the next, never between. The Java steps belong to the
 * store's other parts (version 2 imports the exam files of earlier versions), so the caller passes them in.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** What a version does besides its script, inside the same transaction. */
    @FunctionalInterface
    public interface Step {
        void run(Connection connection, Path dataDir) throws SQLException, IOException;
    }

    public record Migration(int version, String script) {
    }

    /** Every migration, in order; {@code MigrationsTest} checks this matches the scripts in the folder. */
    public static final List<Migration> ALL = List.of(
            new Migration(1, "V1__progress.sql"),
            new Migration(2, "V2__exams.sql"),
            new Migration(3, "V3__card_rename.sql"),
            new Migration(4, "V4__grader_verdict.sql"),
            new Migration(5, "V5__review_undo.sql"),
            new Migration(6, "V6__rescheduling.sql"),
            new Migration(7, "V7__sync.sql"));

    public static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }

    public static int version(Connection connection) throws SQLException {
        return (int) Sqlite.queryLong(connection, "PRAGMA user_version");
    }

    /**
     * Brings the database up to {@code target}, one version per transaction.
     *
     * @param steps the Java step of each version that has one, by version
     * @return the versions applied, oldest first
     */
    public static List<Integer> migrate(Connection connection, Path dataDir, int target, Map<Integer, Step> steps)
            throws SQLException, IOException {
        List<Integer> applied = new ArrayList<>();
        int current = version(connection);
        for (Migration m : ALL) {
            if (m.version() <= current || m.version() > target) {
                continue;
            }
            Step step = steps.get(m.version());
            Transaction.write(connection, c -> {
                for (String statement : statements(script(m.script()))) {
                    Sqlite.exec(c, statement);
                }
                if (step != null) {
                    step.run(c, dataDir);
                }
                Sqlite.exec(c, "PRAGMA user_version = " + m.version());
                return null;
            });
            LOG.info("progress database upgraded to version {}", m.version());
            applied.add(m.version());
        }
        return applied;
    }

    public static String script(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the migration " + name + " is missing from Lectern's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statements of a script: split at a {@code ;} that ends a line, except inside a trigger's
     * {@code BEGIN … END;}. {@code --} comments are dropped.
     */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String raw : script.split("\\R")) {
            int comment = raw.indexOf("--");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (current.length() == 0 && upper.startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            current.append(line).append('\n');
            boolean ends = line.endsWith(";") && (!inTrigger || upper.equals("END;"));
            if (ends) {
                statements.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
