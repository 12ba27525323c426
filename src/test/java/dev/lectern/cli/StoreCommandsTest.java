package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.ProgressStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {

    @TempDir
    Path tmp;

    private Path dataWithReviews(int count) {
        Path data = tmp.resolve("data");
        try (ProgressStore store = ProgressStore.open(data, Clock.systemUTC())) {
            for (int i = 0; i < count; i++) {
                store.append(new ReviewRecord(new CardKey("set", "q" + i % 3),
                        Instant.parse("2026-03-02T10:00:00Z").plus(Duration.ofHours(i)), FlashcardRating.GOOD,
                        OptionalInt.empty(), Optional.empty(), "answer, " + i, Duration.ofSeconds(3),
                        ReviewMode.FLASHCARD));
            }
        }
        return data;
    }

    @Test
    void storeCheckCountsAndSaysAllIsWell() {
        Path data = dataWithReviews(5);

        CliRun run = CliRun.run("--data-dir", data.toString(), "store", "check");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().findFirst().orElseThrow()).matches(
                data.resolve("progress.db") + ": schema version " + dev.lectern.store.sqlite.Migrations.LATEST + ", 5 reviews, 3 cards, 0 exams, \\d+\\.\\d MB, 2 backups");
        assertThat(run.out()).contains("integrity check: ok").contains("card states: they match the review log");
    }

    @Test
    void storeRebuildSaysHowManyCardsChanged() throws Exception {
        Path data = dataWithReviews(5);

        CliRun run = CliRun.run("--data-dir", data.toString(), "store", "rebuild");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("Rebuilt the card states of " + data.resolve("progress.db").toString()
                .replace("\\", "\\\\") + " from its review log in \\d+ ms: 0 cards changed\\.\\R");
    }

    @Test
    void backupThenRestorePutsTheCopyBackAndKeepsTheReplacedFile() throws Exception {
        Path data = dataWithReviews(4);
        Path copy = tmp.resolve("copy.db");

        CliRun backup = CliRun.run("--data-dir", data.toString(), "backup", "--out", copy.toString());
        dataWithReviews(2);
        CliRun restore = CliRun.run("--data-dir", data.toString(), "restore", copy.toString());

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).isEqualTo("Backed up " + data.resolve("progress.db") + " to " + copy + "."
                + System.lineSeparator());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("Restored " + copy + " as " + data.resolve("progress.db")
                + ". The database it replaced is in " + data.resolve("progress.db.replaced-"));
        try (ProgressStore store = ProgressStore.open(data, Clock.systemUTC())) {
            assertThat(store.allReviews()).hasSize(4);
        }
    }

    @Test
    void restoringAFileThatIsNotABackupSaysSoInOneLine() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "hello");

        CliRun run = CliRun.run("--data-dir", tmp.resolve("data").toString(), "restore", notes.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(notes + ": it is damaged or not a database; nothing was restored."
                + System.lineSeparator());
    }

    @Test
    void exportReviewsWritesTheCsv() throws Exception {
        Path data = dataWithReviews(3);
        Path csv = tmp.resolve("out/reviews.csv");

        CliRun run = CliRun.run("--data-dir", data.toString(), "export", "reviews", "--out", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Wrote 3 reviews to " + csv + "." + System.lineSeparator());
        assertThat(Files.readAllLines(csv)).hasSize(4).first().isEqualTo(
                "id,set_id,question_id,at,rating,score,verdict,answer,taken_ms,mode,grader_verdict");
    }

    @Test
    void exportToAFolderThatCannotBeMadeSaysWhichFileInOneLine() throws Exception {
        Path data = dataWithReviews(1);
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file, not a folder");
        Path csv = blocker.resolve("reviews.csv");

        CliRun run = CliRun.run("--data-dir", data.toString(), "export", "reviews", "--out", csv.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(csv + ": it could not be written (").doesNotContain("Exception")
                .hasLineCount(1);
    }

    @Test
    void benchStorePrintsTheFiguresAndDeletesItsFolder() {
        CliRun run = CliRun.run("bench", "store", "--reviews", "2000", "--cards", "100", "--runs", "3", "--appends",
                "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var lines = run.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).matches("wrote 2000 reviews of 100 cards over the last 365 days to (.+) in \\d+ ms");
        assertThat(lines.get(1)).matches("open \\+ today's queue: median [\\d.]+ ms of 3 runs \\(goal < 200 ms\\),"
                + " \\d+ cards in the queue");
        assertThat(lines.get(2)).matches("statistics \\(allReviews \\+ cardStates \\+ compute\\): median [\\d.]+ ms of"
                + " 3 runs \\(goal < 300 ms\\), 2000 reviews");
        assertThat(lines.get(3)).matches("appends: 20 reviews committed one at a time, \\d+ per second \\(median"
                + " [\\d.]+ ms, max [\\d.]+ ms each\\)");
        String dir = lines.get(0).replaceAll(".* to (.+) in \\d+ ms", "$1");
        assertThat(Path.of(dir)).doesNotExist();
    }

    @Test
    void backupListNamesEachBackupWithItsTimeSizeAndReviews() {
        Path data = dataWithReviews(3);

        CliRun run = CliRun.run("--data-dir", data.toString(), "backup", "--list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2).satisfiesExactlyInAnyOrder(
                l -> assertThat(l).matches("progress-session-\\d{8}-\\d{6}\\.db  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  \\d+ KB"
                        + "  3 reviews"),
                l -> assertThat(l).matches("progress-\\d{4}-\\d\\d-\\d\\d\\.db  .*  \\d+ KB  0 reviews"));
    }

    @Test
    void whenProgressDbIsMissingButBackupsExistTheCommandsSayHowToRestore() throws Exception {
        Path data = dataWithReviews(3);
        for (String name : java.util.List.of("progress.db", "progress.db-wal", "progress.db-shm")) {
            Files.deleteIfExists(data.resolve(name));
        }

        CliRun list = CliRun.run("--data-dir", data.toString(), "backup", "--list");
        CliRun check = CliRun.run("--data-dir", data.toString(), "store", "check");

        assertThat(list.out()).contains("progress.db is missing from " + data + "; to restore the newest backup, run:"
                + " lectern restore " + data.resolve("backups").resolve("progress-session-"));
        assertThat(data.resolve("progress.db")).as("--list opens nothing").exists();
        assertThat(check.err()).startsWith("progress.db was missing from " + data + ", so Lectern started a new, empty"
                + " one. The newest backup, " + data.resolve("backups").resolve("progress-session-"))
                .contains(", holds 3 reviews; to go back to it, close Lectern and run: lectern restore ");
    }

    @Test
    void storeCheckOnAProgressDbThatIsAFolderSaysSoWithoutAStackTraceInItsOwnJvm() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("progress.db"));
        Path stderr = tmp.resolve("stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.lectern.app.Main", "--data-dir", data.toString(), "store", "check")
                .redirectError(stderr.toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile()).start();

        assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        String err = Files.readString(stderr);
        assertThat(err).startsWith(data.resolve("progress.db") + " is a folder, not a file, so Lectern cannot keep your"
                + " progress in it.").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.lines().count()).isLessThanOrEqualTo(3);
    }
}
