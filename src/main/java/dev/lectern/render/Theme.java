package dev.lectern.render;

import java.util.Locale;

/** The colour scheme a reading is rendered in; the reading stylesheet defines both. */
public enum Theme {
    LIGHT, DARK;

    /** The class on the document body that selects this theme in reading.css, e.g. {@code theme-light}. */
    public String cssClass() {
        return "theme-" + name().toLowerCase(Locale.ROOT);
    }
}
