package dev.lectern.course.load;

import dev.lectern.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a course file as UTF-8 text, refusing files that are too large or not UTF-8, with the place why. */
public final class SourceFile {

    /** Course files larger than this are refused: no reading or question set is anywhere near it. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private SourceFile() {
    }

    /** Reads a file from anywhere (one to import, say): only a regular file, at most {@link #MAX_BYTES}. */
    public static Optional<String> read(Path file, Problems problems) {
        return read(file, null, problems);
    }

    /**
     * Reads a file of the course folder {@code root}: only a regular file (a named pipe, device or socket is skipped
     * with a warning), not through a link that leaves {@code root} (an error), at most {@link #MAX_BYTES} whatever
     * size the file claims.
     */
    static Optional<String> read(Path file, Path root, Problems problems) {
        try {
            long size = Files.size(RegularFiles.check(file, root));
            if (size > MAX_BYTES) {
                problems.error(file, 1, 1, String.format(java.util.Locale.ROOT, "This file is %.1f MB; course files"
                        + " may be at most 5 MB. Is it really a reading or a question set?", size / (1024.0 * 1024.0)));
                return Optional.empty();
            }
            return decode(file, RegularFiles.read(file, root, MAX_BYTES), problems);
        } catch (RegularFiles.Refused e) {
            if (e.reason() == RegularFiles.Reason.NOT_A_FILE) {
                problems.warning(file, 1, 1, e.getMessage());
            } else {
                problems.error(file, 1, 1, e.getMessage() + (e.reason() == RegularFiles.Reason.TOO_BIG
                        ? " Course files may be at most 5 MB." : ""));
            }
        } catch (IOException | OutOfMemoryError e) {
            problems.error(file, 1, 1, "This file cannot be read (" + describe(e) + ").");
        }
        return Optional.empty();
    }

    static Optional<String> decode(Path file, byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int[] where = position(bytes, bad);
            problems.error(file, where[0], where[1], String.format(java.util.Locale.ROOT,
                    "This file is not valid UTF-8 (byte 0x%02X here). Save it as UTF-8 in your editor.",
                    bytes[bad] & 0xff));
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            int[] where = position(bytes, indexOfNul(bytes));
            problems.error(file, where[0], where[1],
                    "This file contains a NUL byte, so it is not a text file. Save it as UTF-8 text.");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return 0;
    }

    /** 1-based line and column (counted in characters) of the byte at {@code offset}. */
    private static int[] position(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        try {
            column = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes, lineStart, offset - lineStart)).length() + 1;
        } catch (CharacterCodingException e) {
            column = offset - lineStart + 1;
        }
        return new int[] {line, column};
    }

    public static String describe(Throwable e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof OutOfMemoryError) {
            return "not enough memory";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
