package dev.lectern.ui;

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

    private Styles() {
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
