package dev.lectern.course.load;

import dev.lectern.course.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Validation as you type: the loader's own checks, and so its own messages ({@code file:line:column: message}),
 * on a document's bytes before they are saved.
 */
public final class CourseDocuments {

    private CourseDocuments() {
    }

    /**
     * The problems of one file on its own (syntax, keys, required fields, ids, images), as the loader reports them
     * for {@code file}, which need not exist. The file's kind comes from its folder and extension, as for the
     * loader: {@code readings/*.md}, {@code readings/*.json}, {@code questions/*.json}.
     */
    public static List<Problem> validate(Path file, byte[] bytes) {
        Path path = file.toAbsolutePath().normalize();
        Path root = path.getParent() == null || path.getParent().getParent() == null ? path.getParent()
                : path.getParent().getParent();
        Problems problems = new Problems();
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean inQuestions = path.getParent() != null && path.getParent().getFileName() != null
                && path.getParent().getFileName().toString().equals("questions");
        SourceFile.decode(path, bytes, problems).ifPresent(text -> {
            if (inQuestions && name.endsWith(".json")) {
                new QuestionSetParser().parse(path, text, problems);
            } else if (name.equals(CourseFileParser.FILE_NAME)) {
                new CourseFileParser().parse(path, text, problems);
            } else if (name.endsWith(".md")) {
                new MarkdownReadingParser(root).parse(path, text, problems);
            } else if (name.endsWith(".json")) {
                new JsonReadingParser(root).parse(path, text, problems);
            } else {
                problems.warning(path, 1, 1, "This file is not a reading or a question set, so it is not checked.");
            }
        });
        List<Problem> out = new java.util.ArrayList<>(problems.list());
        out.sort(Problem.IN_FILE_ORDER);
        return out;
    }

    /**
     * The problems of {@code file} (in {@code courseDir}'s {@code readings/} or {@code questions/}) as the loader
     * reports them when loading the whole course with the file holding {@code bytes}: its own problems and the
     * checks across files (readings and sets that must exist, ids used twice).
     */
    public static List<Problem> validateInCourse(Path courseDir, Path file, byte[] bytes) {
        Path path = file.toAbsolutePath().normalize();
        return CourseLoader.load(courseDir, Map.of(path, bytes)).problems().stream()
                .filter(p -> p.file().toAbsolutePath().normalize().equals(path))
                .toList();
    }
}
