package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.ReviewRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Lecterns on one data folder: the second shows the progress read-only and saves its reviews once it can. */
class TwoProcessTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondLecternOpensReadOnlyKeepsItsReviewsAndSavesThemWhenTheFirstExits() throws Exception {
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("child.log");
        try (ChildJvm first = new ChildJvm(log, "hold", data.toString())) {
            assertThat(first.awaitLine(l -> l.startsWith("open"), 30_000)).as(Files.exists(log) ? Files.readString(log)
                    : "no log").isTrue();
            assertThat(first.lines).contains("open false");

            try (ProgressStore second = ProgressStore.open(data, Clock.systemUTC())) {
                assertThat(second.readOnly()).isTrue();
                assertThat(second.notices()).singleElement().asString().isEqualTo("Another Lectern is using "
                        + data.toAbsolutePath() + "; this window shows your progress but does not save it. Reviews"
                        + " you make here are kept and saved once the other one is closed.");
                assertThat(second.allReviews()).extracting(ReviewRecord::answer).containsExactly("from the first Lectern");

                ReviewRecord mine = Reviews.typed("hold", "q", Instant.parse("2026-03-02T11:00:00Z"), 40,
                        Verdict.PARTIAL, "from the second Lectern");
                SaveResult kept = second.append(mine);
                assertThat(kept.saved()).isFalse();
                assertThat(kept.pending()).isEqualTo(1);
                assertThat(kept.message()).startsWith("Your review is not saved yet: another Lectern is using "
                        + data.toAbsolutePath() + ". It is kept in " + data.toAbsolutePath().resolve("unsaved-reviews-"))
                        .endsWith(".jsonl and saved as soon as Lectern can write to "
                                + data.toAbsolutePath().resolve("progress.db") + ".");
                assertThat(second.cardStates().values()).singleElement().satisfies(s -> assertThat(s.reps()).isEqualTo(2));
                assertThat(second.retryPending().saved()).isFalse();

                first.process.getOutputStream().write("close\n".getBytes(StandardCharsets.UTF_8));
                first.process.getOutputStream().flush();
                assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(first.lines).contains("closed");

                assertThat(second.retryPending()).isEqualTo(SaveResult.ok());
                assertThat(second.readOnly()).isFalse();
                assertThat(second.pendingCount()).isZero();
                assertThat(UnsavedReviews.waiting(data.toAbsolutePath())).as("the journal, once all is saved").isEmpty();
            }
        }
        try (ProgressStore again = ProgressStore.open(data, Clock.systemUTC())) {
            assertThat(again.allReviews()).extracting(ReviewRecord::answer)
                    .containsExactly("from the first Lectern", "from the second Lectern");
            assertThat(again.check().ok()).isTrue();
        }
    }
}
