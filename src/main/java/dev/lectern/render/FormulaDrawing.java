package dev.lectern.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * A TeX formula drawn by JLaTeXMath in black ink on a transparent image, {@code scale} pixels to the point, for the
 * reading view and for print; or the reason it could not be drawn (a TeX error, a refused command, too large).
 *
 * @param image       the drawing, with even width and height (any padding is at the top), or null on failure
 * @param scale       pixels per point
 * @param depthPixels how far the formula reaches below its baseline, in pixels
 * @param error       why there is no drawing, or null
 */
public record FormulaDrawing(BufferedImage image, int scale, int depthPixels, String error) {

    static final int MAX_TEX_LENGTH = 4000;
    /** Caps the image so a formula like \rule{9999em}{9999em} cannot exhaust memory. */
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

    /** JLaTeXMath keeps parser state in static fields, so every drawing, from any caller, takes this lock. */
    private static final Object JLATEXMATH = new Object();

    public boolean ok() {
        return error == null;
    }

    /** Width in points. */
    public float width() {
        return image == null ? 0 : image.getWidth() / (float) scale;
    }

    /** Height in points, depth included. */
    public float height() {
        return image == null ? 0 : image.getHeight() / (float) scale;
    }

    /** Depth below the baseline in points. */
    public float depth() {
        return depthPixels / (float) scale;
    }

    static FormulaDrawing failed(String reason) {
        return new FormulaDrawing(null, 1, 0, reason);
    }

    /**
     * Draws {@code tex} (without its dollars) at {@code size} points, in display style or text style.
     *
     * @param scale pixels per point: 2 for a high-density screen, 4 for print
     */
    public static FormulaDrawing draw(String tex, boolean display, float size, int scale) {
        Optional<String> refused = refusal(tex);
        if (refused.isPresent()) {
            return failed(refused.get());
        }
        synchronized (JLATEXMATH) {
            return paint(tex, display, size, scale);
        }
    }

    private static FormulaDrawing paint(String tex, boolean display, float size, int scale) {
        TeXIcon icon;
        try {
            TeXFormula formula = new TeXFormula(tex);
            icon = formula.new TeXIconBuilder()
                    .setStyle(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT)
                    .setSize(size * scale)
                    .build();
        } catch (RuntimeException | StackOverflowError e) {
            return failed(message(e));
        }
        icon.setInsets(new Insets(scale, scale, scale, scale));
        icon.setForeground(Color.BLACK);
        // Even sizes, so a 2x image halves exactly and is not resampled unevenly; the spare row goes on top so the
        // depth below the baseline stays what JLaTeXMath says.
        int width = even(icon.getIconWidth());
        int height = even(icon.getIconHeight());
        if (icon.getIconWidth() <= 0 || icon.getIconHeight() <= 0) {
            return failed("The formula is empty.");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            return failed("The formula is too large to draw.");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            icon.paintIcon(null, g, 0, height - icon.getIconHeight());
        } catch (RuntimeException e) {
            return failed(message(e));
        } finally {
            g.dispose();
        }
        return new FormulaDrawing(image, scale, icon.getIconDepth(), null);
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
