package dev.lectern.bench;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A synthetic lecture deck like the ones a course is taught from, for {@code lectern bench pdf} and the tests: 16:9
 * slides with a title in large type, bullets (some wrapping onto a second line), a running header and a footer with
 * the page number on every slide but the first, vector diagrams (boxes, arrows, a bar chart, curves) on most slides,
 * a photo-like embedded image (JPEG, or lossless PNG-style) on every third, one slide rotated and one that is only a
 * scanned image without a text layer.
 */
public final class LectureDeck {

    public static final String COURSE = "CS 8803 · Multimodal Foundation Models";
    public static final String LECTURE = "Lecture 7: Vision-language models";
    /** A 16:9 slide, 10 × 5.625 inches. */
    static final PDRectangle SLIDE = new PDRectangle(720, 405);

    private static final List<String> TOPICS = List.of("Why multimodal models", "Contrastive pre-training",
            "CLIP: image and text encoders", "Zero-shot classification", "Visual instruction tuning",
            "LLaVA architecture", "Projection layers", "Training data from GPT-4", "Two-stage training",
            "Evaluation benchmarks", "Segment Anything", "Promptable segmentation", "The data engine",
            "Video diffusion models", "Factorised generation", "Latent video diffusion", "Scaling ConvNets",
            "Compute-matched comparisons", "Large vision models", "Visual sentences", "Tokenising images",
            "Multi-task multi-modal models", "Open questions", "Summary");
    private static final List<String> BULLETS = List.of(
            "Pairs of images and captions scraped from the web at a very large scale",
            "A symmetric contrastive loss pulls matching pairs together and pushes the others apart",
            "Zero-shot transfer: class names become prompts such as \"a photo of a dog\"",
            "The vision encoder is frozen while the projection and the language model are tuned",
            "Instruction-following data written by a text-only model from captions and boxes",
            "Benchmarks measure conversation, detailed description and complex reasoning",
            "Masks from points, boxes or text, with an ambiguity-aware output of three masks",
            "The model annotates, people correct it, and the model is trained again",
            "Generate an image first, then the video conditioned on it and the text",
            "Temporal layers inserted into a pretrained image diffusion model",
            "With the same compute budget ConvNets match vision transformers",
            "Sequences of images without any text as the training signal",
            "One tokenizer for images, video and audio shared across tasks",
            "Where does the knowledge come from, and how do we evaluate it fairly?");

    private LectureDeck() {
    }

    /** Writes a deck of {@code pages} slides (76 in the bench) to {@code out}. */
    public static void write(Path out, int pages) throws IOException {
        Random random = new Random(7);
        try (PDDocument document = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            document.getDocumentInformation().setTitle(LECTURE);
            for (int n = 1; n <= pages; n++) {
                PDPage page = new PDPage(SLIDE);
                document.addPage(page);
                boolean scanned = n == Math.min(pages, 40);
                if (n == Math.min(pages, 20) && !scanned && n > 1) {
                    page.setRotation(90);
                }
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (scanned) {
                        PDImageXObject scan = JPEGFactory.createFromImage(document, photo(1280, 720, random), 0.8f);
                        content.drawImage(scan, 0, 0, SLIDE.getWidth(), SLIDE.getHeight());
                        continue;
                    }
                    if (n == 1) {
                        titleSlide(content, regular, bold);
                        continue;
                    }
                    String topic = TOPICS.get((n - 2) % TOPICS.size());
                    String title = (n - 2) / TOPICS.size() == 0 ? topic : topic + " (" + ((n - 2) / TOPICS.size() + 1) + ")";
                    headerAndFooter(content, regular, n, pages);
                    text(content, bold, 26, 40, 345, title);
                    boolean picture = n % 3 == 0;
                    float textWidth = picture ? 360 : 620;
                    float y = 300;
                    int bullets = 3 + n % 3;
                    for (int b = 0; b < bullets && y > 70; b++) {
                        String bullet = BULLETS.get((n * 3 + b) % BULLETS.size());
                        y = bullet(content, regular, 15, 50, y, textWidth, bullet);
                    }
                    if (picture) {
                        BufferedImage photo = photo(480, 320, random);
                        PDImageXObject image = n % 2 == 0 ? LosslessFactory.createFromImage(document, photo)
                                : JPEGFactory.createFromImage(document, photo, 0.85f);
                        content.drawImage(image, 430, 90, 250, 166);
                    } else if (n % 4 != 1) {
                        diagram(content, regular, n, random);
                    }
                }
            }
            document.save(out.toFile());
        }
    }

    private static void titleSlide(PDPageContentStream content, PDFont regular, PDFont bold) throws IOException {
        content.setNonStrokingColor(new Color(0x1f, 0x3a, 0x5f));
        content.addRect(0, 0, SLIDE.getWidth(), SLIDE.getHeight());
        content.fill();
        content.setNonStrokingColor(Color.WHITE);
        text(content, bold, 34, 50, 240, LECTURE);
        text(content, regular, 18, 50, 200, COURSE);
        text(content, regular, 14, 50, 170, "Fall 2026");
        content.setNonStrokingColor(Color.BLACK);
    }

    private static void headerAndFooter(PDPageContentStream content, PDFont regular, int n, int pages)
            throws IOException {
        content.setNonStrokingColor(new Color(0x55, 0x55, 0x55));
        text(content, regular, 9, 40, 390, COURSE);
        text(content, regular, 9, 40, 14, LECTURE);
        text(content, regular, 9, 660, 14, n + " / " + pages);
        content.setStrokingColor(new Color(0xcc, 0xcc, 0xcc));
        content.moveTo(40, 382);
        content.lineTo(680, 382);
        content.stroke();
        content.setNonStrokingColor(Color.BLACK);
    }

    private static void text(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** A bullet, wrapped to {@code width}; the y below it. */
    private static float bullet(PDPageContentStream content, PDFont font, float size, float x, float y, float width,
            String text) throws IOException {
        text(content, font, size, x, y, "•");
        String line = "";
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(next) / 1000 * size > width && !line.isEmpty()) {
                text(content, font, size, x + 14, y, line);
                y -= size * 1.25f;
                line = word;
            } else {
                line = next;
            }
        }
        text(content, font, size, x + 14, y, line);
        return y - size * 1.9f;
    }

    /** Boxes and arrows (an encoder pipeline), or a bar chart, with curves. */
    private static void diagram(PDPageContentStream content, PDFont font, int n, Random random) throws IOException {
        if (n % 2 == 0) {
            String[] boxes = {"Image", "Encoder", "Projection", "LLM"};
            for (int i = 0; i < boxes.length; i++) {
                float x = 60 + i * 160;
                content.setNonStrokingColor(new Color(0xdd, 0xe8, 0xf5));
                content.addRect(x, 40, 110, 36);
                content.fill();
                content.setStrokingColor(new Color(0x1f, 0x3a, 0x5f));
                content.addRect(x, 40, 110, 36);
                content.stroke();
                content.setNonStrokingColor(Color.BLACK);
                text(content, font, 11, x + 12, 54, boxes[i]);
                if (i > 0) {
                    content.moveTo(x - 50, 58);
                    content.lineTo(x - 4, 58);
                    content.stroke();
                    content.moveTo(x - 10, 63);
                    content.lineTo(x - 4, 58);
                    content.lineTo(x - 10, 53);
                    content.stroke();
                }
            }
        } else {
            for (int i = 0; i < 8; i++) {
                float h = 10 + random.nextInt(60);
                content.setNonStrokingColor(new Color(60 + i * 20, 100, 200 - i * 15));
                content.addRect(420 + i * 30, 40, 20, h);
                content.fill();
            }
            content.setStrokingColor(new Color(0xc0, 0x39, 0x2b));
            content.setLineWidth(2);
            content.moveTo(420, 60);
            content.curveTo(480, 120, 560, 20, 660, 100);
            content.stroke();
            content.setLineWidth(1);
            content.setNonStrokingColor(Color.BLACK);
        }
    }

    /** A photo-like picture: smooth gradients, blobs and grain (so it compresses like a photo, not a flat fill). */
    public static BufferedImage photo(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        float hue = random.nextFloat();
        int blobs = 6;
        float[][] centres = new float[blobs][3];
        for (float[] c : centres) {
            c[0] = random.nextFloat() * width;
            c[1] = random.nextFloat() * height;
            c[2] = (0.1f + random.nextFloat() * 0.3f) * width;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = 0.3f + 0.4f * y / height;
                for (float[] c : centres) {
                    float dx = x - c[0];
                    float dy = y - c[1];
                    v += 0.25f * (float) Math.exp(-(dx * dx + dy * dy) / (c[2] * c[2]));
                }
                v += (random.nextFloat() - 0.5f) * 0.06f;
                v = Math.max(0, Math.min(1, v));
                image.setRGB(x, y, Color.HSBtoRGB(hue + 0.1f * x / width, 0.5f, v));
            }
        }
        return image;
    }

    /** What {@link #write} makes, in words. */
    public static String describe(int pages) {
        return String.format(Locale.ROOT, "a generated %d-page lecture deck (16:9, titles, bullets, header and footer,"
                + " diagrams, an image on every third slide, one rotated slide, one scanned slide)", pages);
    }
}
