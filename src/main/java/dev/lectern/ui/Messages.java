package dev.lectern.ui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failures into a few words a student can read, never a stack trace. */
public final class Messages {

    private Messages() {
    }

    public static String reason(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** "Question 3 of 10". */
    public static String progress(int index, int size) {
        return "Question " + (index + 1) + " of " + size;
    }

    public static String plural(long count, String word) {
        return count + " " + (count == 1 ? word : word + "s");
    }
}
