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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of reviews a store could not commit (the disk is full, the folder is read-only, another Lectern has
 * it): each such review is appended to a file of this store's own, one JSON object a line, and flushed to disk before
 * the store answers. The file is in the data folder when it can be written there, else in a folder of the data
 * folder's own under the fallback root ({@link StoreEnvironment}). It is held locked while the store is open, and
 * deleted once every review in it is committed. Every store that opens a data folder for writing puts the reviews of
 * the journals it finds in both places into the log, each once (a review is known by its card, time to the
 * millisecond, rating and mode), and deletes each journal after that commit, unless its writer still holds it.
 */
final class UnsavedReviews implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UnsavedReviews.class);

    static final String PREFIX = "unsaved-reviews-";
    static final String SUFFIX = ".jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A journal this store writes: its file, channel and lock. */
    private record Open(Path file, FileChannel channel, FileLock lock) {
    }

    private final Path dataDir;
    private final Path fallback;
    private final StoreEnvironment.Faults faults;
    private final Instant started;
    private final List<Open> open = new ArrayList<>();
    private final List<Path> left = new ArrayList<>();

    UnsavedReviews(Path dataDir, StoreEnvironment environment, Instant started) {
        this.dataDir = dataDir;
        this.fallback = fallbackFolder(environment.fallbackRoot(), dataDir);
        this.faults = environment.faults();
        this.started = started;
    }

    /** The data folder's own folder under {@code root}: named by a digest of its path. */
    static Path fallbackFolder(Path root, Path dataDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return root.resolve(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    Path fallbackFolder() {
        return fallback;
    }

    /**
     * Appends {@code reviews} to this store's journal and flushes them to disk: in the data folder, or, when that
     * fails, in the fallback folder.
     *
     * @return the file they are in
     * @throws IOException when neither place takes them (they are then only in memory)
     */
    Path keep(List<ReviewRecord> reviews) throws IOException {
        byte[] lines = lines(reviews);
        IOException failed = null;
        for (Path folder : List.of(dataDir, fallback)) {
            try {
                Open journal = journalIn(folder);
                long end = journal.channel().size();
                try {
                    faults.beforeJournal(journal.file());
                    journal.channel().write(ByteBuffer.wrap(lines), end);
                    journal.channel().force(true);
                } catch (IOException e) {
                    // Whatever part of a line made it would be skipped when read; the whole lot goes to the next place.
                    try {
                        journal.channel().truncate(end);
                        if (end == 0) {
                            open.remove(journal);
                            release(journal);
                            Files.deleteIfExists(journal.file());
                        }
                    } catch (IOException ignored) {
                        // A cut line is skipped when read.
                    }
                    throw e;
                }
                return journal.file();
            } catch (IOException e) {
                LOG.info("{}: the unsaved reviews could not be kept there: {}", folder, e.getMessage());
                failed = failed == null ? e : failed;
            }
        }
        throw failed;
    }

    /** Every review in the journals is committed: they are closed and deleted. */
    void discard() {
        for (Open journal : open) {
            release(journal);
            try {
                Files.deleteIfExists(journal.file());
            } catch (IOException e) {
                LOG.warn("{}: the journal of reviews now saved could not be deleted: {}", journal.file(),
                        e.getMessage());
            }
        }
        open.clear();
    }

    /** The journal files this store holds (or held until it closed, when they still hold reviews). */
    List<Path> files() {
        return open.isEmpty() ? left : open.stream().map(Open::file).toList();
    }

    /** Lets go of the journals, which stay for the next Lectern that can write. */
    @Override
    public void close() {
        open.forEach(UnsavedReviews::release);
        open.stream().map(Open::file).forEach(left::add);
        open.clear();
    }

    private Open journalIn(Path folder) throws IOException {
        for (Open journal : open) {
            if (journal.file().getParent().equals(folder)) {
                return journal;
            }
        }
        if (folder.equals(fallback)) {
            ownFolder(folder);
        }
        Path file = folder.resolve(PREFIX + started.toEpochMilli() + "-" + ProcessHandle.current().pid() + SUFFIX);
        for (int i = 2; Files.exists(file); i++) {
            file = folder.resolve(PREFIX + started.toEpochMilli() + "-" + ProcessHandle.current().pid() + "-" + i
                    + SUFFIX);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        Open journal = new Open(file, channel, lock);
        open.add(journal);
        dev.lectern.files.AtomicFiles.flushFolder(folder);
        return journal;
    }

    /** Makes the fallback folder (and its root) readable by this user alone; refuses one that another user owns. */
    private static void ownFolder(Path folder) throws IOException {
        for (Path dir : List.of(folder.getParent(), folder)) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: its own permissions apply.
                }
            }
            if (Files.isSymbolicLink(dir)) {
                throw new IOException(dir + " is a symbolic link; Lectern does not keep reviews there");
            }
        }
    }

    private static void release(Open journal) {
        try {
            if (journal.lock() != null) {
                journal.lock().release();
            }
            journal.channel().close();
        } catch (IOException e) {
            LOG.warn("{} could not be closed: {}", journal.file(), e.getMessage());
        }
    }

    /**
     * Puts into the log the reviews of the journals waiting in the data folder and its fallback folder, skipping any
     * already there, and deletes each journal once its reviews are committed (one still held by its writer, a Lectern
     * still running, is left for later).
     *
     * @return what the user should be told
     */
    static List<String> saveWaiting(Connection connection, Path dataDir, Path fallback, Fsrs fsrs) {
        List<Path> files = new ArrayList<>(waiting(dataDir));
        files.addAll(waiting(fallback));
        int total = 0;
        List<Path> from = new ArrayList<>();
        for (Path file : files) {
            try {
                Set<ReviewRecord> seen = new HashSet<>();
                List<ReviewRecord> kept = read(file).stream().map(ReviewTable::asStored).filter(seen::add).toList();
                int added = ReviewTable.appendMissing(connection, kept, kept.size(), fsrs);
                if (added > 0) {
                    total += added;
                    from.add(file);
                }
                deleteUnlessHeld(file);
            } catch (IOException | SQLException e) {
                LOG.warn("{}: the reviews kept in it could not be saved yet: {}", file, e.getMessage());
            }
        }
        if (total == 0) {
            return List.of();
        }
        return List.of(total + (total == 1 ? " review" : " reviews") + " that could not be saved before "
                + (total == 1 ? "is" : "are") + " now in your progress (kept meanwhile in "
                + from.stream().map(Path::toString).collect(Collectors.joining(", ")) + ").");
    }

    private static void deleteUnlessHeld(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = StoreLock.tryLock(channel);
            if (lock == null) {
                return; // Its writer is still open: it deletes the file once it has saved them itself.
            }
            Files.delete(file);
            lock.release();
        }
    }

    /** The reviews as journal lines. */
    static byte[] lines(List<ReviewRecord> reviews) throws IOException {
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
            r.graded().ifPresent(v -> o.put("graded", v.label()));
            lines.append(JSON.writeValueAsString(o)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
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
                        verdictIn(o, "verdict"), o.path("answer").asText(""),
                        Duration.ofMillis(o.path("taken_ms").asLong(0)),
                        ReviewMode.fromCode(o.path("mode").asText("review")), verdictIn(o, "graded")));
            } catch (IOException | IllegalArgumentException e) {
                // A line cut short or edited by hand: the others still count.
            }
        }
        return reviews;
    }

    private static Optional<Verdict> verdictIn(JsonNode o, String field) {
        return o.hasNonNull(field) ? Optional.of(Verdict.fromLabel(o.get(field).asText())) : Optional.empty();
    }
}
