package dev.lectern.store;

import static dev.lectern.store.Reviews.T0;
import static dev.lectern.store.Reviews.flashcard;
import static dev.lectern.store.Reviews.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardHistory;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path data;

    ProgressStore store;

    @BeforeEach
    void open() {
        store = ProgressStore.open(data, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ProgressStore reopen() {
        store.close();
        store = ProgressStore.open(data, CLOCK);
        return store;
    }

    @Test
    void aNewStoreIsWritableHasNothingToSayAndIsAtTheLatestSchema() throws Exception {
        assertThat(store.readOnly()).isFalse();
        assertThat(store.notices()).isEmpty();
        assertThat(Migrations.version(store.connection())).isEqualTo(Migrations.LATEST);
        assertThat(Sqlite.queryStrings(store.connection(), "PRAGMA journal_mode")).containsExactly("wal");
        assertThat(Sqlite.queryLong(store.connection(), "PRAGMA synchronous")).isEqualTo(2);
        assertThat(Sqlite.queryLong(store.connection(), "PRAGMA foreign_keys")).isEqualTo(1);
        assertThat(data.resolve("progress.db")).exists();
        assertThat(data.resolve("backups/progress-2026-03-02.db")).exists();
    }

    @Test
    void anAppendedReviewIsCommittedBeforeAppendReturnsAndReadsBackTheSame() throws Exception {
        ReviewRecord review = typed("llava", "data-source", T0, 72, Verdict.CORRECT, "GPT-4, from captions.");

        SaveResult result = store.append(review);

        assertThat(result).isEqualTo(SaveResult.ok());
        try (Connection other = Sqlite.open(data.resolve("progress.db"), true)) {
            assertThat(Sqlite.queryLong(other, "SELECT count(*) FROM review")).isEqualTo(1);
            assertThat(Sqlite.queryLong(other, "SELECT count(*) FROM card")).isEqualTo(1);
        }
        assertThat(reopen().reviews(T0, T0.plusMillis(1))).containsExactly(review);
        assertThat(store.allReviews()).containsExactly(review);
    }

    @Test
    void eachAppendUpdatesTheCardStateByFsrs() {
        ReviewRecord first = flashcard("sam", "parts", T0, FlashcardRating.GOOD);
        ReviewRecord second = flashcard("sam", "parts", T0.plus(Duration.ofMinutes(12)), FlashcardRating.EASY);
        Fsrs fsrs = new Fsrs(SchedulerSettings.defaults());
        CardKey card = first.card();
        CardState expected = fsrs.next(fsrs.next(CardState.NEW, FlashcardRating.GOOD, first.at(),
                Fsrs.fuzzFor(card, first.at())), FlashcardRating.EASY, second.at(), Fsrs.fuzzFor(card, second.at()));

        store.append(first);
        store.append(second);

        CardState state = store.cardStates().get(card);
        assertThat(state.reps()).isEqualTo(2);
        assertThat(state.stability()).isEqualTo(expected.stability());
        assertThat(state.difficulty()).isEqualTo(expected.difficulty());
        assertThat(state.lastReview()).contains(second.at());
        assertThat(state.due().map(d -> d.toEpochMilli())).isEqualTo(expected.due().map(d -> d.toEpochMilli()));
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        Instant at = T0.plusNanos(1_234_567);

        store.append(flashcard("sam", "parts", at, FlashcardRating.GOOD));

        assertThat(store.allReviews()).extracting(ReviewRecord::at).containsExactly(T0.plusMillis(1));
    }

    @Test
    void theReviewLogRefusesUpdatesAndDeletes() {
        store.append(flashcard("sam", "parts", T0, FlashcardRating.GOOD));
        Connection c = store.connection();

        assertThatThrownBy(() -> Sqlite.exec(c, "UPDATE review SET rating = 4"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Sqlite.exec(c, "DELETE FROM review"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(store.allReviews()).hasSize(1);
    }

    @Test
    void onAFullDiskReviewsAreKeptInOrderAndARetrySavesThemAll() throws Exception {
        store.append(flashcard("sam", "parts", T0, FlashcardRating.GOOD));
        StoreConnections.fillTheDisk(store);
        String longAnswer = "a long answer ".repeat(800);
        List<ReviewRecord> kept = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            kept.add(typed("llava", "q" + i, T0.plusSeconds(i), 50, Verdict.PARTIAL, longAnswer));
        }

        SaveResult first = store.append(kept.get(0));
        store.append(kept.get(1));
        SaveResult third = store.append(kept.get(2));

        assertThat(first.saved()).isFalse();
        assertThat(first.pending()).isEqualTo(1);
        assertThat(first.message()).isEqualTo("Your review could not be saved: the disk is full. It is kept in "
                + store.unsavedFile().orElseThrow() + " and saved as soon as Lectern can write to "
                + data.toAbsolutePath().resolve("progress.db") + ".");
        assertThat(store.unsavedFile().orElseThrow().getParent()).isEqualTo(data.toAbsolutePath());
        assertThat(third.pending()).isEqualTo(3);
        assertThat(store.pendingCount()).isEqualTo(3);
        assertThat(store.allReviews()).hasSize(4).endsWith(kept.toArray(ReviewRecord[]::new));
        assertThat(store.cardStates()).containsKey(new CardKey("llava", "q3"));
        assertThat(store.newIntroducedOn(LocalDate.of(2026, 3, 2), ZoneOffset.UTC)).isEqualTo(4);

        assertThat(store.retryPending().saved()).isFalse();
        Sqlite.exec(store.connection(), "PRAGMA max_page_count = 1073741823");
        assertThat(store.retryPending()).isEqualTo(SaveResult.ok());

        assertThat(reopen().allReviews()).hasSize(4).endsWith(kept.toArray(ReviewRecord[]::new));
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void theNextAppendSavesTheReviewsKeptBeforeIt() throws Exception {
        StoreConnections.fillTheDisk(store);
        ReviewRecord kept = typed("llava", "q1", T0, 50, Verdict.PARTIAL, "x".repeat(20_000));
        assertThat(store.append(kept).saved()).isFalse();
        Sqlite.exec(store.connection(), "PRAGMA max_page_count = 1073741823");

        ReviewRecord next = flashcard("llava", "q2", T0.plusSeconds(5), FlashcardRating.HARD);
        assertThat(store.append(next)).isEqualTo(SaveResult.ok());

        assertThat(reopen().allReviews()).containsExactly(kept, next);
    }

    @Test
    void rebuildingFromTheLogGivesTheLiveStateAndRepairsAStaleCache() throws Exception {
        for (ReviewRecord r : Reviews.random(7, 1500, 60, T0)) {
            assertThat(store.append(r).saved()).isTrue();
        }
        Map<CardKey, CardState> live = store.cardStates();

        assertThat(store.rebuild()).isZero();
        assertThat(store.cardStates()).isEqualTo(live);

        Sqlite.exec(store.connection(), "UPDATE card SET stability = 1.5 WHERE question_id IN ('q-1', 'q-2')");
        Sqlite.exec(store.connection(), "INSERT INTO card VALUES ('gone', 'q', 'review', 0, 1, 5, 0, 0, 1, 0)");
        assertThat(store.check().staleCards()).isEqualTo(3);
        assertThat(store.rebuild()).isEqualTo(3);
        assertThat(store.cardStates()).isEqualTo(live);
        assertThat(store.check().ok()).isTrue();
    }

    @Test
    void aReviewOlderThanItsCardsLastReviewIsReplayedIntoPlace() {
        ReviewRecord later = flashcard("sam", "parts", T0.plus(Duration.ofDays(3)), FlashcardRating.GOOD);
        ReviewRecord earlier = flashcard("sam", "parts", T0, FlashcardRating.AGAIN);

        store.append(later);
        store.append(earlier);

        Fsrs fsrs = new Fsrs(SchedulerSettings.defaults());
        CardState replayed = CardHistory.replay(later.card(), List.of(earlier, later), fsrs);
        CardState state = store.cardStates().get(later.card());
        assertThat(state.reps()).isEqualTo(replayed.reps());
        assertThat(state.stability()).isEqualTo(replayed.stability());
        assertThat(state.lastReview()).contains(later.at());
    }

    @Test
    void schedulerSettingsAreSavedAndReadBack() {
        assertThat(store.schedulerSettings()).isEqualTo(SchedulerSettings.defaults());
        SchedulerSettings changed = SchedulerSettings.defaults().withDesiredRetention(0.85).withMaximumIntervalDays(365)
                .withNewPerDay(7).withFuzz(false);

        store.saveSchedulerSettings(changed);

        assertThat(reopen().schedulerSettings()).isEqualTo(changed);
    }

    @Test
    void reviewsAreReadByTimeRangeOldestFirst() {
        List<ReviewRecord> all = Reviews.random(3, 200, 20, T0);
        all.forEach(store::append);
        Instant from = all.get(50).at();
        Instant to = all.get(120).at();

        assertThat(store.reviews(from, to)).isEqualTo(all.subList(50, 120));
        assertThat(store.allReviews()).isEqualTo(all);
    }

    @Test
    void newCardsAreCountedOnTheDayOfTheirFirstReviewInTheGivenZone() {
        ZoneId zone = ZoneId.of("America/New_York");
        store.append(flashcard("s", "a", Instant.parse("2026-03-02T04:00:00Z"), FlashcardRating.GOOD)); // Mar 1, NY
        store.append(flashcard("s", "b", Instant.parse("2026-03-02T15:00:00Z"), FlashcardRating.GOOD));
        store.append(flashcard("s", "c", Instant.parse("2026-03-02T16:00:00Z"), FlashcardRating.GOOD));
        store.append(flashcard("s", "a", Instant.parse("2026-03-02T17:00:00Z"), FlashcardRating.GOOD)); // not new

        assertThat(store.newIntroducedOn(LocalDate.of(2026, 3, 2), zone)).isEqualTo(2);
        assertThat(store.newIntroducedOn(LocalDate.of(2026, 3, 1), zone)).isEqualTo(1);
        assertThat(store.newIntroducedOn(LocalDate.of(2026, 3, 2), ZoneOffset.UTC)).isEqualTo(3);
    }

    @Test
    void theReviewLogIsExportedAsCsvWithEveryReview() throws Exception {
        List<ReviewRecord> all = Reviews.random(5, 40, 8, T0);
        all.forEach(store::append);
        Path out = data.resolve("export/reviews.csv");

        assertThat(store.exportCsv(out)).isEqualTo(40);

        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.toFile())) {
            List<Map<String, String>> read = rows.readAll();
            assertThat(read).hasSize(40);
            assertThat(read.get(0).keySet()).containsExactly("id", "set_id", "question_id", "at", "rating", "score",
                    "verdict", "answer", "taken_ms", "mode", "grader_verdict");
            for (int i = 0; i < 40; i++) {
                ReviewRecord r = all.get(i);
                Map<String, String> row = read.get(i);
                assertThat(row.get("id")).isEqualTo(Integer.toString(i + 1));
                assertThat(row.get("question_id")).isEqualTo(r.card().questionId());
                assertThat(Instant.parse(row.get("at"))).isEqualTo(r.at());
                assertThat(row.get("answer")).isEqualTo(r.answer());
                assertThat(row.get("rating")).isEqualTo(Integer.toString(r.rating().number()));
            }
        }
        assertThat(out.getParent()).isDirectoryContaining(p -> p.getFileName().toString().equals("reviews.csv"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void aSecondStoreOnTheSameFolderIsReadOnlyAndSavesItsReviewsOnceTheFirstCloses() {
        store.append(flashcard("sam", "parts", T0, FlashcardRating.GOOD));
        try (ProgressStore second = ProgressStore.open(data, CLOCK)) {
            assertThat(second.readOnly()).isTrue();
            assertThat(second.notices()).singleElement().asString()
                    .startsWith("Another Lectern is using " + data.toAbsolutePath() + "; this window shows your"
                            + " progress but does not save it.");
            assertThat(second.allReviews()).hasSize(1);

            ReviewRecord kept = flashcard("sam", "masks", T0.plusSeconds(1), FlashcardRating.HARD);
            SaveResult result = second.append(kept);
            assertThat(result.saved()).isFalse();
            assertThat(result.pending()).isEqualTo(1);
            assertThat(result.message()).contains("another Lectern is using");
            assertThat(second.retryPending().saved()).isFalse();

            store.close();
            assertThat(second.retryPending()).isEqualTo(SaveResult.ok());
            assertThat(second.readOnly()).isFalse();
        }
        assertThat(reopen().allReviews()).hasSize(2);
    }

    @Test
    void reviewsASecondLecternCouldNotSaveBeforeClosingAreKeptInAFileAndSavedByTheNextOneToOpen() throws Exception {
        ReviewRecord kept = typed("sam", "masks", T0.plusSeconds(5), 64, Verdict.PARTIAL, "Points, boxes; \"masks\".");
        ProgressStore second = ProgressStore.open(data, CLOCK);
        assertThat(second.append(kept).saved()).isFalse();

        second.close();

        Path file = second.unsavedFile().orElseThrow();
        assertThat(file.getParent()).isEqualTo(data.toAbsolutePath());
        assertThat(store.allReviews()).isEmpty();

        ProgressStore next = reopen();
        assertThat(next.allReviews()).containsExactly(kept);
        assertThat(next.notices()).singleElement().asString()
                .isEqualTo("1 review that could not be saved before is now in your progress (kept meanwhile in "
                        + file + ").");
        assertThat(file).as("the journal, once its reviews are committed").doesNotExist();

        assertThat(reopen().allReviews()).containsExactly(kept);
        assertThat(store.notices()).isEmpty();
    }

    @Test
    void changingHowCardsAreScheduledReschedulesEveryCardFromTheLog() throws Exception {
        List<ReviewRecord> log = Reviews.random(11, 300, 30, T0);
        store.appendAll(log);
        Map<CardKey, CardState> before = store.cardStates();

        SchedulerSettings lower = SchedulerSettings.defaults().withDesiredRetention(0.80);
        store.saveSchedulerSettings(lower);

        Map<CardKey, CardState> after = store.cardStates();
        assertThat(store.check().staleCards()).isZero();
        Fsrs fsrs = new Fsrs(lower);
        for (CardKey card : after.keySet()) {
            List<ReviewRecord> history = log.stream().filter(r -> r.card().equals(card)).toList();
            CardState replayed = CardHistory.replay(card, history, fsrs);
            assertThat(after.get(card).due().map(Instant::toEpochMilli))
                    .isEqualTo(replayed.due().map(Instant::toEpochMilli));
        }
        long later = after.keySet().stream()
                .filter(c -> after.get(c).due().orElseThrow().isAfter(before.get(c).due().orElseThrow())).count();
        assertThat(later).as("cards due later at retention 0.80").isGreaterThan(after.size() / 2);

        store.saveSchedulerSettings(lower.withNewPerDay(3));
        assertThat(store.cardStates()).isEqualTo(after);
    }

    @Test
    void cardsComputedByAnotherSchedulerAreRecomputedAtOpenAndOnlyThen() throws Exception {
        store.appendAll(Reviews.random(5, 200, 20, T0));
        Map<CardKey, CardState> live = store.cardStates();
        Sqlite.exec(store.connection(), "UPDATE card SET stability = 1.5 WHERE question_id = 'q-1'");

        assertThat(reopen().check().staleCards()).as("same scheduler: the cache is trusted").isEqualTo(1);

        Sqlite.exec(store.connection(), "UPDATE setting SET value = 'FSRS-5, an older Lectern' WHERE key = 'scheduler'");
        assertThat(reopen().check().staleCards()).isZero();
        assertThat(store.cardStates()).isEqualTo(live);
    }

    @Test
    void aRenamedQuestionKeepsItsReviewHistoryUnderItsNewIdAndRebuildAgrees(@TempDir Path other) throws Exception {
        Instant later = T0.plus(Duration.ofDays(10));
        ReviewRecord first = flashcard("llava", "data", T0, FlashcardRating.GOOD);
        ReviewRecord second = flashcard("llava", "data", T0.plus(Duration.ofDays(2)), FlashcardRating.HARD);
        ReviewRecord unrelated = flashcard("llava", "other", T0.plus(Duration.ofDays(1)), FlashcardRating.AGAIN);
        try (ProgressStore renaming = ProgressStore.open(other, Clock.fixed(later, ZoneOffset.UTC))) {
            renaming.appendAll(List.of(first, unrelated, second));
            CardState before = renaming.cardStates().get(first.card());
            CardKey renamed = new CardKey("llava", "data-source");

            renaming.renameCard(first.card(), renamed);

            assertThat(renaming.cardStates()).doesNotContainKey(first.card()).containsEntry(renamed, before)
                    .containsKey(unrelated.card());
            assertThat(renaming.allReviews()).extracting(ReviewRecord::card)
                    .containsExactly(renamed, unrelated.card(), renamed);
            assertThat(renaming.reviews(T0, T0.plus(Duration.ofDays(1)))).extracting(ReviewRecord::card)
                    .containsExactly(renamed);
            assertThat(Sqlite.queryLong(renaming.connection(), "SELECT count(*) FROM review WHERE question_id = 'data'"))
                    .as("the log itself is untouched").isEqualTo(2);
            assertThat(renaming.check().ok()).isTrue();
            assertThat(renaming.rebuild()).isZero();
            assertThat(renaming.newIntroducedOn(LocalDate.of(2026, 3, 2), ZoneOffset.UTC)).isEqualTo(1);

            ReviewRecord next = flashcard("llava", "data-source", later.plus(Duration.ofDays(1)), FlashcardRating.GOOD);
            renaming.append(next);
            assertThat(renaming.cardStates().get(renamed).reps()).isEqualTo(3);
            assertThat(renaming.check().ok()).isTrue();
        }
        try (ProgressStore reopened = ProgressStore.open(other, Clock.fixed(later, ZoneOffset.UTC))) {
            assertThat(reopened.cardStates().get(new CardKey("llava", "data-source")).reps()).isEqualTo(3);
            assertThat(reopened.cardStates()).doesNotContainKey(first.card());
        }
    }

    @Test
    void aNewQuestionThatTakesARenamedIdLaterStartsAfreshAndRenamesChain(@TempDir Path other) throws Exception {
        Instant renameTime = T0.plus(Duration.ofDays(5));
        try (ProgressStore renaming = ProgressStore.open(other, Clock.fixed(renameTime, ZoneOffset.UTC))) {
            renaming.append(flashcard("s", "a", T0, FlashcardRating.GOOD));
            renaming.renameCard(new CardKey("s", "a"), new CardKey("s", "b"));
            renaming.renameCard(new CardKey("s", "b"), new CardKey("s", "c"));
            renaming.append(flashcard("s", "a", renameTime.plus(Duration.ofDays(1)), FlashcardRating.AGAIN));

            Map<CardKey, CardState> states = renaming.cardStates();
            assertThat(states).containsOnlyKeys(new CardKey("s", "a"), new CardKey("s", "c"));
            assertThat(states.get(new CardKey("s", "a")).reps()).isEqualTo(1);
            assertThat(states.get(new CardKey("s", "a")).lastReview()).contains(renameTime.plus(Duration.ofDays(1)));
            assertThat(states.get(new CardKey("s", "c")).lastReview()).contains(T0);
            assertThat(renaming.check().staleCards()).isZero();
        }
    }

    @Test
    void renamingACardInAReadOnlyStoreSaysWhy() throws Exception {
        Sqlite.exec(store.connection(), "PRAGMA user_version = 99");
        ProgressStore readOnly = reopen();
        assertThat(readOnly.readOnly()).isTrue();
        assertThatThrownBy(() -> readOnly.renameCard(new CardKey("s", "a"), new CardKey("s", "b")))
                .hasMessageStartingWith("The review history could not be carried over");
    }
}
