package dev.lectern.store;

import dev.lectern.store.exams.ExamStore;
import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import dev.lectern.store.sqlite.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** Opens the data folder's database for each call: for an {@link ExamStore} made without a progress store. */
final class FolderExams implements ExamStore.Access {

    private final Path dataDir;

    FolderExams(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public <T> T read(ExamStore.Work<T> work) throws SQLException, IOException {
        Path db = dataDir.resolve(Sqlite.PROGRESS_DB);
        if (!Files.exists(db)) {
            return null;
        }
        try (Connection c = Sqlite.open(db, true)) {
            return work.run(c);
        }
    }

    @Override
    public <T> T write(ExamStore.Work<T> work) throws SQLException, IOException {
        Files.createDirectories(dataDir);
        try (Connection c = Sqlite.open(dataDir.resolve(Sqlite.PROGRESS_DB), false)) {
            if (Migrations.version(c) < Migrations.LATEST) {
                Schema.upgrade(c, dataDir, Clock.systemDefaultZone());
            }
            return Transaction.write(c, work::run);
        }
    }
}
