package dev.lectern.sync;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.CourseData;
import dev.lectern.store.ProgressStore;
import dev.lectern.store.SaveResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** Devices of one student for the sync tests: a course folder, a data folder per device, one shared folder. */
final class SyncDevices {

    static final String COURSE_ID = "shared-course";
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final List<String> QUESTIONS = List.of("one", "two", "three", "four", "five");

    final Path root;
    final Path courseDir;
    final Course course;
    final Path shared;
    final List<Path> dataRoots = new ArrayList<>();

    SyncDevices(Path root, int devices) {
        this.root = root;
        try {
            courseDir = writeCourse(root.resolve("course"));
            shared = Files.createDirectories(root.resolve("Dropbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        course = CourseLoader.load(courseDir).course();
        for (int i = 0; i < devices; i++) {
            dataRoots.add(root.resolve("device-" + (char) ('a' + i)));
        }
    }

    /** The data folder of the course's progress on device {@code i}. */
    Path dataDir(int i) {
        return CourseData.folderFor(dataRoots.get(i), course, Optional::empty);
    }

    ProgressStore open(int i) {
        return ProgressStore.open(dataDir(i), Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** Device {@code i} reviews question {@code q} at {@code at} (its own clock). */
    void review(int i, String q, Instant at, FlashcardRating rating) {
        try (ProgressStore store = open(i)) {
            SaveResult saved = store.append(review(q, at, rating, "answer " + i + " " + at));
            if (!saved.saved()) {
                throw new IllegalStateException(saved.message());
            }
        }
    }

    static ReviewRecord review(String q, Instant at, FlashcardRating rating, String answer) {
        return new ReviewRecord(new CardKey("counting", q), at, rating, OptionalInt.empty(), Optional.empty(), answer,
                Duration.ofSeconds(4), ReviewMode.REVIEW);
    }

    /** Syncs device {@code i} in-process. */
    Sync.Report sync(int i) throws IOException {
        return sync(i, () -> { });
    }

    Sync.Report sync(int i, Runnable betweenFiles) throws IOException {
        try (ProgressStore store = open(i)) {
            return Sync.run(store.shared(), COURSE_ID, shared, Clock.systemUTC(), betweenFiles);
        }
    }

    int reviewCount(int i) {
        try (ProgressStore store = open(i)) {
            return store.allReviews().size();
        }
    }

    Map<CardKey, CardState> cardStates(int i) {
        try (ProgressStore store = open(i)) {
            return store.cardStates();
        }
    }

    List<ReviewRecord> reviews(int i) {
        try (ProgressStore store = open(i)) {
            return store.allReviews();
        }
    }

    /** The files of every device's folder in the shared folder. */
    List<Path> segments() {
        Path dir = shared.resolve(SyncFolder.ROOT).resolve(COURSE_ID);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeCourse(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("readings"));
        Files.createDirectories(dir.resolve("questions"));
        Files.writeString(dir.resolve("readings/course.yaml"), "id: " + COURSE_ID + "\ntitle: Shared course\n");
        Files.writeString(dir.resolve("readings/numbers.md"), "---\nid: numbers\ntitle: Numbers\nweek: 3\n"
                + "questionSets: [counting]\n---\n\n## Abstract\n\nOn numbers.\n");
        StringBuilder questions = new StringBuilder("{\"id\": \"counting\", \"title\": \"Counting\", \"readings\":"
                + " [\"numbers\"], \"questions\": [");
        for (int i = 0; i < QUESTIONS.size(); i++) {
            questions.append(i == 0 ? "" : ",").append("{\"id\": \"").append(QUESTIONS.get(i))
                    .append("\", \"prompt\": \"What is ").append(QUESTIONS.get(i))
                    .append("?\", \"referenceAnswer\": \"It is the number ").append(QUESTIONS.get(i)).append(".\"}");
        }
        Files.writeString(dir.resolve("questions/counting.json"), questions.append("]}\n").toString());
        return dir;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
