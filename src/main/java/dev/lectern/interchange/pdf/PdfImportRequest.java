package dev.lectern.interchange.pdf;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What to import: the PDF, the course folder and the reading ({@code readings/<readingId>.md} or {@code .json})
 * whose slide excerpts the pages become.
 *
 * @param pdf         the PDF file
 * @param courseDir   the course folder (holding {@code readings/})
 * @param readingId   the reading to attach the excerpts to; created (as Markdown) if there is none and
 *                    {@code newReading} says with what title and week
 * @param dpi         the thumbnails' resolution ({@link #MIN_DPI} to {@link #MAX_DPI}; 0 for {@link #DEFAULT_DPI})
 * @param password    the PDF's password, if it needs one (an empty user password needs none)
 * @param newReading  the title and week of the reading to create if {@code readingId} does not exist yet
 * @param append      add the excerpts after the reading's own; otherwise they replace them (the file store keeps a
 *                    backup of the reading as it was)
 * @param threads     how many threads render pages (each with its own copy of the document open); 0 for one per
 *                    core, at most 2
 */
public record PdfImportRequest(Path pdf, Path courseDir, String readingId, int dpi, Optional<String> password,
        Optional<NewReading> newReading, boolean append, int threads) {

    public static final int DEFAULT_DPI = 96;
    public static final int MIN_DPI = 18;
    public static final int MAX_DPI = 600;

    /** The title (empty: the PDF's own title, else its file name) and week of a reading to create. */
    public record NewReading(String title, int week) {
    }

    /** Into an existing reading, at 96 dpi, replacing its excerpts. */
    public static PdfImportRequest of(Path pdf, Path courseDir, String readingId) {
        return new PdfImportRequest(pdf, courseDir, readingId, DEFAULT_DPI, Optional.empty(), Optional.empty(), false, 0);
    }

    public PdfImportRequest withDpi(int dpi) {
        return new PdfImportRequest(pdf, courseDir, readingId, dpi, password, newReading, append, threads);
    }

    public PdfImportRequest withPassword(String password) {
        return new PdfImportRequest(pdf, courseDir, readingId, dpi, Optional.ofNullable(password), newReading, append,
                threads);
    }

    public PdfImportRequest withNewReading(String title, int week) {
        return new PdfImportRequest(pdf, courseDir, readingId, dpi, password,
                Optional.of(new NewReading(title == null ? "" : title, week)), append, threads);
    }

    public PdfImportRequest appending(boolean append) {
        return new PdfImportRequest(pdf, courseDir, readingId, dpi, password, newReading, append, threads);
    }

    public PdfImportRequest withThreads(int threads) {
        return new PdfImportRequest(pdf, courseDir, readingId, dpi, password, newReading, append, threads);
    }
}
