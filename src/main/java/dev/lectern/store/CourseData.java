package dev.lectern.store;

import dev.lectern.course.Course;
import dev.lectern.course.QuestionSet;
import dev.lectern.files.AtomicFiles;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which data folder holds a course's progress, so courses never share it. One course owns the data folder itself
 * ({@code <data>/progress.db}, where all progress was kept before courses had ids); every other course has
 * {@code <data>/courses/<course-id>/}, a data folder of its own for {@link ProgressStore#open} (with its own
 * backups, lock and journal). The owner is recorded in {@code <data>/progress-course} the first time a course is
 * opened; until then {@link #legacyOwner} decides it from the reviews already in {@code progress.db}.
 */
public final class CourseData {

    /** The file in the data folder naming the course whose progress is in {@code <data>/progress.db}. */
    public static final String OWNER_FILE = "progress-course";

    /** The folder in the data folder that holds the data folders of the other courses. */
    public static final String COURSES = "courses";

    private static final Logger LOG = LoggerFactory.getLogger(CourseData.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private CourseData() {
    }

    /** A course as far as the owner of old progress goes: its id and the ids of its question sets. */
    public record CourseSets(String id, Set<String> setIds) {
        public CourseSets {
            setIds = Set.copyOf(setIds);
        }

        public static CourseSets of(Course course) {
            return new CourseSets(course.info().id(),
                    course.questionSets().stream().map(QuestionSet::id).collect(Collectors.toSet()));
        }
    }

    /**
     * The rule for a {@code progress.db} kept before its owner was recorded: its reviews belong to the course being
     * opened when every set they name is one of that course's sets and not all of them are the bundled course's
     * sets; otherwise (no reviews, reviews of sets both have, or of sets the opened course lacks) to the bundled
     * course.
     *
     * @return the id of the owner
     */
    static String legacyOwner(Set<String> reviewedSets, CourseSets opened, CourseSets bundled) {
        boolean allOpened = opened.setIds().containsAll(reviewedSets);
        boolean allBundled = bundled.setIds().containsAll(reviewedSets);
        return allOpened && !allBundled ? opened.id() : bundled.id();
    }

    /**
     * The data folder of {@code course}'s progress under the data folder {@code dataRoot}, recording the owner of
     * {@code dataRoot}'s own {@code progress.db} first if nobody has. {@code bundled} (loaded only then) is the
     * bundled course, empty if this build has none.
     */
    public static Path folderFor(Path dataRoot, Course course, Supplier<Optional<Course>> bundled) {
        return folderFor(dataRoot, CourseSets.of(course), () -> bundled.get().map(CourseSets::of));
    }

    /** {@link #folderFor(Path, Course, Supplier)} of what is known of the course. */
    static synchronized Path folderFor(Path dataRoot, CourseSets course, Supplier<Optional<CourseSets>> bundled) {
        Path root = dataRoot.toAbsolutePath().normalize();
        Optional<String> owner = recordedOwner(root).or(() -> decideOwner(root, course, bundled));
        return owner.filter(course.id()::equals).isPresent() ? root : root.resolve(COURSES).resolve(course.id());
    }

    /** Opens the progress store of {@code course} (see {@link #folderFor(Path, Course, Supplier)}). */
    public static ProgressStore open(Path dataRoot, Course course, Supplier<Optional<Course>> bundled, Clock clock) {
        return ProgressStore.open(folderFor(dataRoot, course, bundled), clock);
    }

    /** The owner named in {@code progress-course}, if that file holds an id. */
    static Optional<String> recordedOwner(Path root) {
        Path file = root.resolve(OWNER_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("reading {} failed", file, e);
            return Optional.empty();
        }
    }

    /**
     * Decides whose {@code progress.db} is and records it; empty (nothing recorded) when the bundled course owns it
     * but this build has none, so it cannot be named. A database that cannot be read is the bundled course's this
     * time, decided again next time.
     */
    private static Optional<String> decideOwner(Path root, CourseSets course, Supplier<Optional<CourseSets>> bundled) {
        Optional<Set<String>> reviewed = reviewedSets(root.resolve(Sqlite.PROGRESS_DB));
        Optional<CourseSets> theBundled = bundled.get();
        CourseSets bundledOrNone = theBundled.orElse(new CourseSets("", Set.of()));
        String owner = legacyOwner(reviewed.orElse(Set.of()), course, bundledOrNone);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (reviewed.isPresent()) {
            try {
                AtomicFiles.write(root.resolve(OWNER_FILE), (owner + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.warn("recording the owner of {} failed", root, e);
            }
        }
        return Optional.of(owner);
    }

    /** The ids of the sets reviewed in {@code db}: none if it does not exist; empty if it cannot be read. */
    private static Optional<Set<String>> reviewedSets(Path db) {
        if (!Files.exists(db)) {
            return Optional.of(Set.of());
        }
        Connection c = null;
        try {
            c = Sqlite.open(db, true);
            Set<String> sets = new HashSet<>();
            if (Sqlite.hasTable(c, "review")) {
                sets.addAll(Sqlite.queryStrings(c, "SELECT DISTINCT set_id FROM review"));
            }
            return Optional.of(sets);
        } catch (SQLException e) {
            LOG.warn("reading the reviewed sets of {} failed", db, e);
            return Optional.empty();
        } finally {
            Sqlite.closeQuietly(c);
        }
    }
}
