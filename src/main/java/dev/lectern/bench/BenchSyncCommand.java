package dev.lectern.bench;

import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.ProgressStore;
import dev.lectern.store.SaveResult;
import dev.lectern.sync.Sync;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lectern bench sync}: how long a device takes to merge the reviews of three others from a sync folder. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Writes N synthetic reviews, split over 3 devices (each its own data folder, the same cards), and"
                + " has each send them to a temporary sync folder.",
            "Then times a new device taking all of them in: reading the files, putting the reviews into its log and"
                    + " rebuilding every card's state from the merged log (goal < 2 s for 100,000 reviews).",
            "The median of several runs, each on a fresh device."})
final class BenchSyncCommand extends Measurement {

    @Mixin
    final SyntheticLog log = new SyntheticLog();

    @Mixin
    final Runs repeats = new Runs(3);

    private static final String COURSE = "bench-course";

    @Override
    Optional<String> wrongOptions() {
        return unless(log.reviews >= 3 && log.cards >= 1 && repeats.count >= 1,
                "--reviews must be at least 3, --cards and --runs at least 1.");
    }

    @Override
    int measure(PrintWriter out, PrintWriter err) throws IOException {
        return inTemporaryFolder("lectern-bench-sync-", out, dir -> run(out, dir));
    }

    private void run(PrintWriter out, Path dir) throws IOException {
        Clock clock = Clock.systemUTC();
        Path folder = Files.createDirectories(dir.resolve("shared"));
        List<List<ReviewRecord>> devices = synthetic(clock.instant());
        long t0 = System.nanoTime();
        for (int i = 0; i < devices.size(); i++) {
            try (ProgressStore store = ProgressStore.open(dir.resolve("device-" + i), clock)) {
                SaveResult written = store.appendAll(devices.get(i));
                if (!written.saved()) {
                    throw new IllegalStateException(written.message());
                }
            }
        }
        out.printf(Locale.ROOT, "wrote %d reviews of %d cards on 3 devices in %d ms%n", log.reviews, log.cards,
                (System.nanoTime() - t0) / 1_000_000);
        double[] send = new double[devices.size()];
        for (int i = 0; i < devices.size(); i++) {
            try (ProgressStore store = ProgressStore.open(dir.resolve("device-" + i), clock)) {
                long s = System.nanoTime();
                Sync.Report sent = i == 0 ? Sync.run(store, COURSE, folder) : sendOnly(store, folder, dir, i);
                send[i] = (System.nanoTime() - s) / 1e6;
                if (sent.sent() != devices.get(i).size()) {
                    throw new IllegalStateException("device " + i + " sent " + sent.sent() + " records");
                }
            }
        }
        out.printf(Locale.ROOT, "sending: %.0f ms for the first device's %d reviews (a file of its own)%n", send[0],
                devices.get(0).size());
        double[] merge = new double[repeats.count];
        Sync.Report last = null;
        for (int r = 0; r < repeats.count; r++) {
            try (ProgressStore store = ProgressStore.open(dir.resolve("new-device-" + r), clock)) {
                long s = System.nanoTime();
                last = Sync.run(store, COURSE, folder);
                merge[r] = (System.nanoTime() - s) / 1e6;
                if (store.allReviews().size() != log.reviews) {
                    throw new IllegalStateException("the new device holds " + store.allReviews().size() + " reviews");
                }
            }
        }
        out.printf(Locale.ROOT, "merge on a new device: median %.0f ms of %d runs (goal < 2000 ms): %d reviews from"
                + " %d devices taken in, %d cards rebuilt%n", BenchStoreCommand.median(merge), repeats.count,
                last.taken().reviews(), last.devices(), last.taken().cardsChanged());
        try (ProgressStore store = ProgressStore.open(dir.resolve("device-0"), clock)) {
            long s = System.nanoTime();
            Sync.Report again = Sync.run(store, COURSE, folder);
            out.printf(Locale.ROOT, "first device taking in the other two: %.0f ms, %d reviews%n",
                    (System.nanoTime() - s) / 1e6, again.taken().reviews());
            s = System.nanoTime();
            Sync.run(store, COURSE, folder);
            out.printf(Locale.ROOT, "a sync with nothing new: %.0f ms%n", (System.nanoTime() - s) / 1e6);
        }
    }

    /** Sends a device's reviews without taking in the others' first: through a folder of its own, then moved over. */
    private static Sync.Report sendOnly(ProgressStore store, Path folder, Path dir, int i) throws IOException {
        Path own = Files.createDirectories(dir.resolve("alone-" + i));
        Sync.Report sent = Sync.run(store, COURSE, own);
        try (Stream<Path> devices = Files.list(own.resolve("lectern-sync").resolve(COURSE))) {
            for (Path device : devices.toList()) {
                Path target = folder.resolve("lectern-sync").resolve(COURSE).resolve(device.getFileName().toString());
                Files.createDirectories(target.getParent());
                Files.move(device, target);
            }
        }
        return sent;
    }

    /** {@code reviews} reviews over the last year, dealt round the 3 devices, of the same cards. */
    private List<List<ReviewRecord>> synthetic(Instant now) {
        Random random = new Random(log.seed);
        Instant start = now.minus(Duration.ofDays(365));
        long span = Duration.between(start, now).toMillis();
        List<List<ReviewRecord>> devices = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < log.reviews; i++) {
            Instant at = start.plusMillis((long) ((double) span * i / log.reviews));
            int q = random.nextInt(log.cards);
            CardKey card = new CardKey("set-" + q / 20, "q-" + q);
            int roll = random.nextInt(100);
            FlashcardRating rating = roll < 12 ? FlashcardRating.AGAIN : roll < 25 ? FlashcardRating.HARD
                    : roll < 90 ? FlashcardRating.GOOD : FlashcardRating.EASY;
            devices.get(random.nextInt(3)).add(new ReviewRecord(card, at, rating, OptionalInt.empty(),
                    Optional.empty(), "", Duration.ofMillis(2000 + random.nextInt(20_000)), ReviewMode.REVIEW));
        }
        return devices;
    }

}
