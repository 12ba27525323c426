package dev.lectern.course.load;

import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.SourceRef;
import dev.lectern.files.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a course's images are: checks the image references of a reading (relative paths that stay inside the course
 * folder; remote images are allowed but never loaded, Lectern works offline, they are shown as links) and finds the
 * folder a question's images resolve against.
 */
public final class ImagePaths {

    private ImagePaths() {
    }

    /**
     * The folder the relative image paths of {@code question} resolve against: that of the file it (else its set)
     * was read from, else the course's {@code questions} folder.
     */
    public static Path questionFolder(Path courseRoot, QuestionSet set, Question question) {
        SourceRef source = question.source() != null ? question.source() : set.source();
        if (source == null || source.file() == null) {
            return courseRoot.resolve("questions");
        }
        Path parent = courseRoot.resolve(source.file()).normalize().getParent();
        return parent == null ? courseRoot : parent;
    }

    /**
     * Returns the path to keep, or empty if the reference is refused (after reporting why).
     *
     * @param root        the course folder, absolute and normalised
     * @param readingFile the file the reference is written in; relative paths resolve against its folder
     */
    static Optional<String> check(Path root, Path readingFile, String reference, int line, int column, Problems problems) {
        String ref = reference.strip();
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
            problems.warning(readingFile, line, column, "The image \"" + Words.abbreviate(ref)
                    + "\" is on the web; Lectern never loads from the network, so it shows a link instead."
                    + " Copy the image into the course folder to show it.");
            return Optional.of(ref);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
            problems.error(readingFile, line, column, "The image \"" + Words.abbreviate(ref)
                    + "\" is not a file path; images must be files inside the course folder.");
            return Optional.empty();
        }
        Path relative;
        try {
            relative = Path.of(ref.replace('\\', '/'));
        } catch (InvalidPathException e) {
            problems.error(readingFile, line, column, "The image path \"" + Words.abbreviate(ref)
                    + "\" is not a valid file name.");
            return Optional.empty();
        }
        if (relative.isAbsolute() || ref.startsWith("/") || ref.matches("^[A-Za-z]:[\\\\/].*")) {
            problems.error(readingFile, line, column, "The image path \"" + Words.abbreviate(ref)
                    + "\" is absolute; write it relative to the reading file, inside the course folder.");
            return Optional.empty();
        }
        Path base = readingFile.toAbsolutePath().getParent();
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            problems.error(readingFile, line, column, "The image path \"" + Words.abbreviate(ref)
                    + "\" leads outside the course folder; images must be inside it.");
            return Optional.empty();
        }
        if (!Files.exists(resolved)) {
            problems.warning(readingFile, line, column, "The image \"" + Words.abbreviate(ref)
                    + "\" does not exist (looked for " + root.relativize(resolved) + ").");
            return Optional.of(ref);
        }
        try {
            RegularFiles.check(resolved, root);
        } catch (RegularFiles.Refused e) {
            problems.error(readingFile, line, column, "The image \"" + Words.abbreviate(ref) + "\" " + (e.reason()
                    == RegularFiles.Reason.OUTSIDE ? "is a link to a file outside the course folder; images must be"
                            + " inside it." : "is " + e.detail() + ", not a file; images must be files."));
            return Optional.empty();
        } catch (IOException e) {
            problems.warning(readingFile, line, column, "The image \"" + Words.abbreviate(ref)
                    + "\" cannot be read (" + SourceFile.describe(e) + ").");
        }
        return Optional.of(ref);
    }
}
