package dev.lectern.interchange.anki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.files.AtomicFiles;
import dev.lectern.files.PlainTitle;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;

/**
 * Writes question sets as an Anki package (.apkg): a zip of {@code collection.anki2}, an Anki collection of schema 11
 * (which Anki 2.1.50 and later import), a {@code media} map and the media files. One deck per set, named
 * "course::set"; one note of the type "Lectern Q&A" per question, with the fields Prompt, Answer, Key points,
 * Lectern id ({@code setId/questionId}), Set and Reading, and a guid from the course id, set id and question id, so
 * importing a later package updates the notes. Images inside the course folder travel in the package; others are
 * left out. With progress, each card is scheduled as its FSRS state says; without, every card is new.
 */
public final class AnkiPackageExporter {

    /** What an export wrote. */
    public record Result(Path file, int notes, int media, long bytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Course course;
    private final Map<CardKey, CardState> progress;
    private final Clock clock;
    private final CardHtml cards;
    private final Path root;

    /**
     * @param progress the card states to schedule by ({@code Progress.cardStates()}); empty for all cards new
     * @param clock    the time of the export: the collection's creation day and the notes' modification time
     */
    public AnkiPackageExporter(Course course, Map<CardKey, CardState> progress, Clock clock) {
        this.course = course;
        this.progress = Map.copyOf(progress);
        this.clock = clock;
        this.cards = new CardHtml(course);
        this.root = realRoot(course.root());
    }

    /** @throws NoSuchElementException when the course has no such set (the message names the sets it has) */
    public Result exportSet(String setId, Path out) throws IOException {
        return write(List.of(AnkiExporter.set(course, setId)), out);
    }

    /** The sets that drill a reading. @throws NoSuchElementException when there is no such reading or it has none */
    public Result exportReading(String readingId, Path out) throws IOException {
        Reading reading = course.reading(readingId).orElseThrow(() -> new NoSuchElementException("There is no reading"
                + " \"" + readingId + "\" in this course."));
        List<QuestionSet> sets = course.questionSetsFor(reading);
        if (sets.isEmpty()) {
            throw new NoSuchElementException("The reading \"" + readingId + "\" has no question sets.");
        }
        return write(sets, out);
    }

    public Result exportAll(Path out) throws IOException {
        return write(course.questionSets(), out);
    }

    /** Deck ids: the same for the same course and set in every export, so Anki puts updated notes where they were. */
    long deckId(String name) {
        return AnkiCollection.stableId("deck\u001f" + course.info().id() + "\u001f" + name);
    }

    /** The package's deck name of a set: "course title::set title", plain text. */
    String deckName(QuestionSet set) {
        return AnkiExporter.deckPart(course.info().title(), "Course") + "::" + AnkiExporter.deckPart(set.title(),
                set.id());
    }

    private Result write(List<QuestionSet> sets, Path out) throws IOException {
        Instant now = clock.instant();
        long creation = AnkiCollection.creation(now, clock.getZone());
        Media media = new Media(root);
        List<AnkiCollection.Deck> decks = new ArrayList<>();
        String courseDeck = AnkiExporter.deckPart(course.info().title(), "Course");
        decks.add(new AnkiCollection.Deck(deckId(courseDeck), courseDeck));
        List<AnkiCollection.Note> notes = new ArrayList<>();
        int position = 0;
        for (QuestionSet set : sets) {
            String name = deckName(set);
            long deck = deckId(name);
            decks.add(new AnkiCollection.Deck(deck, name));
            Path base = cards.baseDir(set.source());
            for (Question q : set.questions()) {
                position++;
                String guid = AnkiExporter.guid(course.info().id(), set.id(), q.id());
                String prompt = cards.prompt(q, base, media);
                List<String> fields = List.of(prompt, cards.answer(q, base, media, false),
                        CardHtml.keyPoints(q.keyPoints()), Entities.escape(AnkiExporter.lecternId(set, q)),
                        Entities.escape(PlainTitle.of(set.title(), set.id())),
                        Entities.escape(String.join(", ", set.readingIds())));
                AnkiCollection.Scheduling scheduling = AnkiCollection.schedule(
                        progress.get(new CardKey(set.id(), q.id())), position, creation, now);
                // Ids in the order of the questions (as Anki gives them, from the time), which a reader keeps.
                notes.add(new AnkiCollection.Note(now.toEpochMilli() + position, guid, fields,
                        AnkiExporter.tags(set, q), Jsoup.parse(prompt).text(), deck, scheduling));
            }
        }
        Path target = out.toAbsolutePath().normalize();
        Path db = Files.createTempFile("lectern-anki-", ".anki2");
        try {
            AnkiCollection.write(db, decks, notes, creation, now);
            AtomicFiles.write(target, temporary -> zip(temporary, db, media, now));
        } finally {
            Files.deleteIfExists(db);
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-journal"));
        }
        return new Result(target, notes.size(), media.files.size(), Files.size(target));
    }

    private static void zip(Path temporary, Path db, Media media, Instant now) throws IOException {
        try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(file)) {
            entry(zip, "collection.anki2", now);
            Files.copy(db, zip);
            zip.closeEntry();
            ObjectNode map = JSON.createObjectNode();
            List<Map.Entry<Path, String>> files = new ArrayList<>(media.files.entrySet());
            for (int i = 0; i < files.size(); i++) {
                map.put(String.valueOf(i), files.get(i).getValue());
            }
            entry(zip, "media", now);
            zip.write(map.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (int i = 0; i < files.size(); i++) {
                entry(zip, String.valueOf(i), now);
                Files.copy(files.get(i).getKey(), zip);
                zip.closeEntry();
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, Instant now) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(now.toEpochMilli());
        zip.putNextEntry(entry);
    }

    private static Path realRoot(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * The images of the cards: a regular file inside the course folder (links followed) goes into the package under
     * its file name (made unique), anything else is left out as a bracketed note.
     */
    private static final class Media implements CardHtml.Images {
        private final Path root;
        final Map<Path, String> files = new LinkedHashMap<>();

        Media(Path root) {
            this.root = root;
        }

        @Override
        public Node replace(Element img) {
            Path file = inCourse(img.attr("src"));
            if (file == null) {
                return CardHtml.AS_TEXT.replace(img);
            }
            String name = files.get(file);
            if (name == null) {
                String base = file.getFileName().toString();
                name = base;
                for (int n = 2; files.containsValue(name); n++) {
                    name = n + "-" + base;
                }
                files.put(file, name);
            }
            Element copy = new Element("img").attr("src", name);
            if (!img.attr("alt").isBlank()) {
                copy.attr("alt", img.attr("alt"));
            }
            return copy;
        }

        private Path inCourse(String src) {
            if (!src.startsWith("file:")) {
                return null;
            }
            try {
                Path file = Path.of(URI.create(src)).toRealPath();
                return file.startsWith(root) && Files.isRegularFile(file) ? file : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
