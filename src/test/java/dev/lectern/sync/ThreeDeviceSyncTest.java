package dev.lectern.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.cli.CliContext;
import dev.lectern.cli.CliRun;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.store.ProgressStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three devices and one shared folder, all through the command line: interleaved reviews of the same questions,
 * syncs in a random order, a file cut off as if its writer were killed, and copies the sync tool made.
 */
class ThreeDeviceSyncTest {

    private static final Clock NOW = Clock.fixed(SyncDevices.T0.plus(Duration.ofDays(3)), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void allThreeEndWithTheSameReviewsCardStatesAndStatistics() throws IOException {
        SyncDevices d = new SyncDevices(tmp, 3);
        Random random = new Random(19);
        int made = 0;
        List<String> said = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            int device = random.nextInt(3);
            d.review(device, SyncDevices.QUESTIONS.get(random.nextInt(3)), // overlapping: three of the five
                    SyncDevices.T0.plus(Duration.ofMinutes(37L * round + device)),
                    FlashcardRating.values()[random.nextInt(4)]);
            made++;
            if (random.nextInt(3) == 0) {
                CliRun run = sync(d, random.nextInt(3));
                assertThat(run.exitCode()).as(run.err()).isZero();
                said.add(run.out());
            }
            if (round == 20) {
                cutOffTheNewestFile(d); // a writer killed mid-write, its file half copied by the sync tool
            }
            if (round == 25) {
                Path some = d.segments().get(0);
                Files.copy(some, some.resolveSibling(some.getFileName().toString().replace(".jsonl", " (1).jsonl")));
            }
        }
        restoreTheCutFile(d);
        for (int pass = 0; pass < 2; pass++) {
            for (int device : new int[] {2, 0, 1}) {
                CliRun run = sync(d, device);
                assertThat(run.exitCode()).as(run.err()).isZero();
                said.add(run.out());
            }
        }

        assertThat(List.of(d.reviewCount(0), d.reviewCount(1), d.reviewCount(2))).containsOnly(made);
        assertThat(d.cardStates(1)).isEqualTo(d.cardStates(0));
        assertThat(d.cardStates(2)).isEqualTo(d.cardStates(0));
        assertThat(d.reviews(1)).isEqualTo(d.reviews(0));
        assertThat(d.reviews(2)).isEqualTo(d.reviews(0));
        String stats = stats(d, 0);
        assertThat(stats).contains(made + " reviews");
        assertThat(stats(d, 1)).isEqualTo(stats);
        assertThat(stats(d, 2)).isEqualTo(stats);
        String all = String.join("\n", said);
        assertThat(all).contains(" (1).jsonl: not a file Lectern wrote");
        assertThat(all).containsPattern("\\.jsonl:\\d+: the file is cut off in this line");
    }

    private Path cut;
    private byte[] whole;

    private void cutOffTheNewestFile(SyncDevices d) throws IOException {
        cut = d.segments().stream().max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
                .orElseThrow();
        whole = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
    }

    private void restoreTheCutFile(SyncDevices d) throws IOException {
        Files.write(cut, whole);
    }

    private static CliRun sync(SyncDevices d, int device) {
        return CliRun.run("--data-dir", d.dataRoots.get(device).toString(), "sync", d.shared.toString(), "--course",
                d.courseDir.toString());
    }

    private static String stats(SyncDevices d, int device) {
        CliContext context = new CliContext(() -> {
            throw new AssertionError("stats grades nothing");
        }, () -> new BufferedReader(new StringReader("")), false, StandardCharsets.UTF_8,
                dataDir -> ProgressStore.open(dataDir, NOW), NOW);
        CliRun run = CliRun.run(context, "--data-dir", d.dataRoots.get(device).toString(), "stats", "--course",
                d.courseDir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }
}
