package dev.lectern.interchange;

import java.nio.file.Path;

/**
 * One reading or question set of an import plan, and what applying the plan does with it; or the course file of a
 * course the import creates.
 *
 * @param type            reading, question set or course file
 * @param id              its id in the course (also its file name)
 * @param title           its title
 * @param action          create a new file, update (merge into) an existing one, or keep the existing one as is
 * @param target          the file in the course folder
 * @param content         the whole new content of {@code target} (empty for {@link Action#KEEP})
 * @param previousContent what {@code target} held when the plan was made (empty for {@link Action#CREATE}); a file
 *                        that changed since is not overwritten
 * @param detail          one sentence for the preview: what was matched or merged, and why
 * @param source          the imported file it comes from
 * @param line            its 1-based line in {@code source}
 */
public record ImportItem(Type type, String id, String title, Action action, Path target, String content,
        String previousContent, String detail, Path source, int line) {

    /** What the item is. */
    public enum Type {
        READING, QUESTION_SET, COURSE_FILE;

        public String label() {
            return switch (this) {
                case READING -> "reading";
                case QUESTION_SET -> "question set";
                case COURSE_FILE -> "course file";
            };
        }
    }

    /** What applying the plan does with the item's file. */
    public enum Action {
        /** Writes a new file; never replaces one that exists by then. */
        CREATE,
        /** Replaces an existing file with a merged version (e.g. new questions added to an existing set). */
        UPDATE,
        /** The course already has it; nothing is written. */
        KEEP;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean writes() {
        return action != Action.KEEP;
    }
}
