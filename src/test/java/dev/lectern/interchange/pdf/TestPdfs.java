package dev.lectern.interchange.pdf;

import dev.lectern.bench.LectureDeck;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Small PDFs made with PDFBox for the tests: text placed by hand, images, rotation, passwords, damage. */
final class TestPdfs {

    /** A line of text at (x, y) in points from the bottom-left corner, in Helvetica of that size. */
    record Text(float x, float y, float size, String text) {
    }

    static Text text(float x, float y, float size, String text) {
        return new Text(x, y, size, text);
    }

    private TestPdfs() {
    }

    /** A Letter-size PDF, one page per list of lines (drawn in the order given), with PDFBox's classic xref table. */
    static Path write(Path file, List<List<Text>> pages) throws IOException {
        return write(file, pages, doc -> { });
    }

    /** As {@link #write(Path, List)}, with a last touch to the document before it is saved. */
    static Path write(Path file, List<List<Text>> pages, Consumer<PDDocument> touch) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<Text> lines : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Text t : lines) {
                        content.beginText();
                        content.setFont(font, t.size());
                        content.newLineAtOffset(t.x(), t.y());
                        content.showText(t.text());
                        content.endText();
                    }
                }
            }
            touch.accept(document);
            document.save(file.toFile(), CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    /** Adds a page that is only a picture (a scan): no text layer. */
    static void addImageOnlyPage(PDDocument document) {
        try {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            BufferedImage picture = LectureDeck.photo(300, 200, new Random(3));
            PDImageXObject image = LosslessFactory.createFromImage(document, picture);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 50, 300, 500, 333);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Protects the document: anyone may open it with {@code userPassword} ("" for anyone at all). */
    static Consumer<PDDocument> encrypted(String userPassword) {
        return document -> {
            try {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /**
     * One page whose text is drawn with ligature glyphs (fi, fl, ff, ffi, ffl by their glyph names, as TeX and
     * word processors write them): "efficient floor effect office raffle fish".
     */
    static Path writeWithLigatures(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.TYPE1);
            font.setName(COSName.BASE_FONT, "Helvetica");
            COSDictionary encoding = new COSDictionary();
            encoding.setItem(COSName.TYPE, COSName.ENCODING);
            encoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
            COSArray differences = new COSArray();
            differences.add(COSInteger.get(1));
            for (String glyph : List.of("fi", "fl", "ff", "ffi", "ffl")) {
                differences.add(COSName.getPDFName(glyph));
            }
            encoding.setItem(COSName.DIFFERENCES, differences);
            font.setItem(COSName.ENCODING, encoding);
            font.setInt(COSName.FIRST_CHAR, 1);
            font.setInt(COSName.LAST_CHAR, 126);
            COSArray widths = new COSArray();
            int[] ligatures = {556, 556, 556, 834, 834};
            for (int code = 1; code <= 126; code++) {
                float w = code <= 5 ? ligatures[code - 1] : code >= 32 ? helvetica.getWidth(code) : 0;
                widths.add(COSInteger.get(Math.round(w)));
            }
            font.setItem(COSName.WIDTHS, widths);

            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(font));
            page.setResources(resources);
            PDStream stream = new PDStream(document);
            try (OutputStream out = stream.createOutputStream()) {
                String content = "BT /F1 24 Tf 72 700 Td (Ligatures) Tj ET\n"
                        + "BT /F1 12 Tf 72 650 Td (e\004cient \002oor e\003ect o\004ce ra\005e \001sh) Tj ET\n";
                out.write(content.getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(stream);
            document.save(file.toFile(), CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    /**
     * Breaks the cross-reference table: every offset in it is moved 7 bytes off, and startxref points into the
     * middle of nowhere (PDFBox's lenient parser can rebuild the table by scanning the file).
     */
    static Path breakCrossReferences(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        int xref = text.lastIndexOf("\nxref");
        StringBuilder out = new StringBuilder(text.substring(0, xref));
        String rest = text.substring(xref);
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile("(\\d{10}) (\\d{5}) n").matcher(rest);
        StringBuilder shifted = new StringBuilder();
        while (entry.find()) {
            long offset = Long.parseLong(entry.group(1)) + 7;
            entry.appendReplacement(shifted, String.format("%010d %s n", offset, entry.group(2)));
        }
        entry.appendTail(shifted);
        String broken = shifted.toString().replaceAll("startxref\\s+\\d+", "startxref\n" + (text.length() / 3));
        out.append(broken);
        Files.write(file, out.toString().getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    /** The lines of {@code n} pages with a header, a footer with the page number, and a body of their own. */
    static List<List<Text>> pagesWithHeaderAndFooter(int n) {
        List<List<Text>> pages = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            pages.add(List.of(
                    text(72, 760, 9, "Multimodal Foundation Models, Fall 2026"),
                    text(72, 690, 24, "Slide title " + i),
                    text(72, 640, 12, "Body text of slide " + i + "."),
                    text(72, 30, 9, "Lecture 7"),
                    text(520, 30, 9, "Page " + i + " of " + n)));
        }
        return pages;
    }
}
