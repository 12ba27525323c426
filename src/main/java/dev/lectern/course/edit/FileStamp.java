package dev.lectern.course.edit;

import java.time.Instant;
import java.util.Optional;

/**
 * What a course file was when it was read: its size, modification time and the SHA-256 of its bytes, or that it
 * did not exist. A save compares the file on disk with the stamp it was opened with, so it never overwrites a
 * change made meanwhile by another editor.
 */
public record FileStamp(boolean exists, long size, Instant modified, String sha256) {

    /** The stamp of a file that does not exist (yet): saving against it fails if a file appeared there. */
    public static final FileStamp ABSENT = new FileStamp(false, 0, Instant.EPOCH, "");

    /** Same content: same existence, size and bytes. The time alone does not count (a touch changes nothing). */
    public boolean sameContent(FileStamp other) {
        return exists == other.exists && size == other.size && sha256.equals(other.sha256);
    }

    public Optional<Instant> modifiedTime() {
        return exists ? Optional.of(modified) : Optional.empty();
    }
}
