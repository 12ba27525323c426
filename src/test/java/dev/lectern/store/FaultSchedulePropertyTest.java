package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.sqlite.SQLiteErrorCode;

/**
 * Over random schedules of reviews and faults (commits that fail, the database file vanishing or replaced by an older
 * copy, the disk filling and freed, Lectern restarted), every review the store acknowledged, and every one it said it
 * kept, is in the log after the next start without faults, exactly once.
 */
class FaultSchedulePropertyTest {

    enum Step {
        REVIEW, REVIEW_AGAIN, REVIEW_ONCE_MORE, COMMIT_FAILS, COMMITS_FAIL, FILE_VANISHES, SNAPSHOT, FILE_REPLACED,
        DISK_FILLS, DISK_FREED, RESTART
    }

    private static final Clock CLOCK = Clock.fixed(Reviews.T0, ZoneOffset.UTC);

    @Property(tries = 40)
    void everyAcknowledgedReviewIsInTheLogOnceAfterTheNextStart(@ForAll @Size(min = 1, max = 30) List<Step> schedule)
            throws Exception {
        Path tmp = Files.createTempDirectory("lectern-fault-schedule-");
        try {
            run(schedule, tmp);
        } finally {
            delete(tmp);
        }
    }

    private static void run(List<Step> schedule, Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path snapshot = tmp.resolve("snapshot.db");
        Faults faults = new Faults(data);
        StoreEnvironment environment = faults.environment(tmp.resolve("fallback"));
        Set<String> acknowledged = new HashSet<>();
        Set<String> kept = new HashSet<>();
        ProgressStore store = ProgressStore.open(data, CLOCK, SchedulerSettings.defaults(), environment);
        int n = 0;
        try {
            for (Step step : schedule) {
                switch (step) {
                    case REVIEW, REVIEW_AGAIN, REVIEW_ONCE_MORE -> {
                        String answer = "review " + n;
                        SaveResult result = store.append(Reviews.typed("s", "q" + n % 5, Reviews.T0.plusSeconds(n),
                                n % 101, Verdict.values()[n % 3], answer));
                        n++;
                        (result.saved() ? acknowledged : kept).add(answer);
                        assertThat(result.message()).doesNotContain("Exception").doesNotContain("SQLITE_")
                                .doesNotContain("Another Lectern");
                    }
                    case COMMIT_FAILS -> faults.failCommits(1, SQLiteErrorCode.SQLITE_IOERR_WRITE);
                    case COMMITS_FAIL -> faults.failCommits(3, SQLiteErrorCode.SQLITE_READONLY);
                    case FILE_VANISHES -> {
                        for (String name : List.of("progress.db", "progress.db-wal", "progress.db-shm")) {
                            Files.deleteIfExists(data.resolve(name));
                        }
                    }
                    case SNAPSHOT -> {
                        if (!store.readOnly()) {
                            store.backupTo(snapshot);
                        }
                    }
                    case FILE_REPLACED -> {
                        if (Files.exists(snapshot)) {
                            Files.copy(snapshot, data.resolve("progress.db"), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    case DISK_FILLS -> faults.failCommits(Integer.MAX_VALUE, SQLiteErrorCode.SQLITE_FULL)
                            .fillTheDataFolder(true);
                    case DISK_FREED -> faults.none();
                    case RESTART -> {
                        store.close();
                        store = ProgressStore.open(data, CLOCK, SchedulerSettings.defaults(), environment);
                    }
                    default -> throw new IllegalStateException(step.toString());
                }
            }
        } finally {
            store.close();
        }
        faults.none();
        try (ProgressStore next = ProgressStore.open(data, CLOCK, SchedulerSettings.defaults(), environment)) {
            assertThat(next.readOnly()).isFalse();
            List<String> log = next.allReviews().stream().map(ReviewRecord::answer).toList();
            assertThat(log).as("acknowledged").containsAll(acknowledged);
            assertThat(log).as("kept").containsAll(kept);
            assertThat(log).as("each once").doesNotHaveDuplicates();
            assertThat(next.check().integrityProblems()).isEmpty();
            assertThat(next.check().staleCards()).isZero();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
