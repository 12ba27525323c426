package dev.lectern.cli;

import dev.lectern.files.DefaultCourse;
import dev.lectern.interchange.pdf.PdfImportRequest;
import dev.lectern.interchange.pdf.PdfImportResult;
import dev.lectern.interchange.pdf.PdfImporter;
import dev.lectern.interchange.pdf.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lectern import pdf FILE --reading ID}: a slide deck or paper becomes a reading's slide excerpts, one per
 * page, with a thumbnail of each page: {@code lectern import pdf}.
 */
@Command(name = "pdf", mixinStandardHelpOptions = true,
        description = "Turns each page of a PDF into a slide excerpt of a reading: its text in reading order (headers"
                + " and footers left out), the first line of its largest text as the title, a PNG thumbnail under"
                + " readings/images/ID/ and the page number. The excerpts replace the reading's own (a backup is"
                + " kept), or follow them with --append. Exit code 0 when imported, 1 otherwise.")
final class PdfImportCommand extends ContextCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The PDF.")
    Path pdf;

    @Option(names = "--reading", required = true, paramLabel = "ID",
            description = "The reading the excerpts go to (readings/ID.md or .json); created if there is none and"
                    + " --week is given.")
    String reading;

    @Option(names = "--into", paramLabel = "COURSE_DIR", description = "The course folder. Default: $LECTERN_COURSE,"
            + " else the current folder if it is a course, else the bundled course.")
    Path courseDir;

    @Option(names = "--dpi", defaultValue = "96", description = "Resolution of the thumbnails (default ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--password", paramLabel = "P", description = "The PDF's password, if it needs one.")
    String password;

    @Option(names = "--new-title", paramLabel = "T", description = "Title of a new reading (default: the PDF's own"
            + " title when it says something, else the largest text of its first page, else its file name).")
    String newTitle;

    @Option(names = "--week", paramLabel = "N", description = "Week of a new reading; needed to create one.")
    Integer week;

    @Option(names = "--append", description = "Add the excerpts after the reading's own instead of replacing them.")
    boolean append;

    @Option(names = "--threads", defaultValue = "0", hidden = true, description = "Threads drawing pages (0: up to 2).")
    int threads;

    PdfImportCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (newTitle != null && week == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--new-title needs --week (a new reading"
                    + " belongs to a week).");
        }
        Path course = courseDir != null ? courseDir : DefaultCourse.locate();
        PdfImportRequest request = PdfImportRequest.of(pdf, course, reading).withDpi(dpi).withPassword(password)
                .appending(append).withThreads(threads);
        if (week != null) {
            request = request.withNewReading(newTitle, week);
        }
        ProgressListener progress = context.interactive() ? new TerminalProgress(err) : ProgressListener.NONE;
        PdfImportResult result = new PdfImporter().run(request, progress, () -> false);
        if (context.interactive()) {
            err.print("\r\033[K");
            err.flush();
        }
        if (!result.imported()) {
            String message = result.message();
            if (result.outcome() == PdfImportResult.Outcome.NEEDS_PASSWORD) {
                message += password == null ? " Use --password." : "";
            } else if (message.startsWith("There is no reading")) {
                message = message.replace("say which week it belongs to (and its title).",
                        "give --week N (and --new-title T).");
            }
            err.println("lectern: " + message);
            err.flush();
            return 1;
        }
        out.println(summary(result, String.valueOf(pdf.getFileName()), reading));
        for (String note : result.notes()) {
            out.println("note: " + note);
        }
        out.flush();
        return 0;
    }

    /** The closing line: what was written, and how long it took. */
    static String summary(PdfImportResult result, String pdfName, String readingId) {
        List<Integer> without = result.pagesWithoutText();
        String readingFile = result.readingFile().map(f -> "readings/" + f.getFileName()).orElse("?");
        return String.format(Locale.ROOT, "imported %s: %s %s, %d pages, %d excerpts%s, %d images written to"
                + " readings/images/%s/, %s, %.1f s", pdfName, result.readingCreated() ? "created" : "updated",
                readingFile, result.pageCount(), result.excerpts(),
                result.replaced() > 0 ? " (replacing " + result.replaced() + ")" : "", result.imagesWritten(), readingId,
                without.isEmpty() ? "no pages without text"
                        : without.size() + (without.size() == 1 ? " page" : " pages") + " without text ("
                                + without.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")",
                result.elapsed().toMillis() / 1000.0);
    }

    /** "page 12/76" on one line of the terminal, rewritten as pages are done. */
    private static final class TerminalProgress implements ProgressListener {
        private final PrintWriter err;

        TerminalProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void pageDone(int done, int total) {
            err.print("\rpage " + done + "/" + total);
            err.flush();
        }
    }
}
