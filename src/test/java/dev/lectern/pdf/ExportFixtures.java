package dev.lectern.pdf;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** Courses for the export tests (the bundled one, and small ones written to a temporary folder) and PDF readers. */
final class ExportFixtures {

    static final Path REPO = Path.of("").toAbsolutePath();

    static final String NON_ASCII_READING = """
            ---
            id: unicode
            title: "Müller's é-gradient: α≤β, Σ → ∞"
            authors: [Jürgen Müller, Zoë Núñez]
            year: 2024
            venue: Conférence
            week: 3
            tags: [unicode]
            questionSets: [unicode-set]
            ---

            ## Abstract

            Müller shows that α≤β implies Σ → ∞ for every é and ñ, and that **bold ü** and *italic ø* survive; \
            日本 has no glyph.

            ## Slides

            ### Ölberg slide {page=2 image=images/plot.png}

            - first point with `code ≥ 1`
            - second point

            ### Missing picture {image=images/missing.png}

            Nothing to see.
            """;

    static final String NON_ASCII_SET = """
            {
              "id": "unicode-set",
              "title": "Ümlaut questions",
              "readings": ["unicode"],
              "questions": [
                {
                  "id": "greek",
                  "prompt": "Why does α≤β matter to Müller?",
                  "referenceAnswer": "Because Σ grows → ∞ when α≤β, as Müller shows for é.",
                  "keyPoints": ["Σ diverges", "α≤β"],
                  "tags": ["greek letters"]
                },
                {
                  "id": "tabs",
                  "prompt": "A prompt with \\"quotes\\",\\ta tab and a line\\nbreak?",
                  "referenceAnswer": "Line one.\\n\\n- item **one**\\n- item two with $x^2$",
                  "tags": ["format"]
                }
              ]
            }
            """;

    private ExportFixtures() {
    }

    static Course bundled() {
        return CourseLoader.load(REPO).course();
    }

    /** A course with the non-ASCII reading and its set, and a 120×80 PNG at readings/images/plot.png. */
    static Course nonAscii(Path dir) throws IOException {
        Path root = dir.resolve("course");
        Files.createDirectories(root.resolve("readings/images"));
        Files.createDirectories(root.resolve("questions"));
        Files.writeString(root.resolve("readings/unicode.md"), NON_ASCII_READING);
        Files.writeString(root.resolve("questions/unicode-set.json"), NON_ASCII_SET);
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(10, 10, 100, 60);
        g.dispose();
        ImageIO.write(image, "png", root.resolve("readings/images/plot.png").toFile());
        LoadedCourse loaded = CourseLoader.load(root);
        if (loaded.hasErrors()) {
            throw new AssertionError(loaded.problems());
        }
        return loaded.course();
    }

    /** The text of the PDF, with every run of whitespace as one space. */
    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static List<PDFont> fonts(Path pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
        }
        return fonts;
    }

    /** Width × height of every image drawn on the pages. */
    static List<String> images(Path pdf) throws IOException {
        List<String> images = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    PDXObject x = resources.getXObject(name);
                    if (x instanceof PDImageXObject image) {
                        images.add(image.getWidth() + "x" + image.getHeight());
                    }
                }
            }
        }
        return images;
    }

    static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }
}
