package dev.lectern.pdf;

import dev.lectern.files.RegularFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The images of a course, embedded in one document: a PNG or JPEG file inside the course folder, written relative to
 * the file that mentions it, is read (links followed only inside the folder, a size limit, the format judged by its
 * content), embedded once however often it is shown. Anything else (a web address, a file outside the folder, a
 * missing or broken file) is refused with a short reason for the page; nothing is ever fetched from the network.
 */
final class PdfImages {

    /** An embedded image, or why there is none ("not found", "outside the course folder, not included" …). */
    record Loaded(PDImageXObject image, String reason) {
        boolean ok() {
            return image != null;
        }

        static Loaded refused(String reason) {
            return new Loaded(null, reason);
        }
    }

    private static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final long MAX_PIXELS = 40_000_000L;

    private final PDDocument doc;
    private final Path root;
    private final Map<Path, Loaded> loaded = new HashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();

    PdfImages(PDDocument doc, Path courseRoot) {
        this.doc = doc;
        this.root = courseRoot.toAbsolutePath().normalize();
    }

    /** The image {@code reference} names, resolved against {@code baseDir} (the folder of the file it is in). */
    Loaded load(String reference, Path baseDir) {
        String ref = reference == null ? "" : reference.strip();
        String lower = ref.toLowerCase(Locale.ROOT);
        if (ref.isEmpty()) {
            return Loaded.refused("no file named");
        }
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
            return Loaded.refused("on the web, not included");
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") || ref.startsWith("/") || ref.startsWith("\\")) {
            return Loaded.refused("not a file in the course folder, not included");
        }
        Path file;
        try {
            file = resolve(ref, baseDir);
        } catch (InvalidPathException e) {
            return Loaded.refused("not a valid file name");
        }
        return file(file, ref);
    }

    /** The image in {@code file}, an absolute path (one the reading view's renderer resolved). */
    Loaded file(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return file(normal, normal.startsWith(root) ? root.relativize(normal).toString() : normal.toString());
    }

    /** One line for the export's notes per image that was not found or could not be read; none when all were. */
    List<String> notes() {
        return new ArrayList<>(notes);
    }

    private Loaded file(Path file, String reference) {
        if (!file.startsWith(root)) {
            return Loaded.refused("outside the course folder, not included");
        }
        Loaded image = loaded.computeIfAbsent(file, this::read);
        if (!image.ok() && (image.reason().equals("not found") || image.reason().startsWith("could not"))) {
            notes.add("The image " + reference + (image.reason().equals("not found") ? " was not found"
                    : " could not be read") + "; the sheet says so instead.");
        }
        return image;
    }

    /**
     * The file as written, else with %XX escapes decoded (Markdown writes a space in an image path as %20) and
     * Windows separators turned round, so every spelling the reading view accepts finds the same file.
     */
    private Path resolve(String ref, Path baseDir) {
        Path base = root.resolve(baseDir == null ? root : baseDir).normalize();
        String path = withoutQueryOrFragment(ref).replace('\\', '/');
        Path literal = base.resolve(path).normalize();
        if (literal.toFile().exists() || path.indexOf('%') < 0) {
            return literal;
        }
        try {
            return base.resolve(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)).normalize();
        } catch (IllegalArgumentException e) {
            return literal;
        }
    }

    private static String withoutQueryOrFragment(String ref) {
        int cut = ref.length();
        for (char c : new char[] {'?', '#'}) {
            int at = ref.indexOf(c);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        return ref.substring(0, cut);
    }

    private Loaded read(Path file) {
        byte[] bytes;
        try {
            bytes = RegularFiles.read(file, root, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Loaded.refused("not found");
        } catch (RegularFiles.Refused e) {
            return Loaded.refused(switch (e.reason()) {
                case OUTSIDE -> "a link outside the course folder, not included";
                case TOO_BIG -> "larger than " + e.detail() + ", not included";
                case NOT_A_FILE -> e.detail() + ", not an image";
            });
        } catch (IOException e) {
            return Loaded.refused("could not be read");
        }
        if (!isPng(bytes) && !isJpeg(bytes)) {
            return Loaded.refused("not a PNG or JPEG image");
        }
        try {
            if (pixels(bytes) > MAX_PIXELS) {
                return Loaded.refused("too many pixels to include");
            }
            return new Loaded(PDImageXObject.createFromByteArray(doc, bytes, file.getFileName().toString()), null);
        } catch (IOException | RuntimeException e) {
            return Loaded.refused("could not be read");
        }
    }

    /** Width × height from the header, before anything is decoded, so a huge image cannot exhaust memory. */
    private static long pixels(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no reader");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }
}
