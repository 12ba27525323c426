package dev.lectern.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.scheduling.CardHistory;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.ProgressStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncTest {

    @TempDir
    Path tmp;

    @Test
    void twoDevicesEndWithEveryReviewOnceAndTheSameCardStates() throws IOException {
        SyncDevices d = new SyncDevices(tmp, 2);
        d.review(0, "one", SyncDevices.T0, FlashcardRating.GOOD);
        d.review(1, "one", SyncDevices.T0.plus(Duration.ofHours(1)), FlashcardRating.AGAIN);
        d.review(1, "two", SyncDevices.T0.plus(Duration.ofHours(2)), FlashcardRating.EASY);

        Sync.Report first = d.sync(0);
        d.sync(1);
        Sync.Report again = d.sync(0);
        d.sync(1);

        assertThat(first.sent()).isEqualTo(1);
        assertThat(again.taken().reviews()).isEqualTo(2);
        assertThat(d.reviewCount(0)).isEqualTo(3).isEqualTo(d.reviewCount(1));
        assertThat(d.cardStates(0)).isEqualTo(d.cardStates(1)).hasSize(2);
        assertThat(d.sync(0).lines()).contains("Sent: nothing new.");
    }

    @Test
    void aFileCutOffMidLineIsReportedAndTheRecordsBeforeItAreTakenIn() throws IOException {
        SyncDevices d = new SyncDevices(tmp, 2);
        for (int i = 0; i < 4; i++) {
            d.review(0, SyncDevices.QUESTIONS.get(i), SyncDevices.T0.plus(Duration.ofMinutes(i)), FlashcardRating.GOOD);
        }
        d.sync(0);
        Path segment = d.segments().get(0);
        byte[] whole = Files.readAllBytes(segment);
        String text = new String(whole, java.nio.charset.StandardCharsets.UTF_8);
        int cut = text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1) + 20; // inside the third review
        Files.write(segment, java.util.Arrays.copyOf(whole, cut));

        Sync.Report cutOff = d.sync(1);

        assertThat(cutOff.taken().reviews()).isEqualTo(2);
        assertThat(cutOff.problems()).singleElement().asString()
                .matches("lectern-sync/shared-course/[0-9a-f]{16}/\\d{13}-[0-9a-f]{8}\\.jsonl:4: the file is cut off in"
                        + " this line.*");
        Files.write(segment, whole); // the sync tool finishes copying it

        Sync.Report finished = d.sync(1);

        assertThat(finished.taken().reviews()).isEqualTo(2);
        assertThat(finished.problems()).isEmpty();
        assertThat(d.cardStates(1)).isEqualTo(d.cardStates(0));
        assertThat(d.sync(1).read()).isZero(); // a whole file is read once
    }

    @Test
    void aConflictedCopyAGarbageFileAndAForeignRecordAreSkippedAndNamed() throws IOException {
        SyncDevices d = new SyncDevices(tmp, 2);
        d.review(0, "one", SyncDevices.T0, FlashcardRating.GOOD);
        d.sync(0);
        Path segment = d.segments().get(0);
        String name = segment.getFileName().toString();
        Files.copy(segment, segment.resolveSibling(name.replace(".jsonl", " (conflicted copy 2026-03-02).jsonl")));
        Files.write(segment.resolveSibling("0000000000001-0badf00d.jsonl"), new byte[] {0, 1, 2, (byte) 0xff, '\n'});
        Files.writeString(segment.resolveSibling(".0000000000002-00000000.jsonl.abc.tmp"), "{\"half");

        Sync.Report report = d.sync(1);

        assertThat(report.taken().reviews()).isEqualTo(1);
        assertThat(report.problems()).hasSize(2);
        assertThat(String.join("\n", report.problems()))
                .contains("(conflicted copy 2026-03-02).jsonl: not a file Lectern wrote")
                .contains("0000000000001-0badf00d.jsonl:1: the line is not whole JSON")
                .doesNotContain(".tmp");
    }

    @Test
    void aFolderThatDisappearsMidSyncLeavesTheLocalLogUntouched() throws IOException {
        SyncDevices d = new SyncDevices(tmp, 3);
        d.review(0, "one", SyncDevices.T0, FlashcardRating.GOOD);
        d.review(1, "two", SyncDevices.T0, FlashcardRating.GOOD);
        d.sync(0);
        d.sync(1);
        d.review(2, "three", SyncDevices.T0, FlashcardRating.HARD);
        var before = d.cardStates(2);

        assertThatThrownBy(() -> d.sync(2, () -> {
            try {
                SyncDevices.delete(d.shared);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).isInstanceOf(IOException.class);

        assertThat(d.reviewCount(2)).isEqualTo(1);
        assertThat(d.cardStates(2)).isEqualTo(before);
        assertThatThrownBy(() -> d.sync(2)).isInstanceOf(IOException.class).hasMessageContaining("is not there");
        Files.createDirectories(d.shared);
        assertThat(d.sync(2).sent()).isEqualTo(1); // nothing was marked sent to the folder that went
    }

    @Test
    void aSyncNeverChangesAnotherDevicesFiles() throws IOException {
        SyncDevices d = new SyncDevices(tmp, 2);
        d.review(0, "one", SyncDevices.T0, FlashcardRating.GOOD);
        d.sync(0);
        Map<Path, String> before = new HashMap<>();
        for (Path p : d.segments()) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000));
            before.put(p, Files.readString(p));
        }
        d.review(1, "one", SyncDevices.T0.plus(Duration.ofDays(1)), FlashcardRating.GOOD);

        d.sync(1);
        d.sync(1);

        for (Map.Entry<Path, String> e : before.entrySet()) {
            assertThat(Files.readString(e.getKey())).isEqualTo(e.getValue());
            assertThat(Files.getLastModifiedTime(e.getKey()).toMillis()).isEqualTo(1_000_000);
        }
        assertThat(d.segments()).hasSize(2);
    }

    @Test
    void clocksThatDisagreeDoNotReorderOneDevicesOwnReviews() throws IOException {
        SyncDevices d = new SyncDevices(tmp, 2);
        Duration behind = Duration.ofHours(5); // device b's clock is five hours slow
        d.review(0, "one", SyncDevices.T0.plus(Duration.ofHours(6)), FlashcardRating.AGAIN);
        d.sync(0);
        d.sync(1);
        d.review(1, "one", SyncDevices.T0.plus(Duration.ofHours(7)).minus(behind), FlashcardRating.GOOD);
        d.review(1, "one", SyncDevices.T0.plus(Duration.ofHours(8)).minus(behind), FlashcardRating.EASY);
        d.sync(1);
        d.sync(0);

        List<ReviewRecord> onA = d.reviews(0);
        List<ReviewRecord> onB = d.reviews(1);
        assertThat(onA).isEqualTo(onB);
        assertThat(onA.stream().map(ReviewRecord::rating)).containsExactly(FlashcardRating.GOOD,
                FlashcardRating.EASY, FlashcardRating.AGAIN);
        assertThat(d.cardStates(0)).isEqualTo(d.cardStates(1));
        var replayed = CardHistory.replay(onA.get(0).card(), onA, new Fsrs(SchedulerSettings.defaults()));
        assertThat(d.cardStates(0).get(onA.get(0).card()).reps()).isEqualTo(replayed.reps()).isEqualTo(3);
        assertThat(d.cardStates(0).get(onA.get(0).card()).stability()).isEqualTo(replayed.stability());
    }

    @Test
    void undosRenamesExamsAndTheNewestSettingsTravelToo() throws IOException {
        SyncDevices d = new SyncDevices(tmp, 2);
        // Reviews before the rename (the store's clock stands at T0), so they count for the new id.
        ReviewRecord taken = SyncDevices.review("one", SyncDevices.T0.minusSeconds(60), FlashcardRating.AGAIN, "oops");
        try (ProgressStore a = d.open(0)) {
            a.append(taken);
            a.undo(taken);
            a.append(SyncDevices.review("two", SyncDevices.T0.minusSeconds(55), FlashcardRating.GOOD, "two"));
            a.renameCard(new dev.lectern.scheduling.CardKey("counting", "two"),
                    new dev.lectern.scheduling.CardKey("counting", "three"));
            a.saveSchedulerSettings(SchedulerSettings.defaults().withDesiredRetention(0.85));
        }
        try (ProgressStore b = d.open(1)) {
            b.saveSchedulerSettings(SchedulerSettings.defaults().withDesiredRetention(0.80)); // older: clock is fixed
        }

        d.sync(1);
        Sync.Report toB = d.sync(0);
        Sync.Report onB = d.sync(1);

        assertThat(toB.sent()).isEqualTo(5); // two reviews, an undo, a rename, the settings
        assertThat(onB.taken().undos()).isEqualTo(1);
        assertThat(onB.taken().renames()).isEqualTo(1);
        try (ProgressStore a = d.open(0); ProgressStore b = d.open(1)) {
            assertThat(b.cardStates()).isEqualTo(a.cardStates()).containsOnlyKeys(
                    new dev.lectern.scheduling.CardKey("counting", "three"));
            assertThat(b.allReviews()).isEqualTo(a.allReviews()).hasSize(1);
            // Both changed at the same fixed time: the higher device id wins, the same on both.
            assertThat(b.schedulerSettings()).isEqualTo(a.schedulerSettings());
        }
    }
}
