package dev.lectern.store;

/** A read of the progress database that failed; the message is a plain sentence. */
public final class StoreFailure extends RuntimeException {

    StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
