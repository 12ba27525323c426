package dev.lectern.interchange.pdf;

/**
 * Told how an import goes, page by page. Called from the import's own threads (one page at a time, the count only
 * ever growing): a window hands the figures to its UI thread.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** The PDF is open: it has {@code pageCount} pages. */
    default void started(int pageCount) {
    }

    /** {@code done} of {@code total} pages have their text and image. */
    void pageDone(int done, int total);
}
