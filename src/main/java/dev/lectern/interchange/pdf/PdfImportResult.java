package dev.lectern.interchange.pdf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How an import ended. {@code message} says it in plain words (with the file's name) for every outcome;
 * {@code notes} are the remarks about single pages ("page 7 has no text layer (only images)").
 *
 * @param readingFile      the reading written (imported only)
 * @param readingCreated   whether the reading was new
 * @param pageCount        the PDF's pages (0 if it could not be opened)
 * @param pages            one report per page done, in page order
 * @param excerpts         slide excerpts written into the reading
 * @param replaced         excerpts the reading had before and that the import replaced
 * @param imagesWritten    thumbnails written
 * @param pagesWithoutText the pages (1-based) that have no text
 * @param elapsed          from the start of the import to its end
 */
public record PdfImportResult(Outcome outcome, String message, Optional<Path> readingFile, boolean readingCreated,
        int pageCount, List<PageReport> pages, int excerpts, int replaced, int imagesWritten,
        List<Integer> pagesWithoutText, List<String> notes, Duration elapsed) {

    public enum Outcome {
        /** The excerpts are in the reading, the images beside it. */
        IMPORTED,
        /** Cancelled: nothing was written (no reading file, no images). */
        CANCELLED,
        /** The PDF needs a password (none was given, or the one given is wrong): ask for it and try again. */
        NEEDS_PASSWORD,
        /** Nothing was written; {@code message} says why. */
        FAILED
    }

    /**
     * One page: its number (1-based), the excerpt's title, whether it had text, its image (relative to the
     * reading file) and the time spent on its text, drawing and writing its PNG.
     */
    public record PageReport(int page, String title, boolean hasText, Optional<String> image, Duration text,
            Duration render, Duration write) {

        public Duration total() {
            return text.plus(render).plus(write);
        }
    }

    public boolean imported() {
        return outcome == Outcome.IMPORTED;
    }

    static PdfImportResult failed(Outcome outcome, String message, int pageCount, Duration elapsed) {
        return new PdfImportResult(outcome, message, Optional.empty(), false, pageCount, List.of(), 0, 0, 0, List.of(),
                List.of(), elapsed);
    }
}
