package dev.lectern.store.backup;

import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copies of the progress database in {@code backups/}: one a day (the last {@link #DAILY_KEPT} are kept), one at
 * the close of each session that added reviews (the last {@link #SESSIONS_KEPT} are kept) and one before each schema
 * upgrade (kept). Public for the store only
 * ({@code ArchitectureRules.storeInternalsAreUsedOnlyByTheStore}).
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    public static final String FOLDER = "backups";
    public static final int DAILY_KEPT = 7;
    public static final int SESSIONS_KEPT = 5;
    private static final Pattern DAILY = Pattern.compile("progress-(\\d{4}-\\d{2}-\\d{2})\\.db");
    private static final Pattern SESSION = Pattern.compile("progress-session-\\d{8}-\\d{6}(-\\d+)?\\.db");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private Backups() {
    }

    /** Takes today's backup of the open database, unless there is one, and prunes the old daily ones. */
    public static void daily(Connection connection, Path dataDir, Clock clock) {
        Path target = dataDir.resolve(FOLDER).resolve("progress-" + LocalDate.now(clock) + ".db");
        if (Files.exists(target)) {
            return;
        }
        if (written(connection, target, dataDir, "daily backup")) {
            prune(dataDir.resolve(FOLDER), DAILY, DAILY_KEPT);
        }
    }

    /**
     * Takes a backup of the open database at the close of a session that added reviews, and prunes the old session
     * backups; a failure is logged, never thrown (the reviews are in the database already).
     */
    public static void afterSession(Connection connection, Path dataDir, Clock clock) {
        Path dir = dataDir.resolve(FOLDER);
        String base = "progress-session-" + LocalDateTime.now(clock).format(STAMP);
        Path target = dir.resolve(base + ".db");
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(base + "-" + i + ".db");
        }
        if (written(connection, target, dataDir, "backup at the end of the session")) {
            prune(dir, SESSION, SESSIONS_KEPT);
        }
    }

    /** Writes one backup; a failure is logged in words, never thrown. */
    private static boolean written(Connection connection, Path target, Path dataDir, String what) {
        try {
            Sqlite.backup(connection, target);
            LOG.info("{} written to {}", what, target);
            return true;
        } catch (SQLException | IOException e) {
            LOG.warn("the {} {} could not be written: {}", what, target,
                    e instanceof SQLException s ? Sqlite.reason(s, dataDir) : e.getMessage());
            return false;
        }
    }

    /** Copies the open database into {@code backups/} before it is upgraded to {@code Migrations.LATEST}. */
    public static Path beforeUpgrade(Connection connection, Path dataDir, Clock clock)
            throws SQLException, IOException {
        Path copy = dataDir.resolve(FOLDER).resolve("progress-before-v" + Migrations.LATEST + "-"
                + LocalDateTime.now(clock).format(STAMP) + ".db");
        Sqlite.backup(connection, copy);
        return copy;
    }

    /** Deletes all but the {@code keep} newest backups whose names match {@code kind}; others stay. */
    static void prune(Path backups, Pattern kind, int keep) {
        List<Path> daily = new ArrayList<>();
        try (Stream<Path> files = Files.list(backups)) {
            files.filter(p -> kind.matcher(p.getFileName().toString()).matches()).forEach(daily::add);
        } catch (IOException e) {
            LOG.warn("{} could not be listed: {}", backups, e.getMessage());
            return;
        }
        daily.sort(Comparator.comparing(Backups::modified).thenComparing((Path p) -> p.getFileName().toString())
                .reversed());
        for (Path old : daily.subList(Math.min(keep, daily.size()), daily.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.warn("old backup {} could not be deleted: {}", old, e.getMessage());
            }
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** The backups in {@code backups/}, newest first (by the time they were written). */
    public static List<Path> list(Path dataDir) {
        Path dir = dataDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().matches("progress-.*\\.db")).forEach(found::add);
        } catch (IOException e) {
            return List.of();
        }
        Map<Path, Instant> times = new HashMap<>();
        for (Path p : found) {
            try {
                times.put(p, Files.getLastModifiedTime(p).toInstant());
            } catch (IOException e) {
                times.put(p, Instant.EPOCH);
            }
        }
        found.sort(Comparator.comparing((Path p) -> times.get(p)).reversed()
                .thenComparing(Comparator.<Path>reverseOrder()));
        return found;
    }

    /** The newest backup this Lectern can restore, if any; the others are logged with why not. */
    public static Optional<Path> newestSound(Path dataDir) {
        for (Path backup : list(dataDir)) {
            String problem = Sqlite.problemWith(backup, Migrations.LATEST);
            if (problem.isEmpty()) {
                return Optional.of(backup);
            }
            LOG.warn("backup {} cannot be restored: {}", backup, problem);
        }
        return Optional.empty();
    }
}
