package dev.lectern.interchange.pdf;

import dev.lectern.files.AtomicFiles;
import dev.lectern.files.RegularFiles;
import dev.lectern.interchange.pdf.PdfImportResult.Outcome;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file work of {@link PdfImporter}: checking and opening the PDF, finding images on a page, writing thumbnails
 * and moving them into place, and saying what went wrong in plain words.
 */
final class PdfFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PdfFiles.class);
    /** Above this, PDFBox keeps its stream buffers in temporary files rather than the heap. */
    static final long BIG_FILE = 32L * 1024 * 1024;

    private PdfFiles() {
    }

    /** Fails, in the user's words, unless {@code pdf} is a file that can be read and starts as a PDF does. */
    static void checkFile(Path pdf, String name) throws Failure {
        if (Files.isDirectory(pdf)) {
            throw new Failure(name + " is a folder, not a PDF.");
        }
        if (!Files.exists(pdf)) {
            throw new Failure(name + " does not exist (looked for " + pdf.toAbsolutePath() + ").");
        }
        try {
            RegularFiles.check(pdf, null);
        } catch (RegularFiles.Refused e) {
            // Opening a named pipe would wait for a writer forever; a device never ends.
            throw new Failure(name + " is " + e.detail() + ", not a PDF file.");
        } catch (IOException e) {
            throw new Failure(name + " cannot be read (" + describe(e) + ").");
        }
        byte[] head = new byte[1024];
        int read;
        try (InputStream in = Files.newInputStream(pdf)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (AccessDeniedException e) {
            throw new Failure(name + " cannot be read: permission denied.");
        } catch (IOException e) {
            throw new Failure(name + " cannot be read (" + describe(e) + ").");
        }
        if (read == 0) {
            throw new Failure(name + " is empty.");
        }
        if (!new String(head, 0, read, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new Failure(name + " is not a PDF (it does not start with %PDF-).");
        }
    }

    /**
     * Opens the PDF: buffers in the heap for small files, in temporary files for big ones. An empty user password
     * opens silently; any other is asked for.
     */
    static PDDocument open(Path pdf, String password, String name, boolean passwordGiven) throws Failure {
        RandomAccessReadBufferedFile source = null;
        try {
            source = new RandomAccessReadBufferedFile(pdf);
            StreamCacheCreateFunction cache = Files.size(pdf) > BIG_FILE ? IOUtils.createTempFileOnlyStreamCache()
                    : IOUtils.createMemoryOnlyStreamCache();
            return Loader.loadPDF(source, password, null, null, cache);
        } catch (InvalidPasswordException e) {
            close(source);
            throw new Failure(Outcome.NEEDS_PASSWORD, passwordGiven && !password.isEmpty()
                    ? "The password given for " + name + " is not right."
                    : name + " is protected by a password; give the password to import it.", 0);
        } catch (IOException e) {
            close(source);
            throw new Failure(Outcome.FAILED, name + " is damaged and could not be read as a PDF (" + describe(e)
                    + ").", 0);
        } catch (RuntimeException e) {
            close(source);
            LOG.debug("opening {} failed", pdf, e);
            throw new Failure(Outcome.FAILED, name + " is damaged and could not be read as a PDF (" + describe(e)
                    + ").", 0);
        }
    }

    private static void close(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing more to do
            }
        }
    }

    /** Whether the page (or a form on it, two levels deep) draws an image. */
    static boolean hasImages(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 2) {
            return false;
        }
        for (COSName xname : resources.getXObjectNames()) {
            if (resources.isImageXObject(xname)) {
                return true;
            }
            PDXObject x = resources.getXObject(xname);
            if (x instanceof PDFormXObject form && hasImages(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes a PNG with a light deflate setting: about a third faster than ImageIO's default for a few percent more
     * bytes (measured on the lecture deck's thumbnails).
     */
    static void writePng(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.75f);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    static void moveImages(Path staging, Path imagesDir) throws IOException {
        Files.createDirectories(imagesDir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path f : files) {
                Path to = imagesDir.resolve(f.getFileName().toString());
                AtomicFiles.replace(f, to);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("could not delete {}", dir, e);
        }
    }

    /** An exception's message in a few plain words, never a stack trace. */
    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        }
        message = message.lines().findFirst().orElse("").strip().replaceAll("[.]+$", "");
        return message.length() > 160 ? message.substring(0, 157) + "…" : message;
    }
}
