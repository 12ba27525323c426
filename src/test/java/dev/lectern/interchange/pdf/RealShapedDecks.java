package dev.lectern.interchange.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lecture decks shaped like real ones, each with what a reader sees as its paragraphs (the truth to compare the
 * import with): slides from Beamer (small 4:3 pages, ▶ bullets, tight lines), PowerPoint (large type, a bullet
 * glyph set apart from its text, sub-items in smaller type, titles in capitals wrapping onto two lines) and Google
 * Slides (line spacing 1.5, extra space between paragraphs, centred paragraphs, two-column slides, words hyphenated
 * at a line end, numbered lists).
 */
final class RealShapedDecks {

    enum Style { BEAMER, POWERPOINT, GOOGLE }

    enum Kind { PARAGRAPH, ITEM, SUBITEM, NUMBERED }

    /** One paragraph or list item as a reader sees it, in reading order; {@code column} 0 or 1 on two-column slides. */
    record Block(Kind kind, String text, int column) {
    }

    /** A slide's title and blocks. */
    record Slide(String title, List<Block> blocks) {
    }

    private static final List<String> CLAUSES = List.of(
            "contrastive pre-training aligns images with their captions in one embedding space",
            "the vision encoder stays frozen while only the projection is trained",
            "a text-only model writes conversations from captions and bounding boxes",
            "zero-shot classification turns every class name into a prompt",
            "the mask decoder is small enough to run in a browser in real time",
            "ambiguous prompts return three masks ranked by predicted quality",
            "the data engine alternates between model-assisted and fully automatic annotation",
            "temporal layers are inserted into a pretrained image diffusion model",
            "generation is factorised into an image first and then a video conditioned on it",
            "with the same compute budget convolutional networks match vision transformers",
            "visual sentences let a model learn from images without any text",
            "a shared tokenizer maps images, video and audio into discrete codes",
            "instruction tuning on synthetic data improves conversation and reasoning",
            "the benchmark separates detailed description from complex reasoning",
            "scaling the dataset matters more than scaling the encoder beyond a point",
            "the latent space is learned by an autoencoder before diffusion starts",
            "evaluation on held-out categories measures transfer rather than memorisation",
            "the projection maps patch features into the word embedding space of the language model",
            "human annotators corrected masks that the model proposed",
            "classifier-free guidance trades diversity for fidelity to the prompt",
            "the training recipe uses a cosine schedule and a large batch",
            "interleaved image and text documents teach in-context learning",
            "multilingual captions broaden the concepts the encoder recognises",
            "frame interpolation raises the frame rate after the keyframes are generated");
    private static final List<String> TITLES = List.of("Contrastive pre-training", "Visual instruction tuning",
            "Promptable segmentation", "Factorised video generation", "ConvNets at scale", "Visual sentences",
            "One tokenizer for every modality", "What the benchmarks measure", "Open questions",
            "LLM serving and alignment", "Data engines and annotation", "Latent diffusion in practice");
    private static final List<String> LONG_WORDS = List.of("representations", "generalisation", "interpolation",
            "classification", "multimodality", "segmentation", "benchmarking", "quantisation");

    private RealShapedDecks() {
    }

    /** The slides of a deck of {@code style}, {@code count} of them, drawn from {@code seed}. */
    static List<Slide> slides(Style style, int count, long seed) {
        Random random = new Random(seed);
        List<Slide> slides = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String title = TITLES.get(random.nextInt(TITLES.size()));
            List<Block> blocks = new ArrayList<>();
            boolean twoColumns = style == Style.GOOGLE && n % 4 == 3 || style == Style.POWERPOINT && n % 6 == 5;
            int layout = n % 3;
            if (twoColumns) {
                for (int column = 0; column < 2; column++) {
                    for (int i = 0; i < 2 + random.nextInt(2); i++) {
                        blocks.add(new Block(Kind.ITEM, item(random, 1), column));
                    }
                }
            } else if (layout == 0) {
                for (int i = 0; i < 2; i++) {
                    blocks.add(new Block(Kind.PARAGRAPH, paragraph(random, 1 + random.nextInt(3)), 0));
                }
            } else if (layout == 1) {
                for (int i = 0; i < 3 + random.nextInt(2); i++) {
                    blocks.add(new Block(Kind.ITEM, item(random, 1 + random.nextInt(2)), 0));
                    if (style != Style.BEAMER && random.nextInt(3) == 0) {
                        blocks.add(new Block(Kind.SUBITEM, item(random, 1), 0));
                    }
                }
            } else {
                blocks.add(new Block(Kind.PARAGRAPH, paragraph(random, 1), 0));
                for (int i = 0; i < 3; i++) {
                    blocks.add(new Block(style == Style.GOOGLE ? Kind.NUMBERED : Kind.ITEM, item(random, 1), 0));
                }
            }
            slides.add(new Slide(title, blocks));
        }
        return slides;
    }

    private static String sentence(Random random) {
        String clause = CLAUSES.get(random.nextInt(CLAUSES.size()));
        if (random.nextInt(3) == 0) {
            clause += random.nextBoolean() ? ", and " : ", because ";
            clause += CLAUSES.get(random.nextInt(CLAUSES.size()));
        }
        if (random.nextInt(4) == 0) {
            String[] words = clause.split(" ");
            words[random.nextInt(words.length)] = LONG_WORDS.get(random.nextInt(LONG_WORDS.size()));
            clause = String.join(" ", words);
        }
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1) + ".";
    }

    private static String paragraph(Random random, int sentences) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            out.add(sentence(random));
        }
        return String.join(" ", out);
    }

    /** A list item: one or two sentences, or a phrase without a full stop. */
    private static String item(Random random, int sentences) {
        String text = paragraph(random, sentences);
        return random.nextBoolean() ? text.substring(0, text.length() - 1) : text;
    }

    // ------------------------------------------------------------------ drawing

    private record Look(PDRectangle page, float title, float body, float pitch, float space, String bullet,
            float indent, boolean hyphenate) {
    }

    private static Look look(Style style) {
        return switch (style) {
            case BEAMER -> new Look(new PDRectangle(364, 273), 14, 10, 1.2f, 0.5f, "▶", 10, false);
            case POWERPOINT -> new Look(new PDRectangle(720, 540), 36, 22, 1.2f, 0.45f, "•", 22, false);
            case GOOGLE -> new Look(new PDRectangle(720, 405), 28, 16, 1.5f, 1.0f, "●", 18, true);
        };
    }

    /** Writes the slides as a PDF in {@code style}. */
    static Path write(Path file, Style style, List<Slide> slides) throws IOException {
        Look look = look(style);
        try (PDDocument document = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDFont symbols = new PDType1Font(Standard14Fonts.FontName.ZAPF_DINGBATS);
            float margin = look.page.getWidth() * 0.07f;
            for (int n = 0; n < slides.size(); n++) {
                Slide slide = slides.get(n);
                PDPage page = new PDPage(look.page);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = look.page.getHeight() - margin - look.title;
                    String title = style == Style.POWERPOINT ? slide.title().toUpperCase(java.util.Locale.ROOT)
                            : slide.title();
                    float titleWidth = style == Style.POWERPOINT ? look.page.getWidth() * 0.45f
                            : look.page.getWidth() - 2 * margin;
                    for (String line : wrap(bold, look.title, title, titleWidth, false)) {
                        show(content, bold, look.title, margin, y, line);
                        y -= look.title * 1.1f;
                    }
                    y -= look.body * 0.8f;
                    float top = y;
                    boolean columns = slide.blocks().stream().anyMatch(b -> b.column() == 1);
                    float columnWidth = columns ? (look.page.getWidth() - 3 * margin) / 2 : look.page.getWidth()
                            - 2 * margin;
                    int number = 0;
                    for (Block block : slide.blocks()) {
                        if (columns && block.column() == 1 && y != top && slide.blocks().indexOf(block) > 0
                                && slide.blocks().get(slide.blocks().indexOf(block) - 1).column() == 0) {
                            y = top;
                        }
                        float x = margin + (block.column() == 1 ? columnWidth + margin : 0);
                        float size = block.kind() == Kind.SUBITEM ? look.body * 0.85f : look.body;
                        float textX = x;
                        switch (block.kind()) {
                            case ITEM -> {
                                drawBullet(content, style, regular, symbols, look, x, y, size);
                                textX = x + look.indent;
                            }
                            case SUBITEM -> {
                                show(content, regular, size, x + look.indent, y, "–");
                                textX = x + 2 * look.indent;
                            }
                            case NUMBERED -> {
                                show(content, regular, size, x, y, (++number) + ".");
                                textX = x + look.indent;
                            }
                            default -> { }
                        }
                        boolean centred = style == Style.GOOGLE && block.kind() == Kind.PARAGRAPH && n % 5 == 0;
                        float width = columnWidth - (textX - x);
                        for (String line : wrap(regular, size, block.text(), width, look.hyphenate)) {
                            float lineX = centred ? x + (columnWidth - width(regular, size, line)) / 2 : textX;
                            show(content, regular, size, lineX, y, line);
                            y -= size * look.pitch;
                        }
                        y -= size * look.space;
                    }
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static void drawBullet(PDPageContentStream content, Style style, PDFont regular, PDFont symbols, Look look,
            float x, float y, float size) throws IOException {
        switch (style) {
            case BEAMER -> { // a triangle drawn, not a glyph: the text alone tells nothing of the item
                content.moveTo(x, y);
                content.lineTo(x, y + size * 0.7f);
                content.lineTo(x + size * 0.6f, y + size * 0.35f);
                content.closePath();
                content.fill();
            }
            case GOOGLE -> show(content, symbols, size * 0.6f, x, y + size * 0.15f, "\u25CF");
            default -> show(content, regular, size, x, y, "\u2022");
        }
    }

    private static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text broken into lines of at most {@code width}; a long word that does not fit may be hyphenated. */
    static List<String> wrap(PDFont font, float size, String text, float width, boolean hyphenate) throws IOException {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, next) <= width || line.isEmpty()) {
                line = next;
                continue;
            }
            if (hyphenate && word.length() >= 10 && word.matches("\\p{L}+")) {
                for (int cut = word.length() - 4; cut >= 4; cut--) {
                    String head = line + " " + word.substring(0, cut) + "-";
                    if (width(font, size, head) <= width) {
                        lines.add(head);
                        line = word.substring(cut);
                        word = null;
                        break;
                    }
                }
                if (word == null) {
                    continue;
                }
            }
            lines.add(line);
            line = word;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }
}
