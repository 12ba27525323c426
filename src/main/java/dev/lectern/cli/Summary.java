package dev.lectern.cli;

import dev.lectern.course.load.LoadedCourse;

/** The one-line summary after a validation: what loaded and how many problems. */
public final class Summary {

    private Summary() {
    }

    public static String of(LoadedCourse loaded) {
        return of(loaded, 0);
    }

    /** With {@code moreWarnings} found beyond the loader's (judged examples the grader disagrees with). */
    public static String of(LoadedCourse loaded, int moreWarnings) {
        int readings = loaded.course().readings().size();
        int sets = loaded.course().questionSets().size();
        int questions = loaded.course().questionCount();
        long errors = loaded.errorCount();
        long warnings = loaded.warningCount() + moreWarnings;
        return plural(readings, "reading") + ", " + plural(sets, "question set") + ", " + plural(questions, "question")
                + ": " + plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    public static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
