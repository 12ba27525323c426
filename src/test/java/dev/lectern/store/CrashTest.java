package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.scheduling.ReviewRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Lectern killed (SIGKILL) at random points loses no review it said was saved, and leaves a sound database. */
class CrashTest {

    static final int RUNS = 16;

    @TempDir
    Path tmp;

    @Test
    void aKilledLecternLosesNoAcknowledgedReviewAndLeavesASoundDatabase() throws Exception {
        Path data = tmp.resolve("data");
        Random random = new Random(20260302);
        int acknowledged = 0;
        for (int run = 0; run < RUNS; run++) {
            List<String> said;
            try (ChildJvm child = new ChildJvm(tmp.resolve("child-" + run + ".log"), "append", data.toString(),
                    Integer.toString(run))) {
                if (run % 4 == 3) {
                    // Killed while it opens: checking, upgrading or backing up the database.
                    Thread.sleep(100 + random.nextInt(500));
                } else {
                    assertThat(child.awaitLine(l -> l.startsWith("ack "), 30_000))
                            .as("run %d acknowledged a review; its log: %s", run, log(tmp.resolve("child-" + run + ".log")))
                            .isTrue();
                    Thread.sleep(random.nextInt(300));
                }
                said = child.kill();
            }
            String runName = Integer.toString(run);
            Set<String> acked = said.stream().filter(l -> l.startsWith("ack ")).map(l -> l.substring(4))
                    .map(n -> StoreChild.answer(runName, Integer.parseInt(n)))
                    .collect(Collectors.toSet());
            acknowledged += acked.size();

            try (ProgressStore store = ProgressStore.open(data, Clock.systemUTC())) {
                assertThat(store.notices()).as("run %d", run).isEmpty();
                Set<String> saved = store.allReviews().stream().map(ReviewRecord::answer).collect(Collectors.toSet());
                assertThat(saved).as("run %d: every acknowledged review is saved", run).containsAll(acked);
                StoreCheck check = store.check();
                assertThat(check.integrityProblems()).as("run %d: integrity_check", run).isEmpty();
                assertThat(check.staleCards()).as("run %d: card states match the log", run).isZero();
            }
        }
        assertThat(acknowledged).as("reviews acknowledged over all runs").isGreaterThan(RUNS);
    }

    private static String log(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(none)";
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    }
}
