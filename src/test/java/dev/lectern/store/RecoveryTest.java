package dev.lectern.store;

import static dev.lectern.store.Reviews.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged databases, backups and restoring them. */
class RecoveryTest {

    @TempDir
    Path data;

    static Clock day(int n) {
        return Clock.fixed(T0.plus(Duration.ofDays(n)), ZoneOffset.UTC);
    }

    /** 300 reviews saved on day 0; the daily backup of day 1 holds them all. */
    private List<ReviewRecord> savedAndBackedUp() {
        List<ReviewRecord> reviews = Reviews.random(11, 300, 40, T0.minus(Duration.ofDays(20)));
        try (ProgressStore store = ProgressStore.open(data, day(0))) {
            reviews.forEach(store::append);
        }
        ProgressStore.open(data, day(1)).close();
        assertThat(data.resolve("backups/progress-2026-03-03.db")).exists();
        return reviews;
    }

    private List<String> files(String dir) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve(dir))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertRecoveredFromTheBackup(List<ReviewRecord> reviews) throws IOException {
        try (ProgressStore store = ProgressStore.open(data, day(1))) {
            assertThat(store.readOnly()).isFalse();
            assertThat(store.allReviews()).isEqualTo(reviews);
            assertThat(store.notices()).singleElement().asString()
                    .startsWith("progress.db could not be read (")
                    .contains("so Lectern moved it to " + data.toAbsolutePath().resolve("progress.db.damaged-20260303-100000"))
                    .contains("and restored the backup " + data.toAbsolutePath().resolve("backups/progress-2026-03-03.db"))
                    .endsWith("Reviews made after that backup are not in it.");
            assertThat(store.check().integrityProblems()).isEmpty();
        }
        assertThat(files(".")).contains("progress.db.damaged-20260303-100000");
    }

    @Test
    void aDatabaseOverwrittenWithGarbageIsMovedAsideAndTheNewestBackupRestored() throws Exception {
        List<ReviewRecord> reviews = savedAndBackedUp();
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(3).nextBytes(garbage);
        Files.write(data.resolve("progress.db"), garbage);

        assertRecoveredFromTheBackup(reviews);
        assertThat(Files.readAllBytes(data.resolve("progress.db.damaged-20260303-100000"))).isEqualTo(garbage);
    }

    @Test
    void aTruncatedDatabaseIsMovedAsideAndTheNewestBackupRestored() throws Exception {
        List<ReviewRecord> reviews = savedAndBackedUp();
        try (RandomAccessFile file = new RandomAccessFile(data.resolve("progress.db").toFile(), "rw")) {
            file.setLength(file.length() / 3);
        }

        assertRecoveredFromTheBackup(reviews);
    }

    @Test
    void aDatabaseTruncatedToNothingIsMovedAsideWhenThereIsABackup() throws Exception {
        List<ReviewRecord> reviews = savedAndBackedUp();
        Files.write(data.resolve("progress.db"), new byte[0]);

        assertRecoveredFromTheBackup(reviews);
    }

    @Test
    void damagedPagesInsideTheFileAreFoundByTheQuickCheck() throws Exception {
        List<ReviewRecord> reviews = savedAndBackedUp();
        try (RandomAccessFile file = new RandomAccessFile(data.resolve("progress.db").toFile(), "rw")) {
            // Page 2 onwards: scribble over the middle of the file, leaving the header readable.
            for (long at = 4096 + 100; at < file.length() - 4096; at += 4096 * 3) {
                file.seek(at);
                file.write(new byte[] {(byte) 0xff, 0x13, 0x37, (byte) 0xff, 0, 0, 0, 7, 7, 7});
            }
        }

        assertRecoveredFromTheBackup(reviews);
    }

    @Test
    void withoutABackupADamagedDatabaseIsMovedAsideAndAnEmptyOneStarted() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("progress.db"), "this is not a database, it is a note");
        Files.writeString(data.resolve("progress.db-wal"), "and this is no WAL");

        try (ProgressStore store = ProgressStore.open(data, day(1))) {
            assertThat(store.readOnly()).isFalse();
            assertThat(store.allReviews()).isEmpty();
            assertThat(store.notices()).singleElement().asString()
                    .contains("started an empty progress database: there was no backup to restore.");
        }
        assertThat(files(".")).contains("progress.db.damaged-20260303-100000", "progress.db.damaged-20260303-100000-wal");
    }

    @Test
    void dailyBackupsAreTakenOncePerDayAndTheLastSevenKept() throws Exception {
        for (int d = 0; d < 10; d++) {
            ProgressStore.open(data, day(d)).close();
            ProgressStore.open(data, day(d)).close();
        }
        Files.writeString(data.resolve("backups/progress-manual.db"), "kept: not a daily backup");
        ProgressStore.open(data, day(10)).close();

        assertThat(files("backups")).containsExactly("progress-2026-03-06.db", "progress-2026-03-07.db",
                "progress-2026-03-08.db", "progress-2026-03-09.db", "progress-2026-03-10.db", "progress-2026-03-11.db",
                "progress-2026-03-12.db", "progress-manual.db");
    }

    @Test
    void aBackupCanBeRestoredAndTheReplacedDatabaseIsKept() throws Exception {
        List<ReviewRecord> reviews = Reviews.random(2, 30, 5, T0);
        Path backup = data.resolve("elsewhere/mine.db");
        try (ProgressStore store = ProgressStore.open(data, day(0))) {
            reviews.subList(0, 20).forEach(store::append);
            store.backupTo(backup);
            reviews.subList(20, 30).forEach(store::append);
        }

        Path aside = BackupFile.restore(data, backup, day(2));

        assertThat(aside.getFileName().toString()).isEqualTo("progress.db.replaced-20260304-100000");
        try (ProgressStore store = ProgressStore.open(data, day(2))) {
            assertThat(store.allReviews()).isEqualTo(reviews.subList(0, 20));
            assertThat(store.check().ok()).isTrue();
        }
        try (java.sql.Connection c = Sqlite.open(aside, true)) {
            assertThat(Sqlite.queryLong(c, "SELECT count(*) FROM review")).isEqualTo(30);
        }
    }

    @Test
    void restoringAFileThatIsNotASoundLecternDatabaseChangesNothing() throws Exception {
        ProgressStore.open(data, day(0)).close();
        byte[] before = Files.readAllBytes(data.resolve("progress.db"));
        Path garbage = Files.writeString(data.resolve("notes.db"), "SQLite format 3? no.");
        Path foreign = data.resolve("foreign.db");
        try (java.sql.Connection c = Sqlite.open(foreign, false)) {
            Sqlite.exec(c, "CREATE TABLE t (x)");
        }

        assertThatThrownBy(() -> BackupFile.restore(data, garbage)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(garbage + ": it is damaged or not a database");
        assertThatThrownBy(() -> BackupFile.restore(data, foreign)).isInstanceOf(IOException.class)
                .hasMessage(foreign + ": it is not a Lectern progress database; nothing was restored.");
        assertThatThrownBy(() -> BackupFile.restore(data, data.resolve("missing.db")))
                .hasMessageEndingWith("missing.db: no such file; nothing was restored.");
        assertThat(Files.readAllBytes(data.resolve("progress.db"))).isEqualTo(before);
    }

    @Test
    void restoringWhileLecternHasTheFolderOpenIsRefused() throws Exception {
        Path backup = data.resolve("b.db");
        try (ProgressStore store = ProgressStore.open(data, day(0))) {
            store.backupTo(backup);
            assertThatThrownBy(() -> BackupFile.restore(data, backup)).isInstanceOf(IOException.class)
                    .hasMessage(data.toAbsolutePath() + ": another Lectern is using this folder; close it and restore"
                            + " again.");
        }
    }

    @Test
    void aBackupIsAConsistentCopyTakenWhileTheStoreIsOpen() throws Exception {
        Path backup = data.resolve("copy.db");
        try (ProgressStore store = ProgressStore.open(data, day(0))) {
            Reviews.random(4, 50, 5, T0).forEach(store::append);
            store.backupTo(backup);
        }
        assertThat(Sqlite.problemWith(backup, Migrations.LATEST)).isEmpty();
        Instant unused = Instant.EPOCH;
        assertThat(unused).isNotNull();
    }
}
