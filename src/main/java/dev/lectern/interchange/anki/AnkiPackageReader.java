package dev.lectern.interchange.anki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sqlite.SQLiteConfig;

/**
 * Reads the notes of an Anki package (.apkg) with a collection of schema 11 ({@code collection.anki21} or
 * {@code collection.anki2}): each note's fields by the names its note type gives them, its tags and the deck of its
 * first card. Packages in Anki's newer compressed format ({@code collection.anki21b} alone) are refused with the way
 * to export one Lectern can read.
 */
final class AnkiPackageReader {

    /** A note of the package. */
    record PackageNote(String guid, String noteType, List<String> fieldNames, List<String> fields, List<String> tags,
            String deck) {

        /** The field of that name (any case), or empty. */
        String field(String name) {
            for (int i = 0; i < fieldNames.size() && i < fields.size(); i++) {
                if (fieldNames.get(i).equalsIgnoreCase(name)) {
                    return fields.get(i);
                }
            }
            return "";
        }

        boolean hasField(String name) {
            return fieldNames.stream().anyMatch(n -> n.equalsIgnoreCase(name));
        }
    }

    /** A package Lectern cannot read; the message says why and what to do. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** Larger collections than this are refused rather than unpacked (a zip can claim any size). */
    static final long MAX_COLLECTION_BYTES = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnkiPackageReader() {
    }

    static List<PackageNote> read(Path apkg) throws Unreadable {
        Path db = null;
        try (ZipFile zip = new ZipFile(apkg.toFile())) {
            ZipEntry entry = zip.getEntry("collection.anki21");
            if (entry == null) {
                entry = zip.getEntry("collection.anki2");
                if (zip.getEntry("collection.anki21b") != null) {
                    throw new Unreadable("This package is in the format of Anki 23.10 and later, which Lectern cannot"
                            + " read; export it again from Anki with \"Support older Anki versions\" ticked.");
                }
            }
            if (entry == null) {
                throw new Unreadable("This zip file holds no Anki collection (collection.anki2), so it is not an Anki"
                        + " package.");
            }
            db = Files.createTempFile("lectern-apkg-", ".anki2");
            copy(zip, entry, db);
            return notes(db);
        } catch (IOException e) {
            throw new Unreadable("This file cannot be read as an Anki package (" + e.getMessage() + ").");
        } finally {
            if (db != null) {
                try {
                    Files.deleteIfExists(db);
                } catch (IOException e) {
                    // A temporary file the system cleans up.
                }
            }
        }
    }

    private static void copy(ZipFile zip, ZipEntry entry, Path db) throws IOException, Unreadable {
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(db)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > MAX_COLLECTION_BYTES) {
                    throw new Unreadable("The collection in this package is larger than 1 GB; Lectern does not"
                            + " import it.");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static List<PackageNote> notes(Path db) throws Unreadable {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), config.toProperties());
                Statement s = c.createStatement()) {
            Map<Long, String> decks = new HashMap<>();
            Map<Long, String> typeNames = new HashMap<>();
            Map<Long, List<String>> typeFields = new HashMap<>();
            try (ResultSet col = s.executeQuery("SELECT models, decks FROM col")) {
                if (!col.next()) {
                    throw new Unreadable("The collection in this package is empty (it has no col row).");
                }
                JsonNode models = JSON.readTree(col.getString(1));
                models.fields().forEachRemaining(e -> {
                    long id = e.getValue().path("id").asLong(parseLong(e.getKey()));
                    typeNames.put(id, e.getValue().path("name").asText(""));
                    List<JsonNode> fields = new ArrayList<>();
                    e.getValue().path("flds").forEach(fields::add);
                    fields.sort((a, b) -> Integer.compare(a.path("ord").asInt(), b.path("ord").asInt()));
                    typeFields.put(id, fields.stream().map(f -> f.path("name").asText("")).toList());
                });
                JSON.readTree(col.getString(2)).fields().forEachRemaining(e -> decks.put(
                        e.getValue().path("id").asLong(parseLong(e.getKey())), e.getValue().path("name").asText("")));
            }
            Map<Long, Long> deckOfNote = new HashMap<>();
            try (ResultSet cards = s.executeQuery("SELECT nid, did FROM cards ORDER BY nid, ord")) {
                while (cards.next()) {
                    deckOfNote.putIfAbsent(cards.getLong(1), cards.getLong(2));
                }
            }
            List<PackageNote> notes = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")) {
                while (rows.next()) {
                    long mid = rows.getLong(3);
                    String tags = rows.getString(4) == null ? "" : rows.getString(4).strip();
                    String flds = rows.getString(5) == null ? "" : rows.getString(5);
                    Long deck = deckOfNote.get(rows.getLong(1));
                    notes.add(new PackageNote(rows.getString(2), typeNames.getOrDefault(mid, ""),
                            typeFields.getOrDefault(mid, List.of()), Arrays.asList(flds.split("\u001f", -1)),
                            tags.isEmpty() ? List.of() : List.of(tags.split("\\s+")),
                            deck == null ? "" : decks.getOrDefault(deck, "")));
                }
            }
            return notes;
        } catch (SQLException | IOException | RuntimeException e) {
            throw new Unreadable("The collection in this package cannot be read (" + e.getMessage() + ").");
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
