package dev.lectern.course.edit;

import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.SourceFile;
import dev.lectern.files.AtomicFiles;
import dev.lectern.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and saves the files of one course folder safely.
 *
 * <ul>
 *   <li>A save is atomic: the new bytes go to a temporary file in the same folder, are flushed to the disk, and
 *       the temporary file is renamed over the original; the folder is flushed too. A process killed at any
 *       moment leaves the old file or the new one, never a mix or a truncated file.</li>
 *   <li>The previous version is kept in {@code <course>/.lectern/backups/<folder>/<name>.<time>} (the last
 *       {@link #DEFAULT_BACKUPS} per file). {@link CourseLoader} reads only files directly in {@code readings/}
 *       and {@code questions/}, so backups are never taken for course content.</li>
 *   <li>{@link #save} refuses, with a {@link Conflict}, to replace a file that changed on disk since it was read;
 *       the caller then asks whether to reload, {@link #overwrite} or {@link #saveAs}.</li>
 * </ul>
 */
public final class CourseFileStore {

    public static final int DEFAULT_BACKUPS = 10;
    static final String BACKUPS = ".lectern/backups";
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path courseDir;
    private final int keepBackups;
    private final Clock clock;

    /** A document read from disk with the stamp of the bytes it was read from. */
    public record Loaded<T>(T document, FileStamp stamp) {
    }

    /** What a save did. */
    public sealed interface SaveResult permits Saved, Conflict {
    }

    /** The file now holds the new bytes; {@code backup} is the copy of what it held before, if it existed. */
    public record Saved(Path file, FileStamp stamp, Optional<Path> backup) implements SaveResult {
    }

    /**
     * Nothing was written: the file on disk is not what was read ({@code expected}); {@code actual} is what it is
     * now ({@link FileStamp#ABSENT} if it was deleted). Reload, {@link #overwrite} or {@link #saveAs}.
     */
    public record Conflict(Path file, FileStamp expected, FileStamp actual) implements SaveResult {
    }

    public CourseFileStore(Path courseDir) {
        this(courseDir, DEFAULT_BACKUPS, Clock.systemUTC());
    }

    public CourseFileStore(Path courseDir, int keepBackups, Clock clock) {
        this.courseDir = courseDir.toAbsolutePath().normalize();
        this.keepBackups = Math.max(0, keepBackups);
        this.clock = Objects.requireNonNull(clock);
    }

    public Path courseDir() {
        return courseDir;
    }

    /**
     * The file's bytes and their stamp. Only a regular file in the course folder is read (not a named pipe, nor a
     * link out of the folder), and at most the 5 MB a course file may be; otherwise the exception says why in plain
     * words.
     */
    public Loaded<byte[]> read(Path file) throws IOException {
        byte[] bytes = RegularFiles.read(file, courseDir, SourceFile.MAX_BYTES);
        return new Loaded<>(bytes, stampOf(file, bytes));
    }

    public Loaded<QuestionSetDocument> readQuestionSet(Path file) throws IOException, DocumentSyntaxException {
        Loaded<byte[]> read = read(file);
        return new Loaded<>(QuestionSetDocument.parse(read.document()), read.stamp());
    }

    public Loaded<ReadingDocument> readReading(Path file) throws IOException, DocumentSyntaxException {
        Loaded<byte[]> read = read(file);
        return new Loaded<>(ReadingDocument.parse(file, read.document()), read.stamp());
    }

    /** The stamp of the file as it is on disk now ({@link FileStamp#ABSENT} if there is none). */
    public static FileStamp stamp(Path file) throws IOException {
        try {
            return stampOf(file, RegularFiles.read(file, null, SourceFile.MAX_BYTES));
        } catch (NoSuchFileException e) {
            return FileStamp.ABSENT;
        }
    }

    private static FileStamp stampOf(Path file, byte[] bytes) throws IOException {
        return new FileStamp(true, bytes.length, Files.getLastModifiedTime(file).toInstant(), sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /**
     * Saves {@code bytes} as {@code file} if the file is still what {@code expected} says (pass
     * {@link FileStamp#ABSENT} for a new file); otherwise writes nothing and returns a {@link Conflict}.
     */
    public SaveResult save(Path file, byte[] bytes, FileStamp expected) throws IOException {
        FileStamp actual = stamp(file);
        if (!actual.sameContent(expected)) {
            return new Conflict(file, expected, actual);
        }
        return write(file, bytes, actual.exists());
    }

    /** Saves {@code bytes} as {@code file} whatever it holds now (the caller asked to overwrite); keeps a backup. */
    public Saved overwrite(Path file, byte[] bytes) throws IOException {
        return write(file, bytes, Files.exists(file));
    }

    /** Saves to a new file; a {@link Conflict} if one exists there already (then {@link #overwrite} if meant). */
    public SaveResult saveAs(Path target, byte[] bytes) throws IOException {
        return save(target, bytes, FileStamp.ABSENT);
    }

    private Saved write(Path file, byte[] bytes, boolean existed) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        removeStaleTemporaryFiles(dir, target.getFileName().toString());
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            copyPermissions(target, temp);
            Optional<Path> backup = existed ? backup(target) : Optional.empty();
            AtomicFiles.replace(temp, target);
            return new Saved(file, stampOf(target, bytes), backup);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes temporary files of earlier saves of this file that were killed before they could clean up (older
     * than a minute, so a save in progress in another Lectern is left alone). The loader ignores them anyway.
     */
    private void removeStaleTemporaryFiles(Path dir, String name) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "." + name + ".*.tmp")) {
            java.time.Instant cutoff = clock.instant().minusSeconds(60);
            for (Path p : stream) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // Only tidying.
        }
    }

    /** The new file gets the old one's permissions (a temporary file starts private to its owner). */
    private static void copyPermissions(Path from, Path to) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view != null && Files.exists(from)) {
                Set<PosixFilePermission> permissions = view.readAttributes().permissions();
                Files.setPosixFilePermissions(to, permissions);
            } else if (view != null) {
                Files.setPosixFilePermissions(to, Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Permissions are a courtesy; the save does not depend on them.
        }
    }

    /** Where the backups of {@code file} go: under the course's .lectern/backups, or beside a file outside it. */
    Path backupDir(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.startsWith(courseDir)) {
            Path relativeDir = courseDir.relativize(target.getParent());
            return courseDir.resolve(BACKUPS).resolve(relativeDir.toString());
        }
        return target.getParent().resolve(BACKUPS);
    }

    /**
     * Writes {@code .lectern/.gitignore} ("*") once, so that a course kept in git does not show the editor's backups
     * as untracked files. A courtesy: a save does not fail for it.
     */
    private static void ignoredByGit(Path backupDir) {
        for (Path p = backupDir; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(".lectern")) {
                Path ignore = p.resolve(".gitignore");
                if (!Files.exists(ignore, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        AtomicFiles.write(ignore, "# the editor's backups (Lectern)\n*\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        // without it git lists the backups; nothing is lost
                    }
                }
                return;
            }
        }
    }

    /** The backups of {@code file}, oldest first. */
    public List<Path> backups(Path file) throws IOException {
        Path dir = backupDir(file);
        String prefix = file.getFileName() + ".";
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d{8}T\\d{6}\\.\\d{3}Z(-\\d+)?")) {
                    out.add(p);
                }
            }
        }
        out.sort((a, b) -> compareBackupNames(a.getFileName().toString(), b.getFileName().toString()));
        return out;
    }

    private static int compareBackupNames(String a, String b) {
        String[] x = a.split("-(?=\\d+$)");
        String[] y = b.split("-(?=\\d+$)");
        int c = x[0].compareTo(y[0]);
        if (c != 0) {
            return c;
        }
        return Integer.compare(x.length > 1 ? Integer.parseInt(x[1]) : 0, y.length > 1 ? Integer.parseInt(y[1]) : 0);
    }

    /**
     * Keeps a copy of the current file's bytes as a backup. A copy, not a hard link: an editor that writes the
     * file in place would change a linked backup too. The copy is made under a temporary name and renamed, so a
     * backup is never a partial copy.
     */
    private Optional<Path> backup(Path file) throws IOException {
        if (keepBackups == 0) {
            return Optional.empty();
        }
        Path dir = backupDir(file);
        Files.createDirectories(dir);
        ignoredByGit(dir);
        String base = file.getFileName() + "." + BACKUP_TIME.format(clock.instant());
        Path backup = dir.resolve(base);
        for (int n = 1; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); n++) {
            backup = dir.resolve(base + "-" + n);
        }
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            AtomicFiles.force(temp);
            AtomicFiles.moveAtomically(temp, backup);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted meanwhile: nothing to keep
        } finally {
            Files.deleteIfExists(temp);
        }
        List<Path> all = backups(file);
        for (int i = 0; i < all.size() - keepBackups; i++) {
            Files.deleteIfExists(all.get(i));
        }
        return Optional.of(backup);
    }
}
