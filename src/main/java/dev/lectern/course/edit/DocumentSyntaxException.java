package dev.lectern.course.edit;

import dev.lectern.course.load.CourseDocuments;

/**
 * A course file that cannot be opened as an editable document (not JSON at all, say). The editor then offers the
 * file's text; {@link CourseDocuments#validate} says what is wrong in the loader's words.
 */
public final class DocumentSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    public DocumentSyntaxException(String message) {
        super(message);
    }
}
