package dev.lectern.render;

import dev.lectern.files.RegularFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Decides what an image reference becomes: a file: URI for a file inside the course folder, a link for a remote
 * image (never loaded, Lectern is offline), and a visible refusal for everything else.
 */
final class ImagePolicy {

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[a-z]:[\\\\/].*", Pattern.DOTALL);

    private final Path root;
    private final Path realRoot;

    ImagePolicy(Path courseRoot) {
        this.root = courseRoot.toAbsolutePath().normalize();
        this.realRoot = realPath(root);
    }

    Path root() {
        return root;
    }

    /**
     * The element to show for an image reference written in a file of {@code baseDir}.
     *
     * @param alt the image's description, shown in placeholders; may be empty
     */
    Element element(String reference, String alt, Path baseDir) {
        String ref = Urls.clean(reference);
        String description = alt == null ? "" : alt.strip();
        if (ref.isEmpty()) {
            return refused("the image has no path.");
        }
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
            // A scheme-relative URL would resolve against file: in the reading view; the web meant https.
            String url = lower.startsWith("//") ? "https:" + ref : ref;
            Element span = new Element("span").addClass("remote-image").appendText("Remote image not loaded: ");
            span.appendElement("a").addClass("ext-link").attr("href", url)
                    .text(description.isEmpty() ? url : description);
            return span;
        }
        if (WINDOWS_DRIVE.matcher(lower).matches() || ref.startsWith("/") || ref.startsWith("\\")) {
            return refused("\u201c" + abbreviate(ref) + "\u201d is an absolute path; images must be files inside"
                    + " the course folder, written relative to the reading.");
        }
        if (SCHEME.matcher(lower).matches()) {
            String scheme = lower.substring(0, lower.indexOf(':'));
            return refused("a " + scheme + " URL is not a file in the course folder; images must be files inside it.");
        }
        Path resolved;
        try {
            Path relative = Path.of(percentDecode(withoutQuery(ref)).replace('\\', '/'));
            if (relative.isAbsolute()) {
                return refused("\u201c" + abbreviate(ref) + "\u201d is an absolute path; images must be files inside"
                        + " the course folder.");
            }
            resolved = root.resolve(baseDir == null ? root : baseDir).resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return refused("\u201c" + abbreviate(ref) + "\u201d is not a valid file name.");
        }
        if (!resolved.startsWith(root)) {
            return refused("\u201c" + abbreviate(ref) + "\u201d leads outside the course folder.");
        }
        if (!staysInsideAfterLinks(resolved)) {
            return refused("\u201c" + abbreviate(ref) + "\u201d is a link to a file outside the course folder.");
        }
        if (Files.exists(resolved)) {
            try {
                RegularFiles.check(resolved, null);
            } catch (RegularFiles.Refused e) {
                // A named pipe would hang the reading view's loader; a folder or a device is no image either.
                return refused("\u201c" + abbreviate(ref) + "\u201d is " + e.detail() + ", not a file.");
            } catch (IOException e) {
                // Gone since, or unreadable: the view shows a missing image, as for any file it cannot load.
            }
        }
        Element img = new Element("img").attr("src", resolved.toUri().toString());
        img.attr("alt", description);
        return img;
    }

    /**
     * The deepest part of the path that exists, with every symbolic link followed, must still be in the course
     * folder; a link that dangles now could be pointed anywhere later, so it is refused too.
     */
    private boolean staysInsideAfterLinks(Path resolved) {
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return true;
        }
        if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            return false;
        }
        try {
            return existing.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static Element refused(String reason) {
        return new Element("span").addClass("refused-image").text("Image refused: " + reason);
    }

    private static String withoutQuery(String ref) {
        int cut = ref.length();
        int q = ref.indexOf('?');
        int h = ref.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (h >= 0) {
            cut = Math.min(cut, h);
        }
        return ref.substring(0, cut);
    }

    /** Markdown writes spaces and the like as %XX in image URLs; the file name has the real characters. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }
}
