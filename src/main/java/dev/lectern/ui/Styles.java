package dev.lectern.ui;

import dev.lectern.grading.Verdict;
import dev.lectern.render.Theme;
import java.net.URL;
import java.util.List;

/** Stylesheet locations and the CSS class names views use (the styles themselves live in styles/). */
public final class Styles {

    public static final String STATUS_BAR = "status-bar";
    public static final String PANEL_TITLE = "panel-title";
    public static final String PROBLEM_ERROR = "problem-error";
    public static final String PROBLEM_WARNING = "problem-warning";
    public static final String SEARCH_GROUP = "search-group";
    public static final String SEARCH_TITLE = "search-title";
    public static final String SEARCH_SNIPPET = "search-snippet";
    public static final String SEARCH_MARK = "search-mark";
    public static final String LIBRARY_WEEK = "library-week";
    public static final String LIBRARY_SESSION = "library-session";
    public static final String PLACEHOLDER = "placeholder";
    public static final String DETAIL = "detail";
    public static final String DRILL_PANE = "drill-pane";
    public static final String DRILL_HEADER = "drill-header";
    public static final String DRILL_TITLE = "drill-title";
    public static final String DRILL_PROGRESS = "drill-progress";
    public static final String DRILL_PROMPT = "drill-prompt";
    public static final String DRILL_HINT = "drill-hint";
    public static final String DRILL_MESSAGE = "drill-message";
    public static final String DRILL_SECTION = "drill-section";
    public static final String DRILL_SUMMARY = "drill-summary";
    public static final String DRILL_ANSWER_FRAME = "drill-answer-frame";
    public static final String VERDICT = "verdict";
    public static final String SCORE = "score";
    public static final String KEY_POINT_COVERED = "key-point-covered";
    public static final String KEY_POINT_MISSED = "key-point-missed";
    public static final String ANSWER_TEXT = "answer-text";
    public static final String ANSWER_EVIDENCE = "answer-evidence";
    public static final String SIGNAL_TABLE = "signal-table";
    public static final String SIGNAL_HEADING = "signal-heading";
    public static final String EXAM_COUNTDOWN = "exam-countdown";
    public static final String EXAM_TOTAL = "exam-total";
    public static final String SAVE_BANNER = "save-banner";
    public static final String RATING_BUTTON = "rating-button";
    public static final String STAT_FIGURE = "stat-figure";
    public static final String MASTERY_BAR = "mastery-bar";
    public static final String EDITOR_FORM = "editor-form";
    public static final String EDITOR_PROBLEMS = "editor-problems";
    public static final String EDITOR_TOOLBAR = "editor-toolbar";

    private Styles() {
    }

    /**
     * The class that colours a verdict: {@code verdict-correct}, {@code verdict-partial}, {@code verdict-incorrect},
     * {@code verdict-unsure}.
     */
    public static String verdict(Verdict verdict) {
        return "verdict-" + verdict.label();
    }

    /** The scene's stylesheets for a theme: the theme's colour tokens, then the app styles that use them. */
    public static List<String> stylesheets(Theme theme) {
        return List.of(url(theme == Theme.DARK ? "theme-dark.css" : "theme-light.css"), url("app.css"));
    }

    private static String url(String name) {
        URL url = Styles.class.getResource("/dev/lectern/styles/" + name);
        if (url == null) {
            throw new IllegalStateException("stylesheet " + name + " is missing from the build");
        }
        return url.toExternalForm();
    }
}
