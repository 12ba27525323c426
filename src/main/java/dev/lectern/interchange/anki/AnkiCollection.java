package dev.lectern.interchange.anki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.scheduling.CardState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * An Anki collection of schema 11 as a package carries it: the tables, the col row's JSON (note type "Lectern Q&A",
 * one deck per question set, default options) and each card's scheduling, worked out from Lectern's FSRS state with
 * the time passed in.
 */
final class AnkiCollection {

    static final String MODEL_NAME = "Lectern Q&A";
    static final List<String> FIELDS = List.of("Prompt", "Answer", "Key points", "Lectern id", "Set", "Reading");
    /** Fixed, so that every export's notes are of the one note type a collection already knows. */
    static final long MODEL_ID = 1_700_000_175_317L;
    static final int FACTOR = 2500;
    private static final long DAY = 86_400;
    /** Anki's default start of the next day: 4 a.m. local time. */
    private static final LocalTime ROLLOVER = LocalTime.of(4, 0);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A deck: its id and full name ("course::set"). */
    record Deck(long id, String name) {
    }

    /** A note with its one card. */
    record Note(long id, String guid, List<String> fields, List<String> tags, String sortField, long deckId,
            Scheduling scheduling) {
    }

    /** A card's columns of the scheduler: type and queue (0 new, 1 learning, 2 review, 3 relearning), due, ivl … */
    record Scheduling(int type, int queue, long due, int ivl, int factor, int reps, int lapses, int left) {
    }

    private AnkiCollection() {
    }

    /**
     * The collection's creation time in epoch seconds: the start of the Anki day {@code now} falls in, in {@code zone}
     * (a day starts at 4 a.m.), so that day numbers of review cards count from 0 today.
     */
    static long creation(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime start = local.toLocalDate().atTime(ROLLOVER).atZone(zone);
        if (start.isAfter(local)) {
            start = local.toLocalDate().minusDays(1).atTime(ROLLOVER).atZone(zone);
        }
        return start.toEpochSecond();
    }

    /**
     * A card's scheduling in Anki from its FSRS state in Lectern: a new card is new at {@code position}; a learning or
     * relearning card is due at its time in epoch seconds (queue 1), or on its day when that is a later day (queue 3);
     * a review card is due on its day counted from {@code creation}, with the days from its last review to then as its
     * interval. Reviewed cards get Anki's starting ease, 250%.
     */
    static Scheduling schedule(CardState state, int position, long creation, Instant now) {
        if (state == null || state.isNew() || state.due().isEmpty()) {
            return new Scheduling(0, 0, position, 0, 0, 0, 0, 0);
        }
        Instant due = state.due().get();
        long day = Math.floorDiv(due.getEpochSecond() - creation, DAY);
        long today = Math.floorDiv(now.getEpochSecond() - creation, DAY);
        return switch (state.phase()) {
            case REVIEW -> {
                Instant last = state.lastReview().orElse(now);
                int ivl = (int) Math.max(1, Math.round(Duration.between(last, due).toSeconds() / (double) DAY));
                yield new Scheduling(2, 2, day, ivl, FACTOR, state.reps(), state.lapses(), 0);
            }
            case LEARNING, RELEARNING -> {
                int type = state.phase() == dev.lectern.scheduling.CardPhase.LEARNING ? 1 : 3;
                int ivl = type == 3 ? (int) Math.max(1, Math.round(state.stability())) : 0;
                boolean laterDay = day > today;
                yield new Scheduling(type, laterDay ? 3 : 1, laterDay ? day : due.getEpochSecond(), ivl, FACTOR,
                        state.reps(), state.lapses(), 1001);
            }
            default -> new Scheduling(0, 0, position, 0, 0, 0, 0, 0);
        };
    }

    /** A positive id that is the same for the same text in every export (Anki ids are 64-bit numbers). */
    static long stableId(String text) {
        byte[] hash = sha("SHA-256", text);
        long value = 0;
        for (int i = 0; i < 6; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        // Above the millisecond timestamps Anki gives its own objects until 2033, below 2^53 (JSON numbers).
        return 2_000_000_000_000L + value % 4_000_000_000_000_000L;
    }

    /** Anki's checksum of a note's sort field: the first 8 hex digits of its SHA-1, as a number. */
    static long checksum(String sortField) {
        return Long.parseLong(HexFormat.of().formatHex(sha("SHA-1", sortField)).substring(0, 8), 16);
    }

    private static byte[] sha(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java", e);
        }
    }

    /** Writes the collection of {@code decks} and {@code notes} into the new SQLite file {@code db}. */
    static void write(Path db, List<Deck> decks, List<Note> notes, long creation, Instant now) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : schema().split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            long mod = now.getEpochSecond();
            try (PreparedStatement col = c.prepareStatement(
                    "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                col.setLong(1, creation);
                col.setLong(2, now.toEpochMilli());
                col.setLong(3, now.toEpochMilli());
                col.setString(4, conf(notes.size(), mod));
                col.setString(5, models(decks.isEmpty() ? 1 : decks.get(decks.size() - 1).id(), mod));
                col.setString(6, decks(decks, mod));
                col.setString(7, deckOptions(mod));
                col.executeUpdate();
            }
            try (PreparedStatement note = c.prepareStatement(
                    "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
                    PreparedStatement card = c.prepareStatement(
                            "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '')")) {
                for (Note n : notes) {
                    note.setLong(1, n.id());
                    note.setString(2, n.guid());
                    note.setLong(3, MODEL_ID);
                    note.setLong(4, mod);
                    note.setString(5, n.tags().isEmpty() ? "" : " " + String.join(" ", n.tags()) + " ");
                    note.setString(6, String.join("\u001f", n.fields()));
                    note.setString(7, n.sortField());
                    note.setLong(8, checksum(n.sortField()));
                    note.addBatch();
                    Scheduling s = n.scheduling();
                    card.setLong(1, n.id());
                    card.setLong(2, n.id());
                    card.setLong(3, n.deckId());
                    card.setLong(4, mod);
                    card.setInt(5, s.type());
                    card.setInt(6, s.queue());
                    card.setLong(7, s.due());
                    card.setInt(8, s.ivl());
                    card.setInt(9, s.factor());
                    card.setInt(10, s.reps());
                    card.setInt(11, s.lapses());
                    card.setInt(12, s.left());
                    card.addBatch();
                }
                note.executeBatch();
                card.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IOException("The Anki collection could not be written: " + e.getMessage(), e);
        }
    }

    private static String schema() throws IOException {
        try (InputStream in = AnkiCollection.class.getResourceAsStream("collection-v11.sql")) {
            if (in == null) {
                throw new IOException("collection-v11.sql is missing from Lectern's files");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        }
    }

    private static String conf(int notes, long mod) {
        ObjectNode conf = JSON.createObjectNode();
        conf.putArray("activeDecks").add(1);
        conf.put("curDeck", 1);
        conf.put("curModel", String.valueOf(MODEL_ID));
        conf.put("nextPos", notes + 1);
        conf.put("newSpread", 0);
        conf.put("sortType", "noteFld");
        conf.put("sortBackwards", false);
        conf.put("addToCur", true);
        conf.put("collapseTime", 1200);
        conf.put("timeLim", 0);
        conf.put("estTimes", true);
        conf.put("dueCounts", true);
        return conf.toString();
    }

    static String models(long deckId, long mod) {
        ObjectNode model = JSON.createObjectNode();
        model.put("id", MODEL_ID);
        model.put("name", MODEL_NAME);
        model.put("type", 0);
        model.put("mod", mod);
        model.put("usn", -1);
        model.put("sortf", 0);
        model.put("did", deckId);
        ArrayNode fields = model.putArray("flds");
        for (int i = 0; i < FIELDS.size(); i++) {
            ObjectNode f = fields.addObject();
            f.put("name", FIELDS.get(i));
            f.put("ord", i);
            f.put("sticky", false);
            f.put("rtl", false);
            f.put("font", "Arial");
            f.put("size", 20);
            f.putArray("media");
        }
        ObjectNode card = model.putArray("tmpls").addObject();
        card.put("name", "Card 1");
        card.put("ord", 0);
        card.put("qfmt", "{{Prompt}}");
        card.put("afmt", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Answer}}\n\n{{#Key points}}<div class=\"key-points\">"
                + "<i>" + CardHtml.KEY_POINTS_LABEL + "</i>{{Key points}}</div>{{/Key points}}");
        card.put("bqfmt", "");
        card.put("bafmt", "");
        card.putNull("did");
        card.put("bfont", "");
        card.put("bsize", 0);
        model.put("css", ".card { font-family: sans-serif; font-size: 20px; text-align: left; line-height: 1.4; }\n"
                + ".key-points { margin-top: 1em; }\n");
        model.put("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,"
                + "amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n");
        model.put("latexPost", "\\end{document}");
        model.put("latexsvg", false);
        ArrayNode req = model.putArray("req").addArray();
        req.add(0).add("all").addArray().add(0);
        model.putArray("tags");
        model.putArray("vers");
        ObjectNode models = JSON.createObjectNode();
        models.set(String.valueOf(MODEL_ID), model);
        return models.toString();
    }

    static String decks(List<Deck> decks, long mod) {
        ObjectNode all = JSON.createObjectNode();
        all.set("1", deck(1, "Default", mod));
        for (Deck d : decks) {
            all.set(String.valueOf(d.id()), deck(d.id(), d.name(), mod));
        }
        return all.toString();
    }

    private static ObjectNode deck(long id, String name, long mod) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", id);
        d.put("name", name);
        d.put("desc", "");
        d.put("conf", 1);
        d.put("dyn", 0);
        d.put("collapsed", false);
        d.put("browserCollapsed", false);
        d.put("extendNew", 0);
        d.put("extendRev", 0);
        d.put("mod", mod);
        d.put("usn", -1);
        for (String today : List.of("newToday", "revToday", "lrnToday", "timeToday")) {
            d.putArray(today).add(0).add(0);
        }
        return d;
    }

    private static String deckOptions(long mod) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", 1);
        o.put("name", "Default");
        o.put("mod", mod);
        o.put("usn", -1);
        o.put("maxTaken", 60);
        o.put("autoplay", true);
        o.put("timer", 0);
        o.put("replayq", true);
        o.put("dyn", false);
        ObjectNode fresh = o.putObject("new");
        fresh.putArray("delays").add(1).add(10);
        fresh.putArray("ints").add(1).add(4).add(0);
        fresh.put("initialFactor", FACTOR);
        fresh.put("order", 1);
        fresh.put("perDay", 20);
        fresh.put("bury", false);
        ObjectNode lapse = o.putObject("lapse");
        lapse.putArray("delays").add(10);
        lapse.put("mult", 0);
        lapse.put("minInt", 1);
        lapse.put("leechFails", 8);
        lapse.put("leechAction", 1);
        ObjectNode rev = o.putObject("rev");
        rev.put("perDay", 200);
        rev.put("ease4", 1.3);
        rev.put("ivlFct", 1);
        rev.put("maxIvl", 36500);
        rev.put("hardFactor", 1.2);
        rev.put("bury", false);
        return JSON.createObjectNode().set("1", o).toString();
    }
}
