package dev.lectern.bench;

import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.DueQueue;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.ProgressStore;
import dev.lectern.store.SaveResult;
import dev.lectern.study.StudyStatistics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lectern bench store}: the progress database's speed on a year of synthetic reviews. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Writes N synthetic reviews of a course's cards over the last year into a temporary data folder.",
            "Then prints the median of several runs for: opening the store and building today's review queue (goal"
                    + " < 200 ms), computing the statistics from the whole log (goal < 300 ms), and reviews committed"
                    + " per second, one append (one transaction, synced to disk) at a time."})
final class BenchStoreCommand extends Measurement {

    @Mixin
    final SyntheticLog log = new SyntheticLog();

    @Mixin
    final Runs repeats = new Runs(7);

    @Option(names = "--appends", defaultValue = "300", description = "Single appends timed (default ${DEFAULT-VALUE}).")
    int appends;

    @Override
    Optional<String> wrongOptions() {
        return unless(log.reviews >= 0 && log.cards >= 1 && repeats.count >= 1 && appends >= 1,
                "--cards, --runs and --appends must be at least 1, --reviews at least 0.");
    }

    @Override
    int measure(PrintWriter out, PrintWriter err) throws IOException {
        return inTemporaryFolder("lectern-bench-store-", out, dir -> run(out, dir));
    }

    private void run(PrintWriter out, Path dir) {
        ZoneId zone = ZoneId.systemDefault();
        Clock clock = Clock.system(zone);
        Instant now = clock.instant();
        List<CardKey> course = new ArrayList<>();
        for (int i = 0; i < log.cards; i++) {
            course.add(new CardKey("set-" + (i / 20), "q-" + i));
        }
        List<StudyStatistics.ReadingCards> readings = new ArrayList<>();
        for (int start = 0; start < log.cards; start += 20) {
            readings.add(new StudyStatistics.ReadingCards("reading-" + start / 20, "Reading " + start / 20,
                    course.subList(start, Math.min(log.cards, start + 20))));
        }

        long t0 = System.nanoTime();
        try (ProgressStore store = ProgressStore.open(dir, clock)) {
            SaveResult written = store.appendAll(synthetic(course, now));
            if (!written.saved()) {
                throw new IllegalStateException(written.message());
            }
        }
        out.printf(Locale.ROOT, "wrote %d reviews of %d cards over the last 365 days to %s in %d ms%n", log.reviews,
                log.cards, dir, ms(t0));

        double[] open = new double[repeats.count];
        int queued = 0;
        for (int i = 0; i < repeats.count; i++) {
            long s = System.nanoTime();
            try (ProgressStore store = ProgressStore.open(dir, clock)) {
                Map<CardKey, CardState> states = store.cardStates();
                int allowance = Math.max(0, store.schedulerSettings().newPerDay()
                        - store.newIntroducedOn(LocalDate.now(clock), zone));
                queued = DueQueue.build(course, states, clock.instant(), allowance).size();
                open[i] = msD(s);
            }
        }
        out.printf(Locale.ROOT, "open + today's queue: median %.1f ms of %d runs (goal < 200 ms), %d cards in the"
                + " queue%n", median(open), repeats.count, queued);

        double[] stats = new double[repeats.count];
        try (ProgressStore store = ProgressStore.open(dir, clock)) {
            int total = 0;
            for (int i = 0; i < repeats.count; i++) {
                long s = System.nanoTime();
                StudyStatistics figures = StudyStatistics.compute(store.allReviews(), store.cardStates(), readings,
                        clock.instant(), zone);
                stats[i] = msD(s);
                total = figures.totalReviews();
            }
            out.printf(Locale.ROOT, "statistics (allReviews + cardStates + compute): median %.1f ms of %d runs"
                    + " (goal < 300 ms), %d reviews%n", median(stats), repeats.count, total);

            double[] each = new double[appends];
            Random random = new Random(log.seed + 1);
            long s0 = System.nanoTime();
            for (int i = 0; i < appends; i++) {
                long s = System.nanoTime();
                CardKey card = course.get(random.nextInt(course.size()));
                SaveResult saved = store.append(new ReviewRecord(card, clock.instant(), FlashcardRating.GOOD,
                        OptionalInt.empty(), Optional.empty(), "", Duration.ofSeconds(5), ReviewMode.REVIEW));
                if (!saved.saved()) {
                    throw new IllegalStateException(saved.message());
                }
                each[i] = msD(s);
            }
            double seconds = (System.nanoTime() - s0) / 1e9;
            out.printf(Locale.ROOT, "appends: %d reviews committed one at a time, %.0f per second (median %.2f ms,"
                    + " max %.2f ms each)%n", appends, appends / seconds, median(each),
                    Arrays.stream(each).max().orElse(0));
        }
        try {
            out.printf(Locale.ROOT, "database: %.1f MB%n", Files.size(dir.resolve("progress.db")) / (1024.0 * 1024.0));
        } catch (IOException e) {
            out.println("database: size unknown (" + e.getMessage() + ")");
        }
    }

    /** {@code reviews} reviews over the last year, oldest first: cards introduced over time, mostly recalled. */
    private List<ReviewRecord> synthetic(List<CardKey> course, Instant now) {
        Random random = new Random(log.seed);
        Instant start = now.minus(Duration.ofDays(365));
        long span = Duration.between(start, now).toMillis();
        List<ReviewRecord> made = new ArrayList<>(log.reviews);
        for (int i = 0; i < log.reviews; i++) {
            Instant at = start.plusMillis((long) ((double) span * i / Math.max(1, log.reviews)));
            // Cards are introduced in course order as the year goes on, then come back.
            int reached = 1 + (int) ((long) course.size() * (i + 1) / Math.max(1, log.reviews));
            CardKey card = course.get(random.nextInt(Math.min(course.size(), reached)));
            int roll = random.nextInt(100);
            FlashcardRating rating = roll < 12 ? FlashcardRating.AGAIN : roll < 25 ? FlashcardRating.HARD
                    : roll < 90 ? FlashcardRating.GOOD : FlashcardRating.EASY;
            boolean typed = random.nextInt(3) == 0;
            made.add(new ReviewRecord(card, at, rating,
                    typed ? OptionalInt.of(random.nextInt(101)) : OptionalInt.empty(),
                    typed ? Optional.of(rating == FlashcardRating.AGAIN ? Verdict.INCORRECT
                            : rating == FlashcardRating.HARD ? Verdict.PARTIAL : Verdict.CORRECT) : Optional.empty(),
                    typed ? "a typed answer of a few words, number " + i : "",
                    Duration.ofMillis(2000 + random.nextInt(20_000)), typed ? ReviewMode.PRACTICE : ReviewMode.REVIEW));
        }
        return made;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static double msD(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

}
