package dev.lectern.store;

import static dev.lectern.store.Reviews.T0;
import static dev.lectern.store.Reviews.flashcard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.sqlite.Sqlite;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taking back a rating in a real SQLite file: the log stays append-only, the undo is recorded, states rebuilt. */
class UndoRatingTest {

    @TempDir
    Path dir;

    private ProgressStore open() {
        return ProgressStore.open(dir, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    @Test
    void anUndoneRatingNoLongerCountsAfterReopeningButStaysInTheLog() throws Exception {
        ReviewRecord first = flashcard("sam", "promptable", T0, FlashcardRating.GOOD);
        ReviewRecord again = flashcard("sam", "promptable", T0.plusSeconds(600), FlashcardRating.AGAIN);
        ReviewRecord other = flashcard("sam", "decoder", T0.plusSeconds(700), FlashcardRating.EASY);
        try (ProgressStore store = open()) {
            store.append(first);
            store.append(again);
            store.append(other);
            int repsBefore = store.cardStates().get(first.card()).reps();

            assertThat(store.undo(again).saved()).isTrue();

            assertThat(store.allReviews()).containsExactly(first, other);
            assertThat(store.cardStates().get(first.card()).reps()).isEqualTo(repsBefore - 1);
        }
        try (ProgressStore reopened = open()) {
            assertThat(reopened.allReviews()).containsExactly(first, other);
            assertThat(reopened.check().ok()).as("the cached states match the log's replay").isTrue();
            assertThat(Sqlite.queryLong(reopened.connection(), "SELECT count(*) FROM review")).isEqualTo(3);
            assertThatThrownBy(() -> Sqlite.exec(reopened.connection(), "DELETE FROM review_undo"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void undoingTheOnlyRatingOfAQuestionMakesItNewAgain() {
        ReviewRecord only = flashcard("sam", "promptable", T0, FlashcardRating.HARD);
        try (ProgressStore store = open()) {
            store.append(only);

            assertThat(store.undo(only).saved()).isTrue();

            assertThat(store.cardStates()).doesNotContainKey(new CardKey("sam", "promptable"));
            assertThat(store.undo(only).saved()).as("a rating is taken back once").isFalse();
        }
    }
}
