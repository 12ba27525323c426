package dev.lectern.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lectern bench startup}: start-up to the first rendered reading, against a bare JavaFX window with a
 * WebView, each run in a fresh JVM as a user would start it. Needs a display (Xvfb will do).
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Times start-up to a rendered first reading (lectern --ready-exit) against a bare JavaFX"
                + " window with a WebView, in fresh JVMs, alternating, and prints medians and their ratio; also each"
                + " with and without class-data sharing (Lectern's own archive; LECTERN_CDS=off).")
public final class StartupBenchCommand extends Measurement {

    private final String lecternMain;
    private final String bareWindowMain;

    /**
     * With the main classes to time: Lectern's and the bare JavaFX window's. Passed in by the app, which owns both,
     * so that this package needs no JavaFX.
     */
    public StartupBenchCommand(String lecternMain, String bareWindowMain) {
        this.lecternMain = lecternMain;
        this.bareWindowMain = bareWindowMain;
    }

    @Option(names = "--launcher", paramLabel = "PATH", description = "Also time this launcher of Lectern (the app"
            + " image's bin/lectern from ./mvnw -Pinstaller package) to the first reading.")
    Path launcher;

    @Option(names = "--runs", defaultValue = "7", description = "Runs of each (default ${DEFAULT-VALUE}); the first of each is a warm-up.")
    int runs;

    @Override
    Optional<String> wrongOptions() {
        return unless(runs >= 2, "--runs must be at least 2.");
    }

    @Override
    int measure(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        // The bare window gets the same class-data sharing as Lectern in a column of its own: an archive of its
        // classes, written by its first (warm-up) run.
        Path bareArchiveDir = Files.createTempDirectory("lectern-bench-cds");
        Path bareArchive = bareArchiveDir.resolve("bare.jsa");
        List<Long> bare = new ArrayList<>();
        List<Long> bareShared = new ArrayList<>();
        List<Long> lectern = new ArrayList<>();
        List<Long> lecternUnshared = new ArrayList<>();
        List<Long> image = new ArrayList<>();
        List<Long> bareRss = new ArrayList<>();
        List<Long> lecternRss = new ArrayList<>();
        List<Long> imageRss = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                long[] bareRun = run(List.of(java, "-cp", classPath, bareWindowMain), Map.of());
                long b = bareRun[0];
                long bs = run(List.of(java, (i == 0 ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + bareArchive,
                        "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath,
                        bareWindowMain), Map.of())[0];
                long[] lecternRun = run(List.of(java, "-cp", classPath, lecternMain, "--ready-exit"), Map.of());
                long l = lecternRun[0];
                long lu = run(List.of(java, "-cp", classPath, lecternMain, "--ready-exit"), Map.of("LECTERN_CDS", "off"))[0];
                long[] imageRun = launcher == null ? new long[] {-1, -1}
                        : run(List.of(launcher.toString(), "--ready-exit"), Map.of());
                out.printf(Locale.ROOT, "run %d: bare WebView window %d ms (with CDS %d ms), Lectern first reading %d ms"
                        + " (without CDS %d ms)%s%s%n", i + 1, b, bs, l, lu,
                        launcher == null ? "" : ", app image " + imageRun[0] + " ms",
                        i == 0 ? " (warm-up, not counted)" : "");
                out.flush();
                if (i > 0) {
                    bare.add(b);
                    bareShared.add(bs);
                    lectern.add(l);
                    lecternUnshared.add(lu);
                    image.add(imageRun[0]);
                    bareRss.add(bareRun[1]);
                    lecternRss.add(lecternRun[1]);
                    imageRss.add(imageRun[1]);
                }
            }
        } finally {
            Files.deleteIfExists(bareArchive);
            Files.deleteIfExists(bareArchiveDir);
        }
        long bareMedian = median(bare);
        long lecternMedian = median(lectern);
        out.printf(Locale.ROOT, "median: bare WebView window %d ms, Lectern first reading %d ms, ratio %.2f (goal under 1.30)%n",
                bareMedian, lecternMedian, lecternMedian / (double) bareMedian);
        long bareSharedMedian = median(bareShared);
        long lecternUnsharedMedian = median(lecternUnshared);
        out.printf(Locale.ROOT, "median, both with class-data sharing: bare %d ms, Lectern %d ms, ratio %.2f%n",
                bareSharedMedian, lecternMedian, lecternMedian / (double) bareSharedMedian);
        out.printf(Locale.ROOT, "median, both without: bare %d ms, Lectern %d ms (LECTERN_CDS=off), ratio %.2f%n",
                bareMedian, lecternUnsharedMedian, lecternUnsharedMedian / (double) bareMedian);
        if (launcher != null) {
            long imageMedian = median(image);
            out.printf(Locale.ROOT, "median: app image %d ms, ratio to the bare window %.2f (goal under 1.30)%n",
                    imageMedian, imageMedian / (double) bareMedian);
        }
        if (median(lecternRss) > 0) {
            out.printf(Locale.ROOT, "resident memory at ready (median): bare window %d MB, Lectern %d MB (the window's"
                    + " JVM)%s (goal at most 450 MB)%n", median(bareRss), median(lecternRss),
                    launcher == null ? "" : ", app image " + median(imageRss) + " MB");
        }
        out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        out.flush();
        return 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    /** The time to ready in ms, and the resident memory then in MB (-1 when not told). */
    private static long[] run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String ready = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("ready ")) {
                    ready = line;
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (ready == null) {
            throw new IOException("no \"ready\" line from " + String.join(" ", command.subList(1, command.size()))
                    + " (is there a display?):\n" + output);
        }
        String[] words = ready.substring("ready ".length()).trim().split("\\s+");
        long rss = words.length >= 3 && words[1].equals("rss") ? Long.parseLong(words[2]) : -1;
        return new long[] {Long.parseLong(words[0]), rss};
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
