package dev.lectern.store;

import dev.lectern.grading.Verdict;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * A second Lectern for the tests that need one in another JVM.
 *
 * <ul>
 *   <li>{@code append DIR RUN}: opens the store and appends reviews in a loop, printing {@code ack N} after each
 *       append that returned saved, until it is killed;</li>
 *   <li>{@code hold DIR}: opens the store, appends one review, prints {@code open}, and closes the store when a line
 *       (or the end) comes on standard input, printing {@code closed}.</li>
 *   <li>{@code review DIR RUN COUNT CHARS}: opens the store, prints its notices ({@code notice …}), appends COUNT
 *       reviews with answers of CHARS characters, printing {@code ack N} after each one saved and {@code kept N} and
 *       {@code said …} after each one not, then closes it;</li>
 *   <li>{@code list DIR}: opens the store, prints its notices and {@code has ANSWER} for each review in the log.</li>
 * </ul>
 */
public final class StoreChild {

    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[1]);
        if (args[0].equals("append")) {
            String run = args[2];
            try (ProgressStore store = ProgressStore.open(dir, Clock.systemUTC())) {
                Instant start = Instant.parse("2026-03-02T10:00:00Z");
                for (int i = 0; i < 1_000_000; i++) {
                    SaveResult result = store.append(Reviews.typed("crash", "q" + (i % 50), start.plusSeconds(i * 90L),
                            i % 101, Verdict.values()[i % 3], answer(run, i)));
                    if (result.saved()) {
                        out.println("ack " + i);
                    }
                }
            }
        } else if (args[0].equals("hold")) {
            try (ProgressStore store = ProgressStore.open(dir, Clock.systemUTC())) {
                store.append(Reviews.typed("hold", "q", Instant.parse("2026-03-02T10:00:00Z"), 90, Verdict.CORRECT,
                        "from the first Lectern"));
                out.println("open " + store.readOnly());
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            out.println("closed");
        } else if (args[0].equals("review")) {
            try (ProgressStore store = ProgressStore.open(dir, Clock.systemUTC())) {
                store.notices().forEach(n -> out.println("notice " + n));
                String padding = "x".repeat(Integer.parseInt(args[4]));
                // Each run at times of its own: a review is known by its card, time, rating and mode.
                Instant start = Instant.parse("2026-03-02T10:00:00Z").plusSeconds(86_400L * Math.floorMod(
                        args[2].hashCode(), 1000));
                for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                    SaveResult result = store.append(Reviews.typed("fault", "q" + (i % 20), start.plusSeconds(i * 61L),
                            i % 101, Verdict.values()[i % 3], answer(args[2], i) + " " + padding));
                    out.println((result.saved() ? "ack " : "kept ") + i);
                    if (!result.message().isEmpty()) {
                        out.println("said " + result.message());
                    }
                }
            }
        } else if (args[0].equals("list")) {
            try (ProgressStore store = ProgressStore.open(dir, Clock.systemUTC())) {
                store.notices().forEach(n -> out.println("notice " + n));
                store.allReviews().forEach(r -> out.println("has " + r.answer().split(" x")[0]));
            }
        } else {
            throw new IllegalArgumentException(args[0]);
        }
    }

    static String answer(String run, int i) {
        return "run " + run + " review " + i;
    }
}
