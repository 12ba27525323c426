package dev.lectern.store;

import static dev.lectern.store.Reviews.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A typed answer's review keeps the grader's own verdict beside the student's, so an override is kept with it. */
class GraderVerdictTest {

    @TempDir
    Path dir;

    private static ReviewRecord overridden(String answer) {
        return new ReviewRecord(new CardKey("sam", "why-promptable"), T0, FlashcardRating.GOOD, OptionalInt.of(41),
                Optional.of(Verdict.CORRECT), answer, Duration.ofSeconds(30), ReviewMode.PRACTICE,
                Optional.of(Verdict.PARTIAL));
    }

    @Test
    void anOverrideIsOnDiskWithItsAnswerAndBothVerdictsAfterReopening() {
        ReviewRecord review = overridden("one model answers any prompt, so it transfers zero-shot");
        try (ProgressStore store = ProgressStore.open(dir, Clock.fixed(T0, ZoneOffset.UTC))) {
            assertThat(store.append(review).saved()).isTrue();
        }
        try (ProgressStore reopened = ProgressStore.open(dir, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))) {
            assertThat(reopened.allReviews()).singleElement().satisfies(r -> {
                assertThat(r.graded()).contains(Verdict.PARTIAL);
                assertThat(r.verdict()).contains(Verdict.CORRECT);
                assertThat(r.answer()).isEqualTo(review.answer());
                assertThat(r.overridden()).isTrue();
            });
        }
    }

    @Test
    void aReviewKeptInTheJournalKeepsTheGradersVerdictToo() throws Exception {
        ReviewRecord review = overridden("it answers any prompt");
        Path journal = dir.resolve("journal.jsonl");
        Files.write(journal, UnsavedReviews.lines(List.of(review)));

        assertThat(UnsavedReviews.read(journal)).containsExactly(review);
    }

    @Test
    void aReviewTheStudentAcceptedOrOneWithoutAGradeIsNoOverride() {
        ReviewRecord accepted = new ReviewRecord(new CardKey("sam", "q"), T0, FlashcardRating.GOOD, OptionalInt.of(90),
                Optional.of(Verdict.CORRECT), "an answer", Duration.ZERO, ReviewMode.PRACTICE,
                Optional.of(Verdict.CORRECT));
        ReviewRecord flashcard = new ReviewRecord(new CardKey("sam", "q"), T0, FlashcardRating.GOOD,
                OptionalInt.empty(), Optional.empty(), "", Duration.ZERO, ReviewMode.FLASHCARD);

        assertThat(accepted.overridden()).isFalse();
        assertThat(flashcard.overridden()).isFalse();
        assertThat(overridden("x").overridden()).isTrue();
    }
}
