package dev.lectern.interchange.pdf;

import dev.lectern.interchange.pdf.PdfImportResult.Outcome;

/** An import that cannot go on; its message is for the user. */
final class Failure extends Exception {

    final Outcome outcome;
    final int pageCount;

    Failure(Outcome outcome, String message, int pageCount) {
        super(message, null, false, false);
        this.outcome = outcome;
        this.pageCount = pageCount;
    }

    Failure(String message) {
        this(Outcome.FAILED, message, 0);
    }
}
