package dev.lectern.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews that could not be written to the database before Lectern closed (another Lectern had the folder, the disk
 * was full or read-only), kept in a file of their own beside it, one JSON object a line, and put into the log by the
 * next Lectern that opens the folder for writing. Never deleted: a file whose reviews are in the log is renamed
 * {@code *.saved}.
 */
final class UnsavedReviews {

    private static final Logger LOG = LoggerFactory.getLogger(UnsavedReviews.class);

    static final String PREFIX = "unsaved-reviews-";
    static final String SUFFIX = ".jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnsavedReviews() {
    }

    /**
     * Puts into the log the reviews an earlier Lectern kept in a file because it could not write them, skipping any
     * already there, and renames each file once its reviews are committed.
     *
     * @return what the user should be told
     */
    static List<String> saveWaiting(Connection connection, Path dataDir, Fsrs fsrs) {
        List<String> said = new ArrayList<>();
        for (Path file : waiting(dataDir)) {
            try {
                List<ReviewRecord> kept = read(file);
                List<ReviewRecord> missing = new ArrayList<>();
                for (ReviewRecord r : kept) {
                    ReviewRecord n = ReviewTable.asStored(r);
                    if (!ReviewTable.contains(connection, n)) {
                        missing.add(n);
                    }
                }
                ReviewTable.append(connection, missing, fsrs);
                Path saved = markSaved(file);
                if (!missing.isEmpty()) {
                    said.add(missing.size() + (missing.size() == 1 ? " review" : " reviews")
                            + " that an earlier Lectern could not save " + (missing.size() == 1 ? "is" : "are")
                            + " now in your progress (kept meanwhile in " + saved + ").");
                }
            } catch (IOException | SQLException e) {
                LOG.warn("{}: the reviews kept in it could not be saved yet: {}", file, e.getMessage());
            }
        }
        return said;
    }

    /**
     * Keeps reviews that could not be written to {@code db} before closing in a file beside it (or, if even that
     * fails, in the system's temporary folder).
     *
     * @return the file, or empty when they could be kept nowhere (they are then logged)
     */
    static Optional<Path> keep(List<ReviewRecord> reviews, Path dataDir, Instant now, Path db) {
        for (Path folder : List.of(dataDir, Path.of(System.getProperty("java.io.tmpdir")))) {
            try {
                Path file = write(folder, reviews, now);
                LOG.warn("{} reviews could not be saved to {}; they are kept in {}", reviews.size(), db, file);
                return Optional.of(file);
            } catch (IOException e) {
                LOG.warn("{}: the unsaved reviews could not be kept there: {}", folder, e.getMessage());
            }
        }
        LOG.error("{} reviews could not be saved before closing: {}", reviews.size(), reviews);
        return Optional.empty();
    }

    /** Writes {@code reviews} to a new file in {@code folder}, flushed to disk; returns the file. */
    static Path write(Path folder, List<ReviewRecord> reviews, Instant now) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (ReviewRecord r : reviews) {
            ObjectNode o = JSON.createObjectNode();
            o.put("set", r.card().setId());
            o.put("question", r.card().questionId());
            o.put("at", r.at().toEpochMilli());
            o.put("rating", r.rating().number());
            if (r.score().isPresent()) {
                o.put("score", r.score().getAsInt());
            }
            r.verdict().ifPresent(v -> o.put("verdict", v.label()));
            o.put("answer", r.answer());
            o.put("taken_ms", r.taken().toMillis());
            o.put("mode", r.mode().code());
            lines.append(JSON.writeValueAsString(o)).append('\n');
        }
        Files.createDirectories(folder);
        Path file = folder.resolve(PREFIX + now.toEpochMilli() + SUFFIX);
        for (int i = 1; Files.exists(file); i++) {
            file = folder.resolve(PREFIX + now.toEpochMilli() + "-" + i + SUFFIX);
        }
        dev.lectern.files.AtomicFiles.write(file, lines.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** The files waiting in {@code folder}, oldest first. */
    static List<Path> waiting(Path folder) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            found.forEach(files::add);
        } catch (IOException e) {
            return files;
        }
        files.sort(null);
        return files;
    }

    /** The reviews in a file written by {@link #write}; lines that cannot be read are skipped. */
    static List<ReviewRecord> read(Path file) throws IOException {
        List<ReviewRecord> reviews = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode o = JSON.readTree(line);
                Optional<FlashcardRating> rating = FlashcardRating.ofNumber(o.path("rating").asInt());
                if (rating.isEmpty() || !o.hasNonNull("set") || !o.hasNonNull("question") || !o.hasNonNull("at")) {
                    continue;
                }
                reviews.add(new ReviewRecord(new CardKey(o.get("set").asText(), o.get("question").asText()),
                        Instant.ofEpochMilli(o.get("at").asLong()), rating.get(),
                        o.hasNonNull("score") ? OptionalInt.of(o.get("score").asInt()) : OptionalInt.empty(),
                        o.hasNonNull("verdict") ? Optional.of(Verdict.fromLabel(o.get("verdict").asText()))
                                : Optional.empty(),
                        o.path("answer").asText(""), Duration.ofMillis(o.path("taken_ms").asLong(0)),
                        ReviewMode.fromCode(o.path("mode").asText("review"))));
            } catch (IOException | IllegalArgumentException e) {
                // A line cut short or edited by hand: the others still count.
            }
        }
        return reviews;
    }

    /** Marks a file whose reviews are now in the log, by renaming it; returns the new name. */
    static Path markSaved(Path file) throws IOException {
        Path saved = file.resolveSibling(file.getFileName() + ".saved");
        Files.move(file, saved, StandardCopyOption.REPLACE_EXISTING);
        return saved;
    }
}
