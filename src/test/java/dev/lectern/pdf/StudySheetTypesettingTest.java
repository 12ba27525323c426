package dev.lectern.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study sheet of a reading with formulas, a long table, many headings and images, read back with PDFBox: the
 * formulas are pictures, the table is a table, no heading or label ends a page, and only images inside the course
 * are drawn.
 */
class StudySheetTypesettingTest {

    @TempDir
    Path dir;

    Course course;
    Path pdf;
    PdfExporter.Result result;

    @BeforeEach
    void exportTheSheet() throws IOException {
        Path root = dir.resolve("course");
        Files.createDirectories(root.resolve("readings/images"));
        Files.createDirectories(root.resolve("questions"));
        png(root.resolve("readings/images/inside.png"), 90, 60);
        png(root.resolve("readings/images/chart one.png"), 50, 40);
        png(dir.resolve("outside.png"), 70, 30);
        Files.writeString(root.resolve("readings/typeset.md"), reading());
        Files.writeString(root.resolve("questions/typeset-set.json"), questions());
        course = CourseLoader.load(root).course();
        pdf = dir.resolve("typeset.pdf");
        result = new PdfExporter(course).exportReading("typeset", false, pdf);
    }

    @Test
    void formulasAreDrawnAsImagesAndTheirSourceIsNotInTheText() throws IOException {
        String text = ExportFixtures.text(pdf);

        assertThat(text).contains("Before the inline formula", "comes after it.", "The display formula",
                "is the likelihood.")
                .doesNotContain("\\mid", "$$", "\\prod", "$p(");
        assertThat(imagesOnPageWith("Before the inline formula")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFormulaJLaTeXMathCannotParsePrintsAsItsSourceAndIsNoted() throws IOException {
        assertThat(ExportFixtures.text(pdf)).contains("A broken one: $\\notacommand x$ stays readable.");
        assertThat(result.notes()).anyMatch(n -> n.contains("$\\notacommand x$") && n.contains("printed as its source"));
        assertThat(lines().values().stream().flatMap(List::stream)
                .filter(l -> l.text().contains("notacommand")).findFirst().orElseThrow().fonts())
                .anyMatch(font -> font.contains("Mono"));
    }

    @Test
    void aTableIsDrawnWithItsCellsAndItsHeaderRepeatedOnTheNextPage() throws IOException {
        String text = ExportFixtures.text(pdf);
        assertThat(text).contains("cell-1-a", "cell-60-c", "Parameters").doesNotContain("|");

        int first = pageWith("cell-1-a");
        int last = pageWith("cell-60-c");
        assertThat(last).isGreaterThan(first);
        for (int page = first; page <= last; page++) {
            assertThat(pageText(page)).contains("Model Parameters Remark");
        }
    }

    @Test
    void noPageEndsWithAHeadingOrALabel() throws IOException {
        Map<Integer, List<Line>> lines = lines();
        assertThat(lines).hasSizeGreaterThan(3);
        for (Map.Entry<Integer, List<Line>> page : lines.entrySet()) {
            List<Line> body = page.getValue().stream().filter(l -> l.size() > 8.1f).toList();
            Line lastLine = body.get(body.size() - 1);
            assertThat(lastLine.isHeading() || List.of("Answer", "Key points").contains(lastLine.text().strip()))
                    .as("the last line of page %d: %s", page.getKey(), lastLine).isFalse();
        }
        // The headings fell where they would have been last on a page at least once, and were moved.
        assertThat(lines.values().stream().skip(1).map(p -> p.get(0)).filter(Line::isHeading)).isNotEmpty();
    }

    @Test
    void imagesInsideTheCourseAreEmbeddedAndOneOutsideIsANote() throws IOException {
        assertThat(ExportFixtures.images(pdf)).contains("90x60", "50x40").doesNotContain("70x30");
        assertThat(ExportFixtures.text(pdf)).contains("[image:", "outside the course folder")
                .doesNotContain("[image: chart", "[image: images/inside.png");
    }

    // ---- the course ----

    private static String reading() {
        StringBuilder notes = new StringBuilder();
        notes.append("Before the inline formula $p(X_a \\mid X_v)$ comes after it.\n\n");
        notes.append("The display formula\n\n$$ p(X_a \\mid X_v) = \\prod_{i=1}^{L} p_\\theta(x_i \\mid X_v) $$\n\n"
                + "is the likelihood.\n\n");
        notes.append("A broken one: $\\notacommand x$ stays readable.\n\n");
        notes.append("![chart](images/chart%20one.png)\n\n![away](../../outside.png)\n\n");
        notes.append("| Model | Parameters | Remark |\n|---|---|---|\n");
        for (int i = 1; i <= 60; i++) {
            notes.append("| cell-").append(i).append("-a | cell-").append(i).append("-b | cell-").append(i)
                    .append("-c").append(i % 7 == 0 ? " with a longer remark that has to wrap inside its column" : "")
                    .append(" |\n");
        }
        notes.append('\n');
        for (int i = 1; i <= 40; i++) {
            notes.append("### Heading number ").append(i).append("\n\n")
                    .append("Filler sentence to push the next heading down the page. ".repeat(1 + i % 6))
                    .append("\n\n");
        }
        return """
                ---
                id: typeset
                title: Typesetting check
                week: 2
                questionSets: [typeset-set]
                ---

                ## Abstract

                A reading to typeset.

                ## Slides

                ### Inside slide {image=images/inside.png}

                The slide text.

                ## Notes

                """ + notes;
    }

    private static String questions() {
        StringBuilder qs = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            qs.append(i == 1 ? "" : ",").append("{\"id\": \"q").append(i).append("\", \"prompt\": \"Question ")
                    .append(i).append("?\", \"referenceAnswer\": \"")
                    .append("Answer sentence. ".repeat(1 + i % 9)).append("\", \"keyPoints\": [\"point ").append(i)
                    .append("\"]}");
        }
        return "{\"id\": \"typeset-set\", \"title\": \"Typeset questions\", \"readings\": [\"typeset\"],"
                + " \"questions\": [" + qs + "]}";
    }

    private static void png(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(2, 2, width - 4, height - 4);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    // ---- reading the PDF back ----

    /** A line of text on a page: its glyphs' text, largest size, and the fonts used. */
    record Line(String text, float size, List<String> fonts) {
        /** Headings (and a table's header row, or a slide's title) are the lines set in bold alone. */
        boolean isHeading() {
            return !fonts.isEmpty() && fonts.stream().allMatch(f -> f.contains("Bold"));
        }
    }

    /** The lines of each page (1-based), top to bottom, grouped by baseline. */
    private Map<Integer, List<Line>> lines() throws IOException {
        Map<Integer, List<Line>> pages = new TreeMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                TreeMap<Integer, List<TextPosition>> byBaseline = new TreeMap<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        byBaseline.computeIfAbsent(Math.round(text.getYDirAdj()), y -> new ArrayList<>()).add(text);
                    }
                };
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(doc);
                List<Line> lines = new ArrayList<>();
                for (List<TextPosition> glyphs : byBaseline.values()) {
                    StringBuilder text = new StringBuilder();
                    float size = 0;
                    List<String> fonts = new ArrayList<>();
                    for (TextPosition g : glyphs) {
                        text.append(g.getUnicode());
                        size = Math.max(size, g.getFontSizeInPt());
                        if (!g.getUnicode().isBlank()) {
                            fonts.add(g.getFont().getName());
                        }
                    }
                    lines.add(new Line(text.toString(), size, fonts));
                }
                pages.put(p, lines);
            }
        }
        return pages;
    }

    private String pageText(int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc).replaceAll("\\s+", " ");
        }
    }

    private int pageWith(String text) throws IOException {
        for (int p = 1; p <= ExportFixtures.pages(pdf); p++) {
            if (pageText(p).contains(text)) {
                return p;
            }
        }
        throw new AssertionError(text + " is on no page");
    }

    private int imagesOnPageWith(String text) throws IOException {
        int page = pageWith(text);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var resources = doc.getPage(page - 1).getResources();
            int count = 0;
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                    count++;
                }
            }
            return count;
        }
    }
}
