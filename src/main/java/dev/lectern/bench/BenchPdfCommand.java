package dev.lectern.bench;

import dev.lectern.interchange.pdf.PdfImportRequest;
import dev.lectern.interchange.pdf.PdfImportResult;
import dev.lectern.interchange.pdf.PdfImporter;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lectern bench pdf [FILE]}: importing a PDF (text and thumbnails) against poppler's {@code pdftotext} plus
 * {@code pdftoppm -r DPI -png} on the same file, in the same run. Goal: Lectern takes no longer than poppler.
 */
@Command(name = "pdf", mixinStandardHelpOptions = true,
        description = "Imports FILE (by default a generated 76-page lecture deck) into a temporary course N times"
                + " (text and thumbnails) and prints the total time (the first run, in a cold JVM, and the median),"
                + " per-page figures (median, p95, max), then times poppler's pdftotext FILE and pdftoppm -r DPI -png"
                + " FILE together on the same file and prints the ratio. Goal: Lectern <= poppler. Without"
                + " poppler-utils installed it says so and skips the comparison.")
public final class BenchPdfCommand extends Measurement {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The PDF (default: a generated lecture deck of --pages pages).")
    Path file;

    @Option(names = "--dpi", defaultValue = "96", description = "Thumbnail resolution (default ${DEFAULT-VALUE}).")
    int dpi;

    @Mixin
    final Runs repeats = new Runs(5);

    @Option(names = "--pages", defaultValue = "76", description = "Pages of the generated deck (default ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--threads", defaultValue = "0", description = "Threads drawing pages (default 0: one per core, at"
            + " most 2).")
    int threads;

    @Override
    Optional<String> wrongOptions() {
        return unless(repeats.count >= 1 && pages >= 1 && dpi >= PdfImportRequest.MIN_DPI && dpi <= PdfImportRequest.MAX_DPI,
                "--runs and --pages must be at least 1, --dpi from " + PdfImportRequest.MIN_DPI + " to "
                        + PdfImportRequest.MAX_DPI + ".");
    }

    @Override
    int measure(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("lectern-bench-pdf-");
        try {
            Path pdf = file;
            if (pdf == null) {
                pdf = work.resolve("lecture-deck.pdf");
                LectureDeck.write(pdf, pages);
                out.printf(Locale.ROOT, "file: %s%n", LectureDeck.describe(pages));
            } else {
                out.printf(Locale.ROOT, "file: %s%n", pdf);
            }
            return run(out, err, pdf, work);
        } finally {
            delete(work);
            out.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err, Path pdf, Path work) throws IOException, InterruptedException {
        double[] totals = new double[repeats.count];
        List<PdfImportResult> results = new ArrayList<>();
        for (int i = 0; i < repeats.count; i++) {
            Path course = Files.createDirectories(work.resolve("course-" + i).resolve("readings")).getParent();
            long start = System.nanoTime();
            PdfImportResult result = new PdfImporter().run(PdfImportRequest.of(pdf, course, "bench").withDpi(dpi)
                    .withThreads(threads).withNewReading("Bench", 1));
            totals[i] = (System.nanoTime() - start) / 1e6;
            if (!result.imported()) {
                err.println("lectern: " + result.message());
                return 1;
            }
            results.add(result);
            delete(course);
        }
        double median = BenchStoreCommand.median(totals);
        int medianRun = 0;
        for (int i = 0; i < repeats.count; i++) {
            if (Math.abs(totals[i] - median) < Math.abs(totals[medianRun] - median)) {
                medianRun = i;
            }
        }
        PdfImportResult typical = results.get(medianRun);
        int usedThreads = threads > 0 ? threads : Math.min(2, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "lectern: %d pages, %d images at %d dpi, %d without text; first run %.0f ms (cold JVM),"
                + " median %.0f ms of %d runs, %d threads%n", typical.pageCount(), typical.imagesWritten(), dpi,
                typical.pagesWithoutText().size(), totals[0], median, repeats.count, Math.min(usedThreads, typical.pageCount()));
        double[] perPage = typical.pages().stream().mapToDouble(p -> p.total().toNanos() / 1e6).sorted().toArray();
        double text = typical.pages().stream().mapToDouble(p -> p.text().toNanos() / 1e6).sum();
        double render = typical.pages().stream().mapToDouble(p -> p.render().toNanos() / 1e6).sum();
        double write = typical.pages().stream().mapToDouble(p -> p.write().toNanos() / 1e6).sum();
        out.printf(Locale.ROOT, "per page (text + drawing + PNG, one thread): median %.1f ms, p95 %.1f ms, max %.1f ms;"
                + " of all pages' time text %.0f%%, drawing %.0f%%, PNG %.0f%%%n",
                BenchSearchCommand.percentile(perPage, 50), BenchSearchCommand.percentile(perPage, 95),
                perPage[perPage.length - 1], 100 * text / (text + render + write), 100 * render / (text + render + write),
                100 * write / (text + render + write));

        Optional<Path> pdftotext = onPath("pdftotext");
        Optional<Path> pdftoppm = onPath("pdftoppm");
        if (pdftotext.isEmpty() || pdftoppm.isEmpty()) {
            out.println("poppler: pdftotext and pdftoppm are not installed (Debian package poppler-utils), so there is"
                    + " no comparison");
        } else {
            double[] popplerTotals = new double[repeats.count];
            double[] textTimes = new double[repeats.count];
            for (int i = 0; i < repeats.count; i++) {
                Path dir = Files.createDirectories(work.resolve("poppler-" + i));
                long start = System.nanoTime();
                int a = exec(List.of(pdftotext.get().toString(), pdf.toString(), dir.resolve("text.txt").toString()));
                textTimes[i] = (System.nanoTime() - start) / 1e6;
                int b = exec(List.of(pdftoppm.get().toString(), "-r", String.valueOf(dpi), "-png", pdf.toString(),
                        dir.resolve("p").toString()));
                popplerTotals[i] = (System.nanoTime() - start) / 1e6;
                if (a != 0 || b != 0) {
                    out.printf(Locale.ROOT, "poppler: failed on %s (pdftotext exit %d, pdftoppm exit %d)%n",
                            pdf.getFileName(), a, b);
                    return 1;
                }
                delete(dir);
            }
            double popplerMedian = BenchStoreCommand.median(popplerTotals);
            double ratio = median / popplerMedian;
            out.printf(Locale.ROOT, "poppler: pdftotext + pdftoppm -r %d -png: median %.0f ms of %d runs (pdftotext"
                    + " %.0f ms)%n", dpi, popplerMedian, repeats.count, BenchStoreCommand.median(textTimes));
            out.printf(Locale.ROOT, "ratio: lectern / poppler = %.2f (goal <= 1: %s)%n", ratio,
                    ratio <= 1 ? "met" : "not met");
        }
        out.println(SyntheticCourse.machine());
        return 0;
    }

    private static int exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** The program on the PATH, if there is one. */
    public static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
