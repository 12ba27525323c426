package dev.lectern.interchange.pdf;

import static dev.lectern.interchange.pdf.PdfFiles.describe;

import dev.lectern.course.ReadingKind;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.edit.CourseFileStore;
import dev.lectern.course.edit.DocumentSyntaxException;
import dev.lectern.course.edit.FileStamp;
import dev.lectern.course.edit.ReadingDocument;
import dev.lectern.interchange.pdf.PdfImportResult.Outcome;
import dev.lectern.interchange.pdf.PdfImportResult.PageReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a PDF (a slide deck, a paper) into a reading's slide excerpts: one per page, with the page's text in reading
 * order, its title (the first line of the largest text), a PNG thumbnail under {@code readings/images/<id>/p<N>.png}
 * and the page number. Works page by page (bounded memory whatever the PDF's size; temporary files for PDFBox's
 * buffers when the PDF is big), on up to two threads each with its own copy of the document open (PDFBox documents
 * are not safe to share between threads). Everything that can go wrong ends in a {@link PdfImportResult} that says
 * so in plain words; nothing is thrown.
 *
 * <p>Nothing is written until every page is done: the thumbnails are drawn into a hidden folder beside the images
 * and moved into place at the end, then the reading is saved atomically (with a backup) by {@link CourseFileStore}.
 * A cancelled or failed import leaves the course as it was.
 */
public final class PdfImporter {

    private static final Logger LOG = LoggerFactory.getLogger(PdfImporter.class);
    private static final Pattern READING_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** A thumbnail has at most this many pixels (a poster-sized page is drawn at a lower resolution). */
    static final long MAX_PIXELS = 16_000_000L;
    /** The largest reading file the course loader accepts (as {@code course.SourceFile}). */
    static final long MAX_READING_BYTES = 5L * 1024 * 1024;

    /** Imports with the default progress listener and no way to cancel. */
    public PdfImportResult run(PdfImportRequest request) {
        return run(request, ProgressListener.NONE, () -> false);
    }

    /**
     * Imports {@code request.pdf()} into the reading, telling {@code progress} after each page and stopping (writing
     * nothing) as soon as {@code cancelled} says so (checked between pages).
     */
    public PdfImportResult run(PdfImportRequest request, ProgressListener progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        String name = request.pdf() == null ? "the PDF" : String.valueOf(request.pdf().getFileName());
        try {
            return new Run(request, name, progress, cancelled, start).run();
        } catch (Failure f) {
            return PdfImportResult.failed(f.outcome, f.getMessage(), f.pageCount, since(start));
        } catch (IOException e) {
            LOG.debug("import of {} failed", request.pdf(), e);
            return PdfImportResult.failed(Outcome.FAILED, "Could not import " + name + ": " + describe(e) + ".", 0,
                    since(start));
        } catch (OutOfMemoryError e) {
            return PdfImportResult.failed(Outcome.FAILED, name + " is too large to import with the memory Lectern has"
                    + " (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB).", 0, since(start));
        } catch (RuntimeException e) {
            LOG.warn("import of {} failed", request.pdf(), e);
            return PdfImportResult.failed(Outcome.FAILED, "Could not import " + name + ": " + describe(e) + ".", 0,
                    since(start));
        }
    }

    /** What one page gave. */
    private static final class Page {
        List<TextLine> lines = List.of();
        boolean hasImages;
        String imageName;
        long textNanos;
        long renderNanos;
        long writeNanos;
        final List<String> notes = new ArrayList<>();
    }

    /** One import. */
    private static final class Run {
        final PdfImportRequest request;
        final String name;
        final ProgressListener progress;
        final BooleanSupplier cancelled;
        final long start;
        final int dpi;
        final Path readingsDir;

        Run(PdfImportRequest request, String name, ProgressListener progress, BooleanSupplier cancelled, long start) {
            this.request = request;
            this.name = name;
            this.progress = progress == null ? ProgressListener.NONE : progress;
            this.cancelled = cancelled == null ? () -> false : cancelled;
            this.start = start;
            this.dpi = request.dpi() <= 0 ? PdfImportRequest.DEFAULT_DPI : request.dpi();
            this.readingsDir = request.courseDir() == null ? null : request.courseDir().resolve("readings");
        }

        PdfImportResult run() throws Failure, IOException {
            checkRequest();
            PdfFiles.checkFile(request.pdf(), name);
            Target target = target();
            CourseFileStore store = new CourseFileStore(request.courseDir());
            CourseFileStore.Loaded<ReadingDocument> existing = null;
            if (target.exists) {
                try {
                    existing = store.readReading(target.file);
                } catch (DocumentSyntaxException e) {
                    throw new Failure("readings/" + target.file.getFileName() + " cannot be edited: " + e.getMessage());
                }
            }

            String password = request.password().orElse("");
            PDDocument first = PdfFiles.open(request.pdf(), password, name, request.password().isPresent());
            Path staging = null;
            try {
                int pageCount = first.getNumberOfPages();
                if (pageCount == 0) {
                    throw new Failure(Outcome.FAILED, name + " has no pages.", 0);
                }
                String pdfTitle = Optional.ofNullable(first.getDocumentInformation().getTitle()).orElse("").strip();
                String pdfAuthor = Optional.ofNullable(first.getDocumentInformation().getAuthor()).orElse("").strip();
                progress.started(pageCount);
                Path imagesDir = readingsDir.resolve("images").resolve(request.readingId());
                Files.createDirectories(imagesDir.getParent());
                staging = Files.createTempDirectory(imagesDir.getParent(), "." + request.readingId() + ".importing-");
                Page[] pages = new Page[pageCount];
                int done = renderAll(first, pages, staging, password);
                first.close();
                first = null;
                if (cancelled.getAsBoolean() || done < pageCount) {
                    return cancelledResult(pageCount, done);
                }
                return finish(store, target, existing, pages, staging, imagesDir, pdfTitle, pdfAuthor);
            } finally {
                if (first != null) {
                    first.close();
                }
                if (staging != null) {
                    PdfFiles.deleteTree(staging);
                }
            }
        }

        private PdfImportResult cancelledResult(int pageCount, int done) {
            return PdfImportResult.failed(Outcome.CANCELLED, "Cancelled the import of " + name + " after " + done + " of "
                    + pageCount + " pages; nothing was written.", pageCount, since(start));
        }

        private void checkRequest() throws Failure {
            if (request.pdf() == null) {
                throw new Failure("Name the PDF to import.");
            }
            if (request.courseDir() == null || !Files.isDirectory(request.courseDir())) {
                throw new Failure("The course folder " + request.courseDir() + " does not exist.");
            }
            if (request.readingId() == null || !READING_ID.matcher(request.readingId()).matches()) {
                throw new Failure("\"" + request.readingId() + "\" is not a reading id: ids are short slugs of a-z, 0-9"
                        + " and -, such as llava or week-7-slides.");
            }
            if (request.dpi() != 0 && (request.dpi() < PdfImportRequest.MIN_DPI || request.dpi() > PdfImportRequest.MAX_DPI)) {
                throw new Failure("The thumbnails' resolution must be from " + PdfImportRequest.MIN_DPI + " to "
                        + PdfImportRequest.MAX_DPI + " dpi, not " + request.dpi() + ".");
            }
        }

        /** The reading file and whether it exists. */
        private record Target(Path file, boolean exists) {
        }

        private Target target() throws Failure {
            for (String ext : List.of(".md", ".json")) {
                Path file = readingsDir.resolve(request.readingId() + ext);
                if (Files.isRegularFile(file)) {
                    return new Target(file, true);
                }
            }
            if (request.newReading().isEmpty()) {
                throw new Failure("There is no reading \"" + request.readingId() + "\" in " + readingsDir
                        + "; to create it, say which week it belongs to (and its title).");
            }
            if (request.newReading().get().week() < 0) {
                throw new Failure("The week of the new reading must be a whole number of at least 0, not "
                        + request.newReading().get().week() + ".");
            }
            return new Target(readingsDir.resolve(request.readingId() + ".md"), false);
        }

        /** Draws and reads every page, on up to two threads; the number of pages done. */
        private int renderAll(PDDocument first, Page[] pages, Path staging, String password) throws Failure {
            int threads = request.threads() > 0 ? request.threads()
                    : Math.min(2, Runtime.getRuntime().availableProcessors());
            threads = Math.max(1, Math.min(threads, pages.length));
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<?>> others = new ArrayList<>();
            ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "lectern-pdf-import");
                t.setDaemon(true);
                return t;
            }) : null;
            try {
                for (int i = 1; i < threads; i++) {
                    others.add(pool.submit(() -> {
                        try (PDDocument own = PdfFiles.open(request.pdf(), password, name, true)) {
                            work(own, pages, staging, next, done, stop);
                        } catch (Failure | IOException e) {
                            // The first thread goes on alone.
                            LOG.debug("second copy of {} could not be opened", name, e);
                        }
                        return null;
                    }));
                }
                work(first, pages, staging, next, done, stop);
                for (Future<?> f : others) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        LOG.warn("a page thread of the import of {} failed", name, e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stop.set(true);
                    }
                }
            } finally {
                stop.set(true);
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            int complete = 0;
            for (Page p : pages) {
                if (p != null) {
                    complete++;
                }
            }
            return complete;
        }

        private void work(PDDocument document, Page[] pages, Path staging, AtomicInteger next, AtomicInteger done,
                AtomicBoolean stop) {
            LineStripper stripper = new LineStripper();
            PDFRenderer renderer = new PDFRenderer(document);
            while (!stop.get()) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    stop.set(true);
                    return;
                }
                int index = next.getAndIncrement();
                if (index >= pages.length) {
                    return;
                }
                Page page;
                try {
                    page = page(document, stripper, renderer, index, staging);
                } catch (OutOfMemoryError e) {
                    page = new Page();
                    page.notes.add("page " + (index + 1) + " is too large to read with the memory Lectern has; it is"
                            + " left empty");
                }
                synchronized (pages) {
                    pages[index] = page;
                }
                try {
                    progress.pageDone(done.incrementAndGet(), pages.length);
                } catch (RuntimeException e) {
                    LOG.warn("the progress listener failed", e);
                }
            }
        }

        /** One page: its lines, whether it has images, its thumbnail in the staging folder. */
        private Page page(PDDocument document, LineStripper stripper, PDFRenderer renderer, int index, Path staging) {
            Page page = new Page();
            int number = index + 1;
            long t0 = System.nanoTime();
            PDPage pdPage;
            try {
                pdPage = document.getPage(index);
            } catch (RuntimeException e) {
                page.notes.add("page " + number + " is damaged and was left out (" + describe(e) + ")");
                return page;
            }
            try {
                page.lines = stripper.lines(document, index);
            } catch (IOException | RuntimeException e) {
                page.notes.add("the text of page " + number + " could not be read (" + describe(e) + ")");
            }
            try {
                page.hasImages = PdfFiles.hasImages(pdPage.getResources(), 0);
            } catch (IOException | RuntimeException e) {
                page.hasImages = false;
            }
            long t1 = System.nanoTime();
            page.textNanos = t1 - t0;
            BufferedImage image = null;
            try {
                PDRectangle box = pdPage.getCropBox();
                double pixels = (double) box.getWidth() * box.getHeight() * dpi * dpi / (72.0 * 72.0);
                if (pixels > MAX_PIXELS) {
                    float scale = (float) Math.sqrt(MAX_PIXELS / ((double) box.getWidth() * box.getHeight()));
                    page.notes.add(String.format(Locale.ROOT, "page %d is very large (%.0f × %.0f cm); its image is"
                            + " drawn at %.0f dpi", number, box.getWidth() / 72 * 2.54, box.getHeight() / 72 * 2.54,
                            scale * 72));
                    image = renderer.renderImage(index, scale, ImageType.RGB);
                } else {
                    image = renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
                }
            } catch (IOException | RuntimeException e) {
                page.notes.add("page " + number + " could not be drawn, so it has no image (" + describe(e) + ")");
            } catch (OutOfMemoryError e) {
                page.notes.add("page " + number + " is too large to draw with the memory Lectern has, so it has no"
                        + " image");
            }
            long t2 = System.nanoTime();
            page.renderNanos = t2 - t1;
            if (image != null) {
                String file = "p" + number + ".png";
                try {
                    PdfFiles.writePng(image, staging.resolve(file));
                    page.imageName = file;
                } catch (IOException | RuntimeException e) {
                    page.notes.add("the image of page " + number + " could not be written (" + describe(e) + ")");
                }
            }
            page.writeNanos = System.nanoTime() - t2;
            return page;
        }

        /** Builds the excerpts, moves the images into place and saves the reading. */
        private PdfImportResult finish(CourseFileStore store, Target target,
                CourseFileStore.Loaded<ReadingDocument> existing, Page[] pages, Path staging, Path imagesDir,
                String pdfTitle, String pdfAuthor) throws Failure, IOException {
            List<List<TextLine>> lines = new ArrayList<>();
            for (Page p : pages) {
                lines.add(p.lines);
            }
            Set<String> repeated = SlideText.repeatedLines(lines);
            float pitch = SlideLayout.linePitch(lines);
            List<SlideExcerpt> excerpts = new ArrayList<>();
            List<PageReport> reports = new ArrayList<>();
            List<Integer> withoutText = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int images = 0;
            for (int i = 0; i < pages.length; i++) {
                Page p = pages[i];
                int number = i + 1;
                SlideText.Excerpt excerpt = SlideText.excerpt(p.lines, repeated, pitch);
                Optional<String> image = Optional.ofNullable(p.imageName)
                        .map(f -> "images/" + request.readingId() + "/" + f);
                if (p.imageName != null) {
                    images++;
                }
                if (p.lines.isEmpty()) {
                    withoutText.add(number);
                    if (p.notes.isEmpty()) {
                        notes.add(p.hasImages ? "page " + number + " has no text layer (only images)"
                                : "page " + number + " has no text (it is blank or only drawn)");
                    }
                }
                notes.addAll(p.notes);
                excerpts.add(new SlideExcerpt(excerpt.title(), excerpt.markdown(), image, OptionalInt.of(number)));
                reports.add(new PageReport(number, excerpt.title(), !p.lines.isEmpty(), image,
                        Duration.ofNanos(p.textNanos), Duration.ofNanos(p.renderNanos), Duration.ofNanos(p.writeNanos)));
            }

            ReadingDocument document;
            int replaced = 0;
            if (existing != null) {
                document = existing.document();
                List<SlideExcerpt> slides = new ArrayList<>();
                if (request.append()) {
                    slides.addAll(document.slides());
                } else {
                    replaced = document.slides().size();
                }
                slides.addAll(excerpts);
                document.setSlides(slides);
            } else {
                String firstTitle = excerpts.isEmpty() ? "" : SlideText.plain(excerpts.get(0).title());
                String title = request.newReading().map(PdfImportRequest.NewReading::title).filter(t -> !t.isBlank())
                        .orElse(DeckTitle.title(pdfTitle, stripExtension(name), firstTitle));
                document = ReadingDocument.createMarkdown(request.readingId(), title.strip(),
                        request.newReading().get().week());
                List<String> afterTitle = pages[0].lines.stream().map(l -> SlideText.clean(l.text()))
                        .filter(l -> !l.isEmpty() && !firstTitle.contains(l)).toList();
                List<String> authors = DeckTitle.authors(pdfAuthor, afterTitle);
                if (!authors.isEmpty()) {
                    document.setAuthors(authors);
                }
                document.setKind(ReadingKind.SLIDES);
                document.setSlides(excerpts);
            }
            byte[] bytes = document.toBytes();
            String shown = "readings/" + target.file.getFileName();
            if (bytes.length > MAX_READING_BYTES) {
                throw new Failure(Outcome.FAILED, String.format(Locale.ROOT, "The excerpts of %s would make %s %.1f MB,"
                        + " more than the 5 MB a reading may be; nothing was written. Import a shorter PDF.", name,
                        shown, bytes.length / (1024.0 * 1024.0)), pages.length);
            }
            if (cancelled.getAsBoolean()) {
                return cancelledResult(pages.length, pages.length);
            }
            FileStamp expected = existing != null ? existing.stamp() : FileStamp.ABSENT;
            if (!CourseFileStore.stamp(target.file).sameContent(expected)) {
                throw new Failure(Outcome.FAILED, shown + " changed on disk during the import of " + name
                        + "; nothing was written. Import again.", pages.length);
            }
            PdfFiles.moveImages(staging, imagesDir);
            CourseFileStore.SaveResult saved = store.save(target.file, bytes, expected);
            if (saved instanceof CourseFileStore.Conflict) {
                throw new Failure(Outcome.FAILED, shown + " changed on disk during the import of " + name
                        + "; the reading was not saved. Import again.", pages.length);
            }
            String message = String.format(Locale.ROOT, "Imported %s into %s: %d pages, %d excerpts, %d images, %s.",
                    name, shown, pages.length, excerpts.size(), images,
                    withoutText.isEmpty() ? "every page with text"
                            : withoutText.size() + (withoutText.size() == 1 ? " page" : " pages") + " without text");
            return new PdfImportResult(Outcome.IMPORTED, message, Optional.of(target.file), existing == null,
                    pages.length, List.copyOf(reports), excerpts.size(), replaced, images, List.copyOf(withoutText),
                    List.copyOf(notes), since(start));
        }
    }

    // ------------------------------------------------------------------ words

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
