package dev.lectern.store;

/**
 * What became of a write to the progress store.
 *
 * @param saved   whether this review (and every one waiting before it) is committed to disk
 * @param pending reviews kept in memory because they could not be written yet; retried, never dropped
 * @param message empty when saved; otherwise one sentence for the user (the disk is full, another Lectern has the
 *                data folder open, …)
 */
public record SaveResult(boolean saved, int pending, String message) {

    public static SaveResult ok() {
        return new SaveResult(true, 0, "");
    }
}
