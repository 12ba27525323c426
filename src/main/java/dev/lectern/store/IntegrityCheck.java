package dev.lectern.store;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.store.backup.Backups;
import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What {@code lectern store check} reports on an open progress database. */
final class IntegrityCheck {

    private IntegrityCheck() {
    }

    /** A full integrity check, the counts, and how many cached card states differ from the log's replay. */
    static StoreCheck run(Connection c, Path db, Path dataDir, Fsrs fsrs) throws SQLException, IOException {
        List<String> problems = Sqlite.check(c, true);
        int version = Migrations.version(c);
        long reviews = Sqlite.queryLong(c, "SELECT count(*) FROM review");
        long cards = Sqlite.queryLong(c, "SELECT count(*) FROM card");
        long exams = Sqlite.hasTable(c, "exam") ? Sqlite.queryLong(c, "SELECT count(*) FROM exam") : 0;
        Map<CardKey, CardState> stored = CardTable.all(c);
        Map<CardKey, CardState> replayed = CardTable.replayAll(c, fsrs);
        Set<CardKey> keys = new HashSet<>(stored.keySet());
        keys.addAll(replayed.keySet());
        int stale = (int) keys.stream().filter(k -> !Objects.equals(stored.get(k), replayed.get(k))).count();
        long bytes = Files.exists(db) ? Files.size(db) : 0;
        return new StoreCheck(db, problems, version, reviews, cards, exams, stale,
                Backups.list(dataDir).size(), bytes);
    }
}
