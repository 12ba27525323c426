package dev.lectern.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reviews that could not be written to the database before Lectern closed (another Lectern had the folder, the disk
 * was full or read-only), kept in a file of their own beside it, one JSON object a line, and put into the log by the
 * next Lectern that opens the folder for writing. Never deleted: a file whose reviews are in the log is renamed
 * {@code *.saved}.
 */
final class UnsavedReviews {

    static final String PREFIX = "unsaved-reviews-";
    static final String SUFFIX = ".jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnsavedReviews() {
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
