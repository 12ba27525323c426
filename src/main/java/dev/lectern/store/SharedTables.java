package dev.lectern.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.SharedHistory.Outgoing;
import dev.lectern.store.SharedHistory.Records;
import dev.lectern.store.SharedHistory.SharedExam;
import dev.lectern.store.SharedHistory.SharedRename;
import dev.lectern.store.SharedHistory.SharedReview;
import dev.lectern.store.SharedHistory.SharedSettings;
import dev.lectern.store.SharedHistory.SharedUndo;
import dev.lectern.store.SharedHistory.Taken;
import dev.lectern.store.SharedHistory.WholeFile;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of {@link SharedHistory}: what this device has to send ({@code sync_sent} keeps what each place has), and
 * taking in the records of other devices ({@code sync_file} keeps the files read whole).
 */
final class SharedTables {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The setting keys a sync carries: the scheduler's own, not the device id or the scheduler version. */
    private static final Set<String> SYNCED = SettingsTable.values(SchedulerSettings.defaults()).keySet();

    /** The settings a sync leaves in force, and whether they are another device's, new here. */
    record Adopted(SchedulerSettings settings, boolean changed) {
    }

    private SharedTables() {
    }

    static Set<String> wholeFiles(Connection c, String device) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name FROM sync_file WHERE device = ?")) {
            select.setString(1, device);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** A row of a query, read. */
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Each row of {@code sql}, whose two parameters are this device and the mark after which rows are new. */
    private static void after(Connection c, String sql, String device, long mark, Row row) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, device);
            select.setLong(2, mark);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    static Outgoing since(Connection c, String place) throws SQLException {
        String device = ReviewTable.device(c);
        Map<String, Long> sent = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT kind, mark FROM sync_sent WHERE place = ?")) {
            select.setString(1, place);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sent.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        Map<String, Long> marks = new LinkedHashMap<>();
        List<SharedReview> reviews = new ArrayList<>();
        after(c, "SELECT " + ReviewTable.REVIEW_COLUMNS + ", " + ReviewTable.ORDER_COLUMNS
                + " FROM review WHERE device = ? AND seq > ? ORDER BY seq", device, sent.getOrDefault("review", 0L), rs -> {
                    ReviewTable.Order o = ReviewTable.order(rs, 11);
                    reviews.add(new SharedReview(device, o.seq(), ReviewTable.read(rs, 1)));
                    marks.put("review", o.seq());
                });
        List<SharedUndo> undos = new ArrayList<>();
        after(c, "SELECT u.id, r.seq, u.at FROM review_undo u JOIN review r ON r.id = u.review_id"
                + " WHERE r.device = ? AND u.id > ? ORDER BY u.id", device, sent.getOrDefault("undo", 0L), rs -> {
                    undos.add(new SharedUndo(device, rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
                    marks.put("undo", rs.getLong(1));
                });
        List<SharedRename> renames = new ArrayList<>();
        after(c, "SELECT from_set, from_question, to_set, to_question, at, seq FROM card_rename WHERE device = ?"
                + " AND seq > ? ORDER BY seq", device, sent.getOrDefault("rename", 0L), rs -> {
                    renames.add(new SharedRename(device, rs.getLong(6), new CardKey(rs.getString(1), rs.getString(2)),
                            new CardKey(rs.getString(3), rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))));
                    marks.put("rename", rs.getLong(6));
                });
        List<SharedExam> exams = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, title, started_at, finished_at, payload"
                + " FROM exam ORDER BY id"); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                SharedExam exam = exam(rs);
                long hash = exam.payload().hashCode();
                if (sent.get("exam:" + exam.id()) == null || sent.get("exam:" + exam.id()) != hash) {
                    exams.add(exam);
                    marks.put("exam:" + exam.id(), hash);
                }
            }
        }
        List<SharedSettings> settings = new ArrayList<>();
        Map<String, String> saved = SettingsTable.saved(c);
        Optional<Long> changedAt = stamp(saved, SettingsTable.CHANGED_AT).map(Long::parseLong);
        if (device.equals(saved.get(SettingsTable.CHANGED_BY)) && changedAt.isPresent()
                && changedAt.get() > sent.getOrDefault("settings", Long.MIN_VALUE)) {
            Map<String, String> values = new LinkedHashMap<>(saved);
            values.keySet().retainAll(SYNCED);
            settings.add(new SharedSettings(device, Instant.ofEpochMilli(changedAt.get()), values));
            marks.put("settings", changedAt.get());
        }
        return new Outgoing(new Records(reviews, undos, renames, exams, settings), marks);
    }

    private static Optional<String> stamp(Map<String, String> saved, String key) {
        String value = saved.get(key);
        return value == null || !value.matches("-?\\d{1,19}|[0-9a-z]+") ? Optional.empty() : Optional.of(value);
    }

    private static SharedExam exam(ResultSet rs) throws SQLException {
        long finished = rs.getLong(4);
        Optional<Instant> finishedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
        return new SharedExam(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), finishedAt,
                rs.getString(5));
    }

    static void sent(Connection c, String place, Map<String, Long> marks, WholeFile file) throws SQLException {
        try (PreparedStatement put = c.prepareStatement(
                "INSERT OR REPLACE INTO sync_sent (place, kind, mark) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> m : marks.entrySet()) {
                put.setString(1, place);
                put.setString(2, m.getKey());
                put.setLong(3, m.getValue());
                put.executeUpdate();
            }
        }
        markWhole(c, List.of(file));
    }

    private static void markWhole(Connection c, List<WholeFile> files) throws SQLException {
        try (PreparedStatement put = c.prepareStatement(
                "INSERT OR REPLACE INTO sync_file (device, name, lines) VALUES (?, ?, ?)")) {
            for (WholeFile f : files) {
                put.setString(1, f.device());
                put.setString(2, f.name());
                put.setInt(3, f.lines());
                put.executeUpdate();
            }
        }
    }

    /** Newest change wins: by its time, then by device id (so every device picks the same one). */
    static Adopted takeSettings(Connection c, List<SharedSettings> incoming, SchedulerSettings current)
            throws SQLException {
        Map<String, String> saved = SettingsTable.saved(c);
        long localAt = stamp(saved, SettingsTable.CHANGED_AT).map(Long::parseLong).orElse(Long.MIN_VALUE);
        String localBy = saved.getOrDefault(SettingsTable.CHANGED_BY, "");
        Optional<SharedSettings> newest = incoming.stream().max(Comparator
                .comparing((SharedSettings s) -> s.at().toEpochMilli()).thenComparing(SharedSettings::device));
        if (newest.isEmpty()) {
            return new Adopted(current, false);
        }
        SharedSettings s = newest.get();
        long at = s.at().toEpochMilli();
        if (at < localAt || (at == localAt && s.device().compareTo(localBy) <= 0)) {
            return new Adopted(current, false);
        }
        Map<String, String> values = new LinkedHashMap<>(s.values());
        values.keySet().retainAll(SYNCED);
        SchedulerSettings adopted = SettingsTable.parse(values, current);
        SettingsTable.write(c, SettingsTable.values(adopted), at, s.device());
        return new Adopted(adopted, true);
    }

    static Taken take(Connection c, Records in, List<WholeFile> files, Fsrs fsrs, boolean settingsChanged)
            throws SQLException, IOException {
        int reviews = 0;
        try (PreparedStatement insert = c.prepareStatement(ReviewTable.INSERT_SHARED)) {
            for (SharedReview r : in.reviews()) {
                ReviewRecord stored = ReviewTable.asStored(r.review());
                ReviewTable.bind(insert, stored, new ReviewTable.Order(stored.at().toEpochMilli(), r.device(), r.seq()));
                reviews += insert.executeUpdate();
            }
        }
        int renames = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO card_rename (from_set,"
                + " from_question, to_set, to_question, at, device, seq) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (SharedRename r : in.renames()) {
                insert.setString(1, r.from().setId());
                insert.setString(2, r.from().questionId());
                insert.setString(3, r.to().setId());
                insert.setString(4, r.to().questionId());
                insert.setLong(5, r.at().toEpochMilli());
                insert.setString(6, r.device());
                insert.setLong(7, r.seq());
                renames += insert.executeUpdate();
            }
        }
        int undos = 0;
        int waiting = 0;
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM review WHERE device = ? AND seq = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT OR IGNORE INTO review_undo (review_id, at) VALUES (?, ?)")) {
            for (SharedUndo u : in.undos()) {
                find.setString(1, u.device());
                find.setLong(2, u.seq());
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        waiting++;
                        continue;
                    }
                    insert.setLong(1, rs.getLong(1));
                }
                insert.setLong(2, u.at().toEpochMilli());
                undos += insert.executeUpdate();
            }
        }
        int exams = 0;
        for (SharedExam e : in.exams()) {
            exams += takeExam(c, e) ? 1 : 0;
        }
        if (waiting == 0) {
            markWhole(c, files); // else read them all again next time, when the reviews they wait for may be there
        }
        int changed = reviews + undos + renames > 0 || settingsChanged ? CardTable.rebuild(c, fsrs) : 0;
        return new Taken(reviews, undos, renames, exams, settingsChanged, waiting, changed);
    }

    /** Puts an exam in unless this database's copy is newer: finished over unfinished, then saved later. */
    private static boolean takeExam(Connection c, SharedExam e) throws SQLException {
        Optional<SharedExam> here = Optional.empty();
        try (PreparedStatement select = c.prepareStatement("SELECT id, title, started_at, finished_at, payload"
                + " FROM exam WHERE id = ?")) {
            select.setString(1, e.id());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    here = Optional.of(exam(rs));
                }
            }
        }
        if (here.isPresent() && !newer(e, here.get())) {
            return false;
        }
        try (PreparedStatement put = c.prepareStatement("INSERT OR REPLACE INTO exam (id, title, started_at,"
                + " finished_at, payload) VALUES (?, ?, ?, ?, ?)")) {
            put.setString(1, e.id());
            put.setString(2, e.title());
            put.setLong(3, e.startedAt().toEpochMilli());
            if (e.finishedAt().isPresent()) {
                put.setLong(4, e.finishedAt().get().toEpochMilli());
            } else {
                put.setNull(4, Types.INTEGER);
            }
            put.setString(5, e.payload());
            put.executeUpdate();
        }
        return true;
    }

    /** Whether {@code a} replaces {@code b}: finished beats unfinished, then the later save, then the payload's text. */
    static boolean newer(SharedExam a, SharedExam b) {
        int by = Boolean.compare(a.finishedAt().isPresent(), b.finishedAt().isPresent());
        if (by == 0) {
            by = savedAt(a).compareTo(savedAt(b));
        }
        return by != 0 ? by > 0 : a.payload().compareTo(b.payload()) > 0;
    }

    private static Instant savedAt(SharedExam e) {
        try {
            JsonNode saved = JSON.readTree(e.payload()).path("savedAt");
            return saved.isTextual() ? Instant.parse(saved.asText()) : e.startedAt();
        } catch (IOException | DateTimeParseException ex) {
            return e.startedAt();
        }
    }
}
