package dev.lectern.store;

/**
 * What became of a write to the progress store.
 *
 * @param saved   whether this review (and every one waiting before it) is committed to disk
 * @param pending reviews kept in memory because they could not be written yet; retried, never dropped
 * @param message when not saved, why and where the review is kept (the disk is full, another Lectern has the data
 *                folder open, …); when saved, empty, or what the user should know all the same (the database file
 *                was deleted while Lectern had it open, and was put back)
 */
public record SaveResult(boolean saved, int pending, String message) {

    public static SaveResult ok() {
        return new SaveResult(true, 0, "");
    }
}
