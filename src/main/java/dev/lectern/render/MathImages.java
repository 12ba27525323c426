package dev.lectern.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

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

    // Drawing takes milliseconds; the cache is what this lock guards (FormulaDrawing serialises JLaTeXMath).
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
        FormulaDrawing drawing = FormulaDrawing.draw(tex, display, SIZE, SCALE);
        if (!drawing.ok()) {
            return Result.failed(drawing.error());
        }
        BufferedImage image = drawing.image();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            return Result.failed("The formula image could not be encoded.");
        }
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        int depth = Math.round(drawing.depthPixels() / (float) SCALE);
        return new Result(uri, image.getWidth() / SCALE, image.getHeight() / SCALE, depth, null);
    }
}
