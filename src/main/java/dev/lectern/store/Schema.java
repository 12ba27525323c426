package dev.lectern.store;

import dev.lectern.store.backup.Backups;
import dev.lectern.store.exams.LegacyExamFiles;
import dev.lectern.store.sqlite.Migrations;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The progress database's schema as the store applies it: the migrations with the Java steps of their versions. */
final class Schema {

    /** Version 2 moves the exam files of earlier versions into its table. */
    private static final Map<Integer, Migrations.Step> STEPS = Map.of(2, LegacyExamFiles::importInto);

    private Schema() {
    }

    /** Brings the database up to {@code target}, one version per transaction; returns the versions applied. */
    static List<Integer> migrate(Connection c, Path dataDir, int target) throws SQLException, IOException {
        return Migrations.migrate(c, dataDir, target, STEPS);
    }

    /**
     * Brings an open database up to the latest schema, first copying an existing one into {@code backups/}.
     *
     * @return what the user should be told
     */
    static List<String> upgrade(Connection c, Path dataDir, Clock clock) throws SQLException, IOException {
        int version = Migrations.version(c);
        if (version >= Migrations.LATEST) {
            return List.of();
        }
        List<String> said = new ArrayList<>();
        if (version > 0) {
            Path copy = Backups.beforeUpgrade(c, dataDir, clock);
            said.add("Lectern upgraded your progress database; a copy from before the upgrade is in " + copy + ".");
        }
        List<Integer> applied = migrate(c, dataDir, Migrations.LATEST);
        if (applied.contains(2)) {
            LegacyExamFiles.setAside(dataDir).ifPresent(said::add);
        }
        return said;
    }
}
