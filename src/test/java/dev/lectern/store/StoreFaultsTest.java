package dev.lectern.store;

import static dev.lectern.store.Reviews.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;

/**
 * Faults of the data folder, in one JVM on real files: the database deleted or replaced between two reviews, commits
 * that fail (injected where the machine cannot fail them: the tests may run as root), a damaged WAL, and
 * {@code progress.db} a folder. Each prints the reviews acknowledged against those in the log after the next start.
 */
class StoreFaultsTest {

    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private ProgressStore open(Faults faults) {
        return ProgressStore.open(data(), CLOCK, SchedulerSettings.defaults(), faults.environment(tmp.resolve("fallback")));
    }

    private ProgressStore open() {
        return open(new Faults(data()));
    }

    private static ReviewRecord review(int i) {
        return Reviews.typed("faults", "q" + i % 7, T0.plusSeconds(60L * i), i % 101, Verdict.values()[i % 3],
                "answer " + i);
    }

    private static List<String> answers(ProgressStore store) {
        return store.allReviews().stream().map(ReviewRecord::answer).toList();
    }

    private static List<String> answers(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("answer " + i);
        }
        return out;
    }

    /** Prints what a fault did: reviews acknowledged as saved, kept in a journal, and in the log afterwards. */
    static void report(String fault, int acknowledged, int kept, long inTheLog) {
        System.out.printf("fault: %s: %d acknowledged + %d kept in a journal; %d in the log after the next start%n",
                fault, acknowledged, kept, inTheLog);
    }

    private void deleteTheDatabase() throws Exception {
        for (String name : List.of("progress.db", "progress.db-wal", "progress.db-shm")) {
            Files.deleteIfExists(data().resolve(name));
        }
    }

    @Test
    void reviewsMadeAfterTheDatabaseWasDeletedBetweenTwoReviewsAreInTheLogAfterTheNextStart() throws Exception {
        try (ProgressStore store = open()) {
            for (int i = 0; i < 3; i++) {
                assertThat(store.append(review(i)).saved()).isTrue();
            }
            deleteTheDatabase();

            SaveResult after = store.append(review(3));

            assertThat(after.saved()).isTrue();
            assertThat(after.message()).isEqualTo(data().toAbsolutePath().resolve("progress.db") + " was deleted while"
                    + " Lectern had it open: Lectern put a copy of the database it had open in its place, with every"
                    + " review it held (3).");
            for (int i = 4; i < 6; i++) {
                assertThat(store.append(review(i))).isEqualTo(SaveResult.ok());
            }
            assertThat(data().resolve("progress.db")).isRegularFile();
        }
        try (ProgressStore next = open()) {
            assertThat(answers(next)).isEqualTo(answers(0, 6));
            assertThat(next.check().ok()).isTrue();
            report("progress.db* deleted between two reviews", 6, 0, next.allReviews().size());
        }
    }

    @Test
    void aDatabaseReplacedByAnOlderCopyGetsTheReviewsOnlyTheOpenOneHeld() throws Exception {
        Path older = tmp.resolve("older.db");
        try (ProgressStore store = open()) {
            store.append(review(0));
            store.backupTo(older);
            store.append(review(1));
            store.append(review(2));
            Files.move(older, data().resolve("progress.db"), StandardCopyOption.REPLACE_EXISTING);

            SaveResult after = store.append(review(3));

            assertThat(after.saved()).isTrue();
            assertThat(after.message()).startsWith(data().toAbsolutePath().resolve("progress.db") + " was replaced by"
                    + " another file while Lectern had it open: Lectern now writes to the file that is there");
        }
        try (ProgressStore next = open()) {
            assertThat(answers(next)).isEqualTo(answers(0, 4));
            assertThat(next.check().ok()).isTrue();
            report("progress.db replaced by an older copy", 4, 0, next.allReviews().size());
        }
    }

    @Test
    void aCommitThatFailsSaysWhyAtOnceKeepsTheReviewInAJournalAndTheNextStartImportsItOnce() throws Exception {
        Faults faults = new Faults(data());
        List<String> messages = new ArrayList<>();
        try (ProgressStore store = open(faults)) {
            store.append(review(0));
            faults.failCommits(1000, SQLiteErrorCode.SQLITE_IOERR_WRITE);
            for (int i = 1; i < 4; i++) {
                SaveResult r = store.append(review(i));
                assertThat(r.saved()).isFalse();
                messages.add(r.message());
            }
            assertThat(store.unsavedFile()).hasValueSatisfying(f -> assertThat(f.getParent())
                    .isEqualTo(data().toAbsolutePath()));
            assertThat(Files.readAllLines(store.unsavedFile().orElseThrow())).hasSize(3);
        }
        assertThat(messages.get(0)).startsWith("Your review could not be saved: the disk reported an error. It is kept"
                + " in " + data().toAbsolutePath().resolve("unsaved-reviews-"));
        assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("Another Lectern").doesNotContain("SQLITE")
                .doesNotContain("Exception"));
        try (ProgressStore next = open()) {
            assertThat(answers(next)).isEqualTo(answers(0, 4));
            assertThat(next.notices()).singleElement().asString().startsWith("3 reviews that could not be saved before"
                    + " are now in your progress");
            report("commits fail (SQLITE_IOERR_WRITE, injected)", 1, 3, next.allReviews().size());
        }
        assertThat(UnsavedReviews.waiting(data().toAbsolutePath())).isEmpty();
        try (ProgressStore again = open()) {
            assertThat(answers(again)).as("imported once").isEqualTo(answers(0, 4));
            assertThat(again.notices()).isEmpty();
        }
    }

    @Test
    void aReadOnlyFolderSaysSoInPlainWordsNotThatAnotherLecternHasIt() throws Exception {
        Faults faults = new Faults(data());
        try (ProgressStore store = open(faults)) {
            store.append(review(0));
            faults.failCommits(1000, SQLiteErrorCode.SQLITE_READONLY).fillTheDataFolder(true);

            SaveResult r = store.append(review(1));

            assertThat(r.saved()).isFalse();
            Path fallback = UnsavedReviews.fallbackFolder(tmp.resolve("fallback"), data().toAbsolutePath());
            assertThat(r.message()).isEqualTo("Your review could not be saved: " + data().toAbsolutePath() + " cannot be"
                    + " written to. It is kept in " + store.unsavedFile().orElseThrow() + " and saved as soon as Lectern"
                    + " can write to " + data().toAbsolutePath().resolve("progress.db") + ".");
            assertThat(store.unsavedFile().orElseThrow().getParent()).isEqualTo(fallback);
        }
        try (ProgressStore next = open()) {
            assertThat(answers(next)).isEqualTo(answers(0, 2));
            report("data folder read-only (SQLITE_READONLY and a journal that cannot be written, injected)", 1, 1,
                    next.allReviews().size());
        }
    }

    @Test
    void aFullDiskLaterFreedSavesTheKeptReviewsOnTheNextAppendAndDeletesTheJournal() throws Exception {
        Faults faults = new Faults(data());
        try (ProgressStore store = open(faults)) {
            faults.failCommits(2, SQLiteErrorCode.SQLITE_FULL);
            assertThat(store.append(review(0)).message()).startsWith("Your review could not be saved: the disk is full.");
            assertThat(store.append(review(1)).saved()).isFalse();
            Path journal = store.unsavedFile().orElseThrow();

            assertThat(store.append(review(2))).isEqualTo(SaveResult.ok());

            assertThat(journal).doesNotExist();
            assertThat(answers(store)).isEqualTo(answers(0, 3));
        }
        try (ProgressStore next = open()) {
            assertThat(answers(next)).isEqualTo(answers(0, 3));
        }
    }

    @Test
    void aProgressDbThatIsAFolderIsSaidPlainlyAndTheReviewsMadeMeanwhileAreSavedOnceItIsAFile() throws Exception {
        Files.createDirectories(data().resolve("progress.db"));
        try (ProgressStore store = open()) {
            assertThat(store.readOnly()).isTrue();
            assertThat(store.notices()).singleElement().asString().isEqualTo(data().toAbsolutePath()
                    .resolve("progress.db") + " is a folder, not a file, so Lectern cannot keep your progress in it."
                    + " Move it out of " + data().toAbsolutePath() + " (or rename it) and start Lectern again; the"
                    + " reviews you make meanwhile are kept and saved then.");
            SaveResult r = store.append(review(0));
            assertThat(r.saved()).isFalse();
            assertThat(r.message()).startsWith("Your review is not saved yet: " + data().toAbsolutePath()
                    .resolve("progress.db") + " is a folder, not a file. It is kept in ");
        }
        Files.move(data().resolve("progress.db"), tmp.resolve("was-a-folder"));
        try (ProgressStore next = open()) {
            assertThat(answers(next)).isEqualTo(answers(0, 1));
            report("progress.db is a folder", 0, 1, next.allReviews().size());
        }
    }

    @Test
    void aDamagedWalIsSetAsideWhatCameBeforeTheDamageIsKeptAndTheLostCommitsAreCounted() throws Exception {
        Path image = tmp.resolve("image");
        Files.createDirectories(image);
        try (ProgressStore store = open()) {
            for (int i = 0; i < 12; i++) {
                store.append(review(i));
            }
            // What a crash now would leave: the database file and its WAL, every commit synced.
            Files.copy(data().resolve("progress.db"), image.resolve("progress.db"));
            Files.copy(data().resolve("progress.db-wal"), image.resolve("progress.db-wal"));
        }
        Path wal = image.resolve("progress.db-wal");
        long frames = (Files.size(wal) - 32) / (24 + 4096);
        try (RandomAccessFile file = new RandomAccessFile(wal.toFile(), "rw")) {
            long frame = frames * 2 / 3;
            file.seek(32 + frame * (24 + 4096) + 24 + 1000);
            file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }

        try (ProgressStore store = ProgressStore.open(image, CLOCK, SchedulerSettings.defaults(),
                new Faults(image).environment(tmp.resolve("fallback")))) {
            List<String> notices = store.notices();
            assertThat(notices).hasSize(2);
            assertThat(notices.get(0)).matches("progress.db-wal, the database's write-ahead log, was damaged: \\d+"
                    + " saved changes \\(reviews or other writes\\) after the damage could not be read\\. Lectern"
                    + " moved it to " + image.toAbsolutePath().resolve("progress.db-wal.damaged-20260302-100000")
                    + " .*");
            int lost = Integer.parseInt(notices.get(0).replaceAll("\\D*(\\d+) saved changes.*", "$1"));
            assertThat(lost).isBetween(1, 11);
            assertThat(notices.get(1)).isEqualTo("Lectern read back " + lost + " reviews from the damaged log anyway"
                    + " (the pages after the damage were sound), so they are in your progress.");
            assertThat(answers(store)).isEqualTo(answers(0, 12));
            assertThat(store.check().ok()).isTrue();
            report("a damaged WAL after a crash (" + lost + " commits after the damage)", 12, 0,
                    store.allReviews().size());
        }
        try (Stream<Path> files = Files.list(image)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("progress.db-wal.damaged-20260302-100000");
        }
        try (ProgressStore again = ProgressStore.open(image, CLOCK)) {
            assertThat(again.notices()).as("said once").isEmpty();
        }
    }

    @Test
    void aSessionThatAddedReviewsIsBackedUpAtCloseAndTheLastFiveAreKept() throws Exception {
        for (int session = 0; session < 7; session++) {
            try (ProgressStore store = open()) {
                store.append(review(session));
            }
        }
        try (ProgressStore store = open()) {
            assertThat(store.allReviews()).hasSize(7);
        }
        List<BackupFile> backups = BackupFile.list(data());
        assertThat(backups).filteredOn(b -> b.file().getFileName().toString().startsWith("progress-session-"))
                .hasSize(5).first().satisfies(b -> assertThat(b.reviews()).hasValue(7));
        assertThat(backups).extracting(b -> b.file().getFileName().toString()).contains("progress-2026-03-02.db");
    }

    @Test
    void aMissingDatabaseWithBackupsSaysHowToRestoreTheNewest() throws Exception {
        try (ProgressStore store = open()) {
            store.append(review(0));
        }
        deleteTheDatabase();
        try (ProgressStore store = open()) {
            Path newest = BackupFile.list(data()).get(0).file();
            assertThat(store.notices()).singleElement().asString().isEqualTo("progress.db was missing from "
                    + data().toAbsolutePath() + ", so Lectern started a new, empty one. The newest backup, " + newest
                    + ", holds 1 reviews; to go back to it, close Lectern and run: lectern restore " + newest);
        }
    }
}
