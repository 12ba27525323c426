package dev.lectern.store;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress database's schema, as numbered SQL scripts in {@code migrations/} applied in order. The version
 * reached is kept in {@code PRAGMA user_version}; each script, with any Java step of its version, runs in one
 * transaction, so a database is always at one version or the next, never between.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** What a version does besides its script, inside the same transaction. */
    interface Step {
        void run(Connection connection, Path dataDir) throws SQLException, IOException;
    }

    record Migration(int version, String script, Step step) {
    }

    /** Every migration, in order; {@code MigrationsTest} checks this matches the scripts in the folder. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "V1__progress.sql", null),
            new Migration(2, "V2__exams.sql", ExamStore::importLegacyFiles),
            new Migration(3, "V3__card_rename.sql", null));

    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }

    static int version(Connection connection) throws SQLException {
        return (int) Sqlite.queryLong(connection, "PRAGMA user_version");
    }

    /**
     * Brings the database up to {@code target}, one version per transaction.
     *
     * @return the versions applied, oldest first
     */
    static List<Integer> migrate(Connection connection, Path dataDir, int target) throws SQLException, IOException {
        List<Integer> applied = new ArrayList<>();
        int current = version(connection);
        for (Migration m : ALL) {
            if (m.version() <= current || m.version() > target) {
                continue;
            }
            Sqlite.exec(connection, "BEGIN IMMEDIATE");
            try {
                for (String statement : statements(script(m.script()))) {
                    Sqlite.exec(connection, statement);
                }
                if (m.step() != null) {
                    m.step().run(connection, dataDir);
                }
                Sqlite.exec(connection, "PRAGMA user_version = " + m.version());
                Sqlite.exec(connection, "COMMIT");
            } catch (SQLException | IOException | RuntimeException e) {
                Sqlite.rollbackQuietly(connection);
                throw e;
            }
            LOG.info("progress database upgraded to version {}", m.version());
            applied.add(m.version());
        }
        return applied;
    }

    static String script(String name) {
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
    static List<String> statements(String script) {
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
