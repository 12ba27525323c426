package dev.lectern.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;

/**
 * The one atomic write of Lectern: the new content goes to a temporary file in the same folder, is flushed to disk,
 * is renamed over the target, and the folder is flushed so the rename survives a power cut. A process killed on the
 * way leaves the old file or the new one, never half of one; a failure deletes the temporary file and leaves the old
 * file alone. Writers that need more between writing and renaming (a database backup, a kept copy of the old file)
 * write their temporary file themselves and finish with {@link #replace} or {@link #moveAtomically}.
 */
public final class AtomicFiles {

    /** Writes the new content into the temporary file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, temporary -> Files.write(temporary, bytes));
    }

    /** Writes what {@code content} puts in a temporary file (a PDF library saving a document, say). */
    public static void write(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temporary = newTemporaryFile(dir, file.getFileName().toString());
        try {
            keepPermissionsOf(file, temporary);
            content.writeTo(temporary);
            force(temporary);
            replace(temporary, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * Renames a finished (flushed) temporary file over {@code target}: atomically where the file system can, else
     * as a plain replacing move; then flushes the folder.
     */
    public static void replace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        flushFolderOf(target);
    }

    /**
     * Renames {@code from} to {@code to} atomically or not at all (it throws
     * {@link AtomicMoveNotSupportedException} where the file system cannot), then flushes the folder. For a file
     * or folder that must appear whole, where a plain move is no fallback.
     */
    public static void moveAtomically(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        flushFolderOf(to);
    }

    /** Forces a file's content to disk. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes a folder's entries (renames in it) to disk, where the platform allows it. */
    public static void flushFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform can open a folder as a file (Windows cannot); its renames are durable anyway.
        }
    }

    /**
     * An empty new file beside the target, made as any program makes a file: with the user's umask, not the
     * owner-only mode of {@link Files#createTempFile}, so an exported PDF can be shared like any other file.
     */
    private static Path newTemporaryFile(Path dir, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path candidate = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** A file written again keeps the mode its owner gave it. */
    private static void keepPermissionsOf(Path target, Path temporary) throws IOException {
        if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)
                && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        }
    }

    private static void flushFolderOf(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            flushFolder(dir);
        }
    }
}
