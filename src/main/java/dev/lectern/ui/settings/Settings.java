package dev.lectern.ui.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Lectern remembers between runs: the course, the reading open in each course, recent courses, the window's
 * place and size, divider positions, theme and zoom, and the folder progress is synced through (File > Sync
 * Folder…). Null fields mean "not yet known".
 */
public record Settings(
        String lastCourse,
        List<String> recentCourses,
        Map<String, String> selectedReadings,
        Double windowX,
        Double windowY,
        Double windowWidth,
        Double windowHeight,
        Boolean maximized,
        List<Double> dividers,
        String theme,
        Double zoom,
        String syncFolder) {

    public static final int MAX_RECENT = 8;

    public Settings {
        recentCourses = recentCourses == null ? List.of() : List.copyOf(recentCourses);
        selectedReadings = selectedReadings == null ? Map.of() : Map.copyOf(selectedReadings);
        dividers = dividers == null ? List.of() : List.copyOf(dividers);
    }

    public static Settings defaults() {
        return new Settings(null, List.of(), Map.of(), null, null, null, null, false, List.of(), "light", 1.0, null);
    }

    /** These settings with {@code course} opened: it becomes the last course and moves to the top of the recent list. */
    public Settings withCourseOpened(String course) {
        java.util.ArrayList<String> recent = new java.util.ArrayList<>(recentCourses);
        recent.remove(course);
        recent.add(0, course);
        return new Settings(course, recent.subList(0, Math.min(MAX_RECENT, recent.size())), selectedReadings, windowX,
                windowY, windowWidth, windowHeight, maximized, dividers, theme, zoom, syncFolder);
    }

    public Settings withSelectedReading(String course, String readingId) {
        Map<String, String> selected = new LinkedHashMap<>(selectedReadings);
        if (readingId == null) {
            selected.remove(course);
        } else {
            selected.put(course, readingId);
        }
        return new Settings(lastCourse, recentCourses, selected, windowX, windowY, windowWidth, windowHeight, maximized,
                dividers, theme, zoom, syncFolder);
    }

    public Settings withWindow(double x, double y, double width, double height, boolean isMaximized, List<Double> dividerPositions) {
        return new Settings(lastCourse, recentCourses, selectedReadings, x, y, width, height, isMaximized,
                dividerPositions, theme, zoom, syncFolder);
    }

    public Settings withTheme(String newTheme) {
        return new Settings(lastCourse, recentCourses, selectedReadings, windowX, windowY, windowWidth, windowHeight,
                maximized, dividers, newTheme, zoom, syncFolder);
    }

    public Settings withSyncFolder(String folder) {
        return new Settings(lastCourse, recentCourses, selectedReadings, windowX, windowY, windowWidth, windowHeight,
                maximized, dividers, theme, zoom, folder);
    }

    public Settings withZoom(double newZoom) {
        return new Settings(lastCourse, recentCourses, selectedReadings, windowX, windowY, windowWidth, windowHeight,
                maximized, dividers, theme, newZoom, syncFolder);
    }
}
