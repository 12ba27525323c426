package dev.lectern.bench;

import dev.lectern.cli.Summary;
import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.search.CourseIndex;
import dev.lectern.search.SearchResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lectern bench search}: index build time and search-as-you-type latency on a synthetic course. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Writes a synthetic course to a temporary folder, loads it, builds the search index and prints"
                + " the build time, then types words and titles of the course one character at a time, searching"
                + " at every keystroke from the second on, and prints the latency (p50, p95, max) of those searches."
                + " The same searches run once before as a warm-up, reported on their own line.")
final class BenchSearchCommand extends Measurement {

    /** Hits per kind asked for by each search, about what the search box shows. */
    static final int HITS_PER_KIND = 10;

    @Mixin
    SyntheticCourse.Size size;

    @Option(names = "--queries", defaultValue = "1000", description = "Searches to time (default ${DEFAULT-VALUE}).")
    int queries;

    @Override
    Optional<String> wrongOptions() {
        return size.wrongOptions().or(() -> unless(queries >= 1, "--queries must be at least 1."));
    }

    @Override
    int measure(PrintWriter out, PrintWriter err) throws IOException {
        return size.inTemporaryFolder(out, false, dir -> {
            LoadedCourse loaded = CourseLoader.load(dir);
            out.printf(Locale.ROOT, "loaded %s%n", Summary.of(loaded));
            Course course = loaded.course();

            long start = System.nanoTime();
            try (CourseIndex index = CourseIndex.build(course)) {
                out.printf(Locale.ROOT, "index built in %d ms%n", (System.nanoTime() - start) / 1_000_000);

                List<String> typed = typedQueries(course, queries);
                Pass warmUp = time(index, typed);
                out.printf(Locale.ROOT, "warm-up: %d queries, %s%n", typed.size(), figures(warmUp.ms()));
                Pass measured = time(index, typed);
                out.printf(Locale.ROOT, "queries: %d typed prefixes, up to %d hits per kind, %d with hits%n",
                        typed.size(), HITS_PER_KIND, measured.withHits());
                out.printf(Locale.ROOT, "latency: %s%n", figures(measured.ms()));
            }
            out.println(SyntheticCourse.machine());
            return 0;
        });
    }

    /**
     * What a user types: words of the course's vocabulary, the first words of titles and short titles, each
     * growing one character at a time from two characters on, until there are {@code count} queries.
     */
    static List<String> typedQueries(Course course, int count) {
        List<Reading> all = course.readings();
        TreeSet<String> vocabulary = new TreeSet<>();
        for (Reading reading : all) {
            for (String word : reading.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
                if (word.length() >= 2) {
                    vocabulary.add(word);
                }
            }
        }
        List<String> words = new ArrayList<>(vocabulary);
        List<String> typed = new ArrayList<>(count);
        for (int i = 0; typed.size() < count; i++) {
            Reading reading = all.get((int) ((i * 7919L) % all.size()));
            String phrase = switch (i % 4) {
                case 0 -> words.isEmpty() ? reading.shortTitle() : words.get(i / 4 % words.size());
                case 1 -> firstWords(reading.title(), 2);
                case 2 -> firstWords(reading.title(), 3);
                default -> reading.shortTitle();
            };
            for (int length = 2; length <= phrase.length() && typed.size() < count; length++) {
                typed.add(phrase.substring(0, length));
            }
        }
        return typed;
    }

    private static String firstWords(String text, int n) {
        String[] words = text.trim().split("\\s+");
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(n, words.length)));
    }

    /** One run over the typed queries: the latency of each, in ms, and how many found anything. */
    private record Pass(double[] ms, int withHits) {
    }

    private static Pass time(CourseIndex index, List<String> typed) {
        double[] ms = new double[typed.size()];
        int withHits = 0;
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            SearchResults results = index.search(typed.get(i), HITS_PER_KIND);
            ms[i] = (System.nanoTime() - s) / 1e6;
            withHits += results.isEmpty() ? 0 : 1;
        }
        return new Pass(ms, withHits);
    }

    /** p50, p95 and max of latencies in ms, as every bench prints them. */
    static String figures(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
