package dev.lectern.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Renders TeX formulas to PNG images with JLaTeXMath (black ink on transparent, drawn at twice the size shown so
 * they stay sharp on high-density screens), and remembers the most recent ones.
 */
final class MathImages {

    /** Either an image (PNG as a data URI, its size and baseline offset at 1x) or the reason TeX could not be drawn. */
    record Result(String dataUri, int width, int height, int depth, String error) {

        boolean ok() {
            return error == null;
        }

        static Result failed(String reason) {
            return new Result(null, 0, 0, 0, reason);
        }
    }

    /** Point size of formulas at 1x; a little above the body text because Computer Modern runs small. */
    static final float SIZE = 18f;
    static final int SCALE = 2;
    static final int MAX_TEX_LENGTH = 4000;
    /** Caps the image at 2x so a formula like \rule{9999em}{9999em} cannot exhaust memory. */
    private static final int MAX_SIDE = 6000;
    private static final long MAX_PIXELS = 8_000_000L;

    /**
     * Commands that would reach outside the formula: \includegraphics reads files and URLs, the definitions and
     * settings change JLaTeXMath for every later formula, the jlm* commands call into Java font and XML hooks.
     */
    private static final Set<String> REFUSED_COMMANDS = Set.of("includegraphics", "newcommand", "renewcommand",
            "newenvironment", "renewenvironment", "DeclareMathOperator", "DeclareMathSizes", "definecolor",
            "magnification", "makeatletter", "makeatother", "def", "gdef", "edef", "xdef", "let");
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z@]+)");

    private static final MathImages SHARED = new MathImages(512);

    private final Map<String, Result> cache;
    private long renders;

    MathImages(int capacity) {
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cache every renderer shares, so opening a reading twice draws its formulas once. */
    static MathImages shared() {
        return SHARED;
    }

    // JLaTeXMath keeps parser state in static fields, so drawing is serialised; it takes milliseconds.
    synchronized Result render(String tex, boolean display) {
        String key = (display ? "D:" : "I:") + tex;
        Result cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        renders++;
        Result result = draw(tex, display);
        cache.put(key, result);
        return result;
    }

    /** How many formulas were actually drawn, as opposed to served from the cache. */
    synchronized long renderCount() {
        return renders;
    }

    synchronized int cachedCount() {
        return cache.size();
    }

    private static Result draw(String tex, boolean display) {
        Optional<String> refused = refusal(tex);
        if (refused.isPresent()) {
            return Result.failed(refused.get());
        }
        TeXIcon icon;
        try {
            TeXFormula formula = new TeXFormula(tex);
            icon = formula.new TeXIconBuilder()
                    .setStyle(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT)
                    .setSize(SIZE * SCALE)
                    .build();
        } catch (RuntimeException | StackOverflowError e) {
            return Result.failed(message(e));
        }
        icon.setInsets(new Insets(SCALE, SCALE, SCALE, SCALE));
        icon.setForeground(Color.BLACK);
        // Even sizes, so the 1x width and height are exact halves and the image is not resampled unevenly.
        int width = even(icon.getIconWidth());
        int height = even(icon.getIconHeight());
        if (width <= 0 || height <= 0) {
            return Result.failed("The formula is empty.");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            return Result.failed("The formula is too large to draw.");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            icon.paintIcon(null, g, 0, 0);
        } catch (RuntimeException e) {
            return Result.failed(message(e));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            return Result.failed("The formula image could not be encoded.");
        }
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        int depth = Math.round(icon.getIconDepth() / (float) SCALE);
        return new Result(uri, width / SCALE, height / SCALE, depth, null);
    }

    private static Optional<String> refusal(String tex) {
        if (tex.length() > MAX_TEX_LENGTH) {
            return Optional.of("The formula is longer than " + MAX_TEX_LENGTH + " characters.");
        }
        Matcher command = COMMAND.matcher(tex);
        while (command.find()) {
            String name = command.group(1);
            if (REFUSED_COMMANDS.contains(name) || name.startsWith("jlm") || name.indexOf('@') >= 0) {
                return Optional.of("\\" + name + " is not allowed in course formulas.");
            }
        }
        return Optional.empty();
    }

    private static int even(int n) {
        return n + (n & 1);
    }

    private static String message(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "The formula is nested too deeply.";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
