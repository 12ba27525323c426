package dev.lectern.interchange.anki;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text (CSV, TSV, Anki exports) into records, with the 1-based line each record starts on. A
 * field that starts with a double quote runs to the matching quote ({@code ""} is a quote inside it) and may hold
 * separators and line breaks; quotes inside an unquoted field are plain characters.
 */
final class DelimitedText {

    /** One record: its fields, the line it starts on, and whether a quote in it was never closed. */
    record Row(int line, List<String> fields, boolean unclosedQuote) {
        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private DelimitedText() {
    }

    static List<Row> parse(String text, char separator, int firstLine) {
        List<Row> rows = new ArrayList<>();
        int line = firstLine;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            boolean unclosed = false;
            boolean endOfRow = false;
            while (!endOfRow) {
                StringBuilder field = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    unclosed |= !closed;
                    // Anything between the closing quote and the separator is kept, as spreadsheets do.
                    while (i < n && text.charAt(i) != separator && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        field.append(text.charAt(i));
                        i++;
                    }
                } else {
                    while (i < n && text.charAt(i) != separator && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        field.append(text.charAt(i));
                        i++;
                    }
                }
                fields.add(field.toString());
                if (i >= n) {
                    endOfRow = true;
                } else if (text.charAt(i) == separator) {
                    i++;
                } else {
                    if (text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    line++;
                    endOfRow = true;
                }
            }
            Row row = new Row(rowLine, fields, unclosed);
            if (!row.isBlank() || unclosed) {
                rows.add(row);
            }
        }
        return rows;
    }
}
