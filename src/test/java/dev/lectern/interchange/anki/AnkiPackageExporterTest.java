package dev.lectern.interchange.anki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.interchange.ImportKind;
import dev.lectern.interchange.ImportOptions;
import dev.lectern.interchange.ImportPlan;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.Importer;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.ProgressStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anki packages written from a course, opened as Anki would (zip, SQLite, JSON), and read back by Lectern. */
class AnkiPackageExporterTest {

    static final Path REPO = Path.of("").toAbsolutePath();
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The package's collection, unpacked next to it. */
    private Path collection(Path apkg) throws IOException {
        Path db = dir.resolve(apkg.getFileName() + ".anki2");
        try (ZipFile zip = new ZipFile(apkg.toFile())) {
            Files.copy(zip.getInputStream(zip.getEntry("collection.anki2")), db);
        }
        return db;
    }

    private static List<Map<String, Object>> rows(Path db, String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void aSetBecomesOneLecternNotePerQuestionInADeckNamedAfterTheCourseAndTheSet() throws Exception {
        Course course = CourseLoader.load(REPO).course();
        QuestionSet set = course.questionSet("llava").orElseThrow();
        Path out = dir.resolve("llava.apkg");

        AnkiPackageExporter.Result result = new AnkiPackageExporter(course, Map.of(), CLOCK).exportSet("llava", out);

        assertThat(result.notes()).isEqualTo(set.questions().size());
        assertThat(result.bytes()).isEqualTo(Files.size(out));
        try (ZipFile zip = new ZipFile(out.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("collection.anki2", "media");
            assertThat(new String(zip.getInputStream(zip.getEntry("media")).readAllBytes())).isEqualTo("{}");
        }
        Path db = collection(out);
        Map<String, Object> col = rows(db, "SELECT * FROM col").get(0);
        assertThat(number(col.get("ver"))).isEqualTo(11);
        assertThat(number(col.get("crt"))).isEqualTo(Instant.parse("2026-03-10T04:00:00Z").getEpochSecond());
        JsonNode model = JSON.readTree((String) col.get("models")).elements().next();
        assertThat(model.path("name").asText()).isEqualTo("Lectern Q&A");
        assertThat(model.path("flds").findValuesAsText("name"))
                .containsExactly("Prompt", "Answer", "Key points", "Lectern id", "Set", "Reading");
        assertThat(model.path("tmpls")).hasSize(1);
        assertThat(model.path("tmpls").get(0).path("qfmt").asText()).isEqualTo("{{Prompt}}");
        assertThat(model.path("tmpls").get(0).path("afmt").asText()).contains("{{FrontSide}}", "{{Answer}}",
                "{{Key points}}");
        JsonNode decks = JSON.readTree((String) col.get("decks"));
        String deckName = course.info().title() + "::" + set.title();
        List<String> names = new ArrayList<>();
        decks.elements().forEachRemaining(d -> names.add(d.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("Default", course.info().title(), deckName);
        long deckId = 0;
        for (JsonNode d : decks) {
            if (d.path("name").asText().equals(deckName)) {
                deckId = d.path("id").asLong();
            }
        }

        List<Map<String, Object>> notes = rows(db, "SELECT * FROM notes ORDER BY id");
        assertThat(notes).hasSize(set.questions().size());
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (Map<String, Object> n : notes) {
            List<String> fields = List.of(((String) n.get("flds")).split("\u001f", -1));
            assertThat(fields).hasSize(6);
            byId.put(fields.get(3), fields);
            String questionId = fields.get(3).substring("llava/".length());
            assertThat(n.get("guid")).isEqualTo(AnkiExporter.guid(course.info().id(), "llava", questionId));
            assertThat(number(n.get("mid"))).isEqualTo(AnkiCollection.MODEL_ID);
            assertThat((String) n.get("tags")).contains(" set::llava ", " reading::llava ");
        }
        Question first = set.questions().get(0);
        List<String> fields = byId.get("llava/" + first.id());
        assertThat(fields.get(0)).isEqualTo(new CardHtml(course).prompt(first, REPO.resolve("questions"),
                CardHtml.AS_TEXT)).doesNotContain("<script");
        assertThat(fields.get(1)).doesNotContain("Key points:");
        assertThat(fields.get(2)).startsWith("<ul><li").contains(">" + first.keyPoints().get(0).text() + "</li>");
        assertThat(fields.get(4)).isEqualTo(org.jsoup.nodes.Entities.escape(set.title()));
        assertThat(fields.get(5)).isEqualTo("llava");

        List<Map<String, Object>> cards = rows(db, "SELECT * FROM cards ORDER BY due");
        assertThat(cards).hasSize(set.questions().size()).allSatisfy(c -> {
            assertThat(number(c.get("type"))).isZero();
            assertThat(number(c.get("queue"))).isZero();
            assertThat(number(c.get("ivl"))).isZero();
            assertThat(number(c.get("reps"))).isZero();
        });
        final long expectedDeck = deckId;
        assertThat(cards).extracting(c -> number(c.get("did"))).containsOnly(expectedDeck);
        assertThat(cards).extracting(c -> number(c.get("due")))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, cards.size()).boxed().toList());
    }

    @Test
    void withProgressEachCardIsScheduledAsItsReviewsInLecternLeftIt() throws Exception {
        Course course = CourseLoader.load(REPO).course();
        QuestionSet set = course.questionSet("llava").orElseThrow();
        CardKey reviewed = new CardKey("llava", set.questions().get(0).id());
        CardKey learning = new CardKey("llava", set.questions().get(1).id());
        Map<CardKey, CardState> states;
        try (ProgressStore store = ProgressStore.open(dir.resolve("data"), CLOCK)) {
            Instant t = NOW.minus(Duration.ofDays(30));
            for (int i = 0; i < 4; i++) {
                store.append(review(reviewed, t, FlashcardRating.GOOD));
                t = store.cardStates().get(reviewed).due().orElseThrow().plusSeconds(60);
            }
            store.append(review(learning, NOW.minusSeconds(30), FlashcardRating.AGAIN));
            states = store.cardStates();
        }
        assertThat(states.get(reviewed).phase()).isEqualTo(CardPhase.REVIEW);
        Path out = dir.resolve("progress.apkg");

        new AnkiPackageExporter(course, states, CLOCK).exportSet("llava", out);

        Path db = collection(out);
        long crt = number(rows(db, "SELECT crt FROM col").get(0).get("crt"));
        Map<String, Map<String, Object>> byQuestion = new LinkedHashMap<>();
        for (Map<String, Object> row : rows(db, "SELECT n.flds, c.* FROM cards c JOIN notes n ON n.id = c.nid")) {
            byQuestion.put(((String) row.get("flds")).split("\u001f", -1)[3], row);
        }
        CardState review = states.get(reviewed);
        Map<String, Object> card = byQuestion.get(reviewed.text());
        assertThat(number(card.get("type"))).isEqualTo(2);
        assertThat(number(card.get("queue"))).isEqualTo(2);
        assertThat(number(card.get("due")))
                .isEqualTo(Math.floorDiv(review.due().orElseThrow().getEpochSecond() - crt, 86_400));
        assertThat(number(card.get("ivl"))).isEqualTo(Math.max(1, Math.round(Duration.between(
                review.lastReview().orElseThrow(), review.due().orElseThrow()).toSeconds() / 86_400.0)));
        assertThat(number(card.get("reps"))).isEqualTo(review.reps()).isEqualTo(4);
        assertThat(number(card.get("lapses"))).isEqualTo(review.lapses());
        assertThat(number(card.get("factor"))).isEqualTo(2500);
        Map<String, Object> again = byQuestion.get(learning.text());
        assertThat(number(again.get("type"))).isEqualTo(1);
        assertThat(number(again.get("queue"))).isEqualTo(1);
        assertThat(number(again.get("due"))).isEqualTo(states.get(learning).due().orElseThrow().getEpochSecond());
        assertThat(number(again.get("reps"))).isEqualTo(1);
        assertThat(byQuestion.values()).filteredOn(c -> number(c.get("reps")) == 0)
                .hasSize(set.questions().size() - 2).allSatisfy(c -> assertThat(number(c.get("type"))).isZero());
    }

    private static ReviewRecord review(CardKey card, Instant at, FlashcardRating rating) {
        return new ReviewRecord(card, at, rating, OptionalInt.empty(), Optional.empty(), "", Duration.ofSeconds(5),
                ReviewMode.REVIEW);
    }

    @Test
    void schedulingIsAPureFunctionOfTheStateThePositionAndTheTime() {
        long crt = AnkiCollection.creation(NOW, ZoneOffset.UTC);
        CardState review = new CardState(CardPhase.REVIEW, 0, 12, 5, Optional.of(NOW.plus(Duration.ofDays(9))),
                Optional.of(NOW.minus(Duration.ofDays(3))), 5, 1);
        CardState relearning = new CardState(CardPhase.RELEARNING, 0, 2.4, 7, Optional.of(NOW.plusSeconds(600)),
                Optional.of(NOW), 6, 2);

        assertThat(AnkiCollection.schedule(null, 7, crt, NOW))
                .isEqualTo(new AnkiCollection.Scheduling(0, 0, 7, 0, 0, 0, 0, 0));
        assertThat(AnkiCollection.schedule(CardState.NEW, 3, crt, NOW).due()).isEqualTo(3);
        assertThat(AnkiCollection.schedule(review, 1, crt, NOW))
                .isEqualTo(new AnkiCollection.Scheduling(2, 2, 9, 12, 2500, 5, 1, 0));
        assertThat(AnkiCollection.schedule(relearning, 1, crt, NOW))
                .isEqualTo(new AnkiCollection.Scheduling(3, 1, NOW.getEpochSecond() + 600, 2, 2500, 6, 2, 1001));
        assertThat(AnkiCollection.creation(Instant.parse("2026-03-10T03:00:00Z"), ZoneOffset.UTC))
                .as("before 4 a.m. the Anki day is still the day before")
                .isEqualTo(Instant.parse("2026-03-09T04:00:00Z").getEpochSecond());
    }

    @Test
    void imagesInsideTheCourseTravelInThePackageAndImagesOutsideAreLeftOut() throws Exception {
        Path root = dir.resolve("course");
        Files.createDirectories(root.resolve("readings"));
        Files.createDirectories(root.resolve("questions"));
        Files.createDirectories(root.resolve("slides"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Files.write(root.resolve("slides/figure.png"), png);
        Files.write(dir.resolve("secret.png"), png);
        Files.writeString(root.resolve("readings/paper.md"), "---\nid: paper\ntitle: Paper\nweek: 1\n---\n");
        Files.writeString(root.resolve("questions/figures.json"), """
                {"id": "figures", "title": "Figures", "readings": ["paper"], "questions": [
                  {"id": "inside", "prompt": "What does this show? ![the plot](../slides/figure.png)",
                   "referenceAnswer": "A plot. ![again](../slides/figure.png)"},
                  {"id": "outside", "prompt": "And this? ![secret](../../secret.png)", "referenceAnswer": "Nothing."}
                ]}
                """);
        LoadedCourse loaded = CourseLoader.load(root);
        Path out = dir.resolve("figures.apkg");

        AnkiPackageExporter.Result result = new AnkiPackageExporter(loaded.course(), Map.of(), CLOCK)
                .exportAll(out);

        assertThat(result.media()).isEqualTo(1);
        try (ZipFile zip = new ZipFile(out.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("collection.anki2", "media", "0");
            assertThat(JSON.readTree(zip.getInputStream(zip.getEntry("media"))))
                    .isEqualTo(JSON.readTree("{\"0\": \"figure.png\"}"));
            assertThat(zip.getInputStream(zip.getEntry("0")).readAllBytes()).isEqualTo(png);
        }
        List<Map<String, Object>> notes = rows(collection(out), "SELECT flds FROM notes");
        String all = String.join("\n", notes.stream().map(n -> (String) n.get("flds")).toList());
        assertThat(all).contains("<img src=\"figure.png\" alt=\"the plot\">", "<img src=\"figure.png\" alt=\"again\">")
                .doesNotContain("secret.png\"", "file:");
    }

    /** Imports {@code file} into an empty folder and loads the course it makes. */
    private Course importInto(Path file, String name) {
        Path into = dir.resolve("imported-" + name);
        ImportPlan plan = Importer.plan(ImportKind.ANKI, List.of(file), into,
                new ImportOptions(OptionalInt.of(1), Optional.empty()));
        assertThat(plan.report().skipped()).extracting(ImportReport.Entry::message).isEmpty();
        assertThat(Importer.apply(plan).succeeded()).isTrue();
        return CourseLoader.load(into).course();
    }

    @Test
    void everySetComesBackWithItsIdsTitleKeyPointsAndReadingsFromThePackageAndFromTheText() throws Exception {
        Course course = CourseLoader.load(REPO).course();
        Path apkg = dir.resolve("all.apkg");
        Path text = dir.resolve("all.txt");
        new AnkiPackageExporter(course, Map.of(), CLOCK).exportAll(apkg);
        new AnkiExporter(course).exportAll(text);

        for (Path file : List.of(apkg, text)) {
            Course back = importInto(file, file.getFileName().toString());
            assertThat(back.questionSets()).extracting(QuestionSet::id)
                    .containsExactlyInAnyOrderElementsOf(course.questionSets().stream().map(QuestionSet::id).toList());
            for (QuestionSet original : course.questionSets()) {
                QuestionSet imported = back.questionSet(original.id()).orElseThrow();
                assertThat(imported.title()).as(file + " " + original.id()).isEqualTo(original.title());
                assertThat(imported.readingIds()).isEqualTo(original.readingIds());
                assertThat(imported.questions()).extracting(Question::id)
                        .containsExactlyElementsOf(original.questions().stream().map(Question::id).toList());
                for (Question q : original.questions()) {
                    Question after = imported.question(q.id()).orElseThrow();
                    assertThat(after.keyPoints()).as(q.id()).isEqualTo(q.keyPoints());
                    assertThat(after.tags()).containsAll(q.tags());
                }
            }
            assertThat(back.readings()).extracting(r -> r.id()).containsAll(course.questionSets().stream()
                    .flatMap(s -> s.readingIds().stream()).distinct().toList());
        }
    }

    @Test
    void aPackageNotMadeByLecternStillImportsOneSetPerDeck() throws Exception {
        Path db = dir.resolve("foreign.anki2");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE col (id integer primary key, models text, decks text)");
            s.executeUpdate("CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text, flds text)");
            s.executeUpdate("CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer)");
            s.executeUpdate("INSERT INTO col VALUES (1, '{\"42\": {\"id\": 42, \"name\": \"Basic\", \"flds\":"
                    + " [{\"name\": \"Front\", \"ord\": 0}, {\"name\": \"Back\", \"ord\": 1}]}}',"
                    + " '{\"1\": {\"id\": 1, \"name\": \"Default\"}, \"7\": {\"id\": 7, \"name\": \"Spanish::Verbs\"}}')");
            s.executeUpdate("INSERT INTO notes VALUES (100, 'abc/1', 42, ' verbs ', 'hablar<br>'"
                    + " || char(31) || '<b>to speak</b>')");
            s.executeUpdate("INSERT INTO notes VALUES (101, 'def', 42, '', 'comer' || char(31) || 'to eat')");
            s.executeUpdate("INSERT INTO cards VALUES (1, 100, 7, 0), (2, 101, 7, 0)");
        }
        Path apkg = dir.resolve("Spanish.apkg");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(apkg))) {
            zip.putNextEntry(new ZipEntry("collection.anki2"));
            Files.copy(db, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("media"));
            zip.write("{}".getBytes());
            zip.closeEntry();
        }

        Course back = importInto(apkg, "foreign");

        assertThat(back.questionSets()).hasSize(1);
        QuestionSet set = back.questionSets().get(0);
        assertThat(set.id()).isEqualTo("verbs");
        assertThat(set.title()).isEqualTo("Spanish / Verbs");
        assertThat(set.questions()).extracting(Question::prompt).containsExactly("hablar", "comer");
        assertThat(set.questions()).extracting(Question::referenceAnswer).containsExactly("**to speak**", "to eat");
        assertThat(set.questions()).extracting(Question::id).containsExactly("anki-abc.2f1", "anki-def");
        assertThat(set.questions().get(0).tags()).containsExactly("verbs");
    }

    @Test
    void aPackageInAnkisNewerFormatIsRefusedWithTheWayToExportOneLecternReads() throws Exception {
        Path apkg = dir.resolve("new.apkg");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(apkg))) {
            zip.putNextEntry(new ZipEntry("collection.anki21b"));
            zip.write(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});
            zip.closeEntry();
        }

        ImportPlan plan = Importer.plan(ImportKind.ANKI, List.of(apkg), dir.resolve("into"), ImportOptions.NONE);

        assertThat(plan.writes()).isEmpty();
        assertThat(plan.report().skipped()).extracting(ImportReport.Entry::message)
                .anyMatch(m -> m.contains("Support older Anki versions"));
    }
}
