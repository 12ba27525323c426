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
        } else {
            throw new IllegalArgumentException(args[0]);
        }
    }

    static String answer(String run, int i) {
        return "run " + run + " review " + i;
    }
}
