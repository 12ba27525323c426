package dev.lectern.ui.editor;

import java.util.Arrays;
import java.util.List;

/** How the editors' form fields read lists from text: one item a line, or items separated by commas. */
public final class FormText {

    private FormText() {
    }

    /** The non-blank lines, stripped. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The non-blank items between commas, stripped. */
    public static List<String> commaSeparated(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
