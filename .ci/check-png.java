import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** CI check: the screenshot exists, is a real PNG of a window, and is not blank (one colour). */
public class CheckPng {
    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        if (!file.isFile()) {
            fail(file + " is missing");
        }
        BufferedImage image = ImageIO.read(file);
        if (image == null) {
            fail(file + " is not a readable PNG");
        }
        if (image.getWidth() < 400 || image.getHeight() < 300) {
            fail(file + " is only " + image.getWidth() + "x" + image.getHeight());
        }
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        if (colours.size() < 32) {
            fail(file + " looks blank: " + colours.size() + " colours");
        }
        System.out.println(file + ": " + image.getWidth() + "x" + image.getHeight() + ", " + colours.size() + " colours: ok");
    }

    private static void fail(String message) {
        System.err.println("check-png: " + message);
        System.exit(1);
    }
}
