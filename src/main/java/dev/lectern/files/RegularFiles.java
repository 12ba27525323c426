package dev.lectern.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a file of a folder Lectern was given (a course folder) without trusting what is there. Only a regular file
 * is opened: a named pipe would block the reader until something writes to it, a device such as {@code /dev/zero}
 * never ends. A link is followed only while it stays inside the folder. At most a limit is read, whatever size the
 * file claims (files under {@code /proc} claim 0 bytes and hold far more). The type is looked at on the link's
 * target before anything is opened, never by opening the file.
 */
public final class RegularFiles {

    /** Why a file was not read. */
    public enum Reason {
        /** A named pipe, device, socket or folder: it was not opened. */
        NOT_A_FILE,
        /** A link that leads out of the folder: it was not followed. */
        OUTSIDE,
        /** More bytes than the limit: reading stopped there. */
        TOO_BIG
    }

    /** A file that was not read, with a message in plain words that starts "This is" or "This file". */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        private final Reason reason;
        private final String detail;

        Refused(Reason reason, String detail, String message) {
            super(message);
            this.reason = reason;
            this.detail = detail;
        }

        public Reason reason() {
            return reason;
        }

        /**
         * What the file is ({@code "a named pipe (FIFO)"}, {@code "a folder"} …) for {@link Reason#NOT_A_FILE}, where
         * the link leads for {@link Reason#OUTSIDE}, the limit in words for {@link Reason#TOO_BIG}.
         */
        public String detail() {
            return detail;
        }
    }

    private RegularFiles() {
    }

    /**
     * The real path of {@code file} (every link followed) if it is a regular file inside {@code root}; with
     * {@code root} null, anywhere. Opens nothing.
     *
     * @throws Refused when it is not a regular file, or a link leads out of {@code root}
     * @throws IOException when it does not exist (a dangling link included) or cannot be looked at
     */
    public static Path check(Path file, Path root) throws IOException {
        Path real = file.toRealPath();
        if (root != null) {
            Path realRoot = root.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new Refused(Reason.OUTSIDE, real.toString(), "This is a link to " + real + ", outside the course"
                        + " folder; Lectern does not follow links out of the course folder, so it is not read. Copy the"
                        + " file into the course folder instead.");
            }
        }
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            String what = attributes.isDirectory() ? "a folder" : special(real);
            throw new Refused(Reason.NOT_A_FILE, what, "This is " + what + ", not a file, so Lectern skips it without"
                    + " opening it.");
        }
        return real;
    }

    /**
     * The bytes of {@code file}, checked as {@link #check} does, reading no more than {@code limit} (and one byte
     * past it, to know there is more).
     *
     * @throws Refused when the check fails or the file holds more than {@code limit} bytes
     */
    public static byte[] read(Path file, Path root, int limit) throws IOException {
        Path real = check(file, root);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            String most = megabytes(limit);
            throw new Refused(Reason.TOO_BIG, most, "This file is larger than " + most + ", the most Lectern reads"
                    + " of it" + (Files.size(real) <= limit ? " (although it says it is " + megabytes(Files.size(real))
                            + ")" : "") + ".");
        }
        return bytes;
    }

    /** The text of {@code file}, read as {@link #read} does; bytes that are not UTF-8 fail the read. */
    public static String readUtf8(Path file, Path root, int limit) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(read(file, root, limit)))
                .toString();
    }

    /** "12 bytes", "3 KB", "5 MB", "5.5 MB". */
    static String megabytes(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        double mb = bytes / (1024.0 * 1024.0);
        return String.format(Locale.ROOT, mb == Math.rint(mb) ? "%.0f MB" : "%.1f MB", mb);
    }

    /** What a file that is neither regular nor a folder is, from its Unix mode where the system has one. */
    private static String special(Path real) {
        try {
            Object mode = Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000:
                        return "a named pipe (FIFO)";
                    case 0020000:
                    case 0060000:
                        return "a device";
                    case 0140000:
                        return "a socket";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No Unix view of the file: say less.
        }
        return "a special file";
    }
}
