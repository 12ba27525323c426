package dev.lectern.course.edit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value that remembers the text it was read from, for editing course files without noisy diffs. A value
 * that was read and not changed since is written back as its original text, byte for byte; a changed object or
 * array is written in the canonical form (2-space indent, one item per line, known keys in a fixed order, then
 * the others in their original order), with its untouched parts still written as they were.
 */
abstract class JsonTree {

    /** The source text of this value, or null for a value made or changed in memory. */
    String raw;
    /** How deeply the value was nested where it was read (the root is 0); raw text is reused only at that depth. */
    int depth;

    abstract JsonTree copy();

    /** Gives {@code copy}, a copy of this value, the source text and depth this value was read with. */
    <T extends JsonTree> T readAs(T copy) {
        copy.raw = raw;
        copy.depth = depth;
        return copy;
    }

    /** True if this value or anything inside it changed since it was read. */
    abstract boolean changed();

    /** The key order of the objects of a kind of file: {@code order} first, then unknown keys as they came. */
    record Shape(List<String> order, Map<String, Shape> children) {
        static final Shape ANY = new Shape(List.of(), Map.of());

        Shape child(String key) {
            return children.getOrDefault(key, ANY);
        }
    }

    static final class JObject extends JsonTree {
        /** Entries in file order; a repeated key (which the loader reports) is kept, not merged. */
        final List<Map.Entry<String, JsonTree>> entries = new ArrayList<>();
        boolean modified;

        JsonTree get(String key) {
            for (Map.Entry<String, JsonTree> e : entries) {
                if (e.getKey().equals(key)) {
                    return e.getValue();
                }
            }
            return null;
        }

        /** Sets or adds {@code key}; null removes it. Does nothing if the value is the same as the one there. */
        void put(String key, JsonTree value) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).getKey().equals(key)) {
                    if (value == null) {
                        entries.remove(i);
                        modified = true;
                    } else if (!sameValue(entries.get(i).getValue(), value)) {
                        entries.set(i, Map.entry(key, value));
                        modified = true;
                    }
                    return;
                }
            }
            if (value != null) {
                entries.add(Map.entry(key, value));
                modified = true;
            }
        }

        @Override
        JObject copy() {
            JObject c = readAs(new JObject());
            c.modified = modified;
            entries.forEach(e -> c.entries.add(Map.entry(e.getKey(), e.getValue().copy())));
            return c;
        }

        @Override
        boolean changed() {
            return raw == null || modified || entries.stream().anyMatch(e -> e.getValue().changed());
        }
    }

    static final class JArray extends JsonTree {
        final List<JsonTree> items = new ArrayList<>();
        boolean modified;

        @Override
        JArray copy() {
            JArray c = readAs(new JArray());
            c.modified = modified;
            items.forEach(item -> c.items.add(item.copy()));
            return c;
        }

        @Override
        boolean changed() {
            return raw == null || modified || items.stream().anyMatch(JsonTree::changed);
        }
    }

    /** A string, number ({@link BigDecimal} or {@link Long}), boolean, or null ({@code value == null}). */
    static final class JScalar extends JsonTree {
        final Object value;

        JScalar(Object value) {
            this.value = value;
        }

        @Override
        JScalar copy() {
            return readAs(new JScalar(value));
        }

        @Override
        boolean changed() {
            return raw == null;
        }
    }

    static JScalar string(String s) {
        return new JScalar(Objects.requireNonNull(s));
    }

    static JScalar number(long n) {
        return new JScalar(n);
    }

    static JArray strings(List<String> values) {
        JArray array = new JArray();
        values.forEach(v -> array.items.add(string(v)));
        return array;
    }

    /** Same JSON value, whatever the text it came from. */
    static boolean sameValue(JsonTree a, JsonTree b) {
        if (a instanceof JScalar x && b instanceof JScalar y) {
            if (x.value instanceof Number m && y.value instanceof Number n) {
                return new BigDecimal(m.toString()).compareTo(new BigDecimal(n.toString())) == 0;
            }
            return Objects.equals(x.value, y.value);
        }
        if (a instanceof JArray x && b instanceof JArray y) {
            if (x.items.size() != y.items.size()) {
                return false;
            }
            for (int i = 0; i < x.items.size(); i++) {
                if (!sameValue(x.items.get(i), y.items.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JObject x && b instanceof JObject y) {
            if (x.entries.size() != y.entries.size()) {
                return false;
            }
            for (int i = 0; i < x.entries.size(); i++) {
                if (!x.entries.get(i).getKey().equals(y.entries.get(i).getKey())
                        || !sameValue(x.entries.get(i).getValue(), y.entries.get(i).getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- reading

    /** Parses strict JSON; throws {@link IllegalArgumentException} with a 1-based line and column on bad input. */
    static JsonTree parse(String text) {
        Reader reader = new Reader(text);
        reader.skipSpace();
        JsonTree root = reader.value(0);
        reader.skipSpace();
        if (reader.pos < text.length()) {
            throw reader.error("only one value may be in the file");
        }
        return root;
    }

    private static final class Reader {
        final String text;
        int pos;

        Reader(String text) {
            this.text = text;
            pos = text.startsWith("\uFEFF") ? 1 : 0;
        }

        JsonTree value(int depth) {
            if (depth > 200) {
                throw error("nested too deeply");
            }
            if (pos >= text.length()) {
                throw error("unexpected end of file");
            }
            int start = pos;
            char c = text.charAt(pos);
            JsonTree out;
            if (c == '{') {
                JObject object = new JObject();
                elements('}', () -> {
                    if (peek() != '"') {
                        throw error("a key in quotes expected");
                    }
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    object.entries.add(Map.entry(key, value(depth + 1)));
                });
                out = object;
            } else if (c == '[') {
                JArray array = new JArray();
                elements(']', () -> array.items.add(value(depth + 1)));
                out = array;
            } else if (c == '"') {
                out = new JScalar(string());
            } else if (text.startsWith("true", pos)) {
                pos += 4;
                out = new JScalar(Boolean.TRUE);
            } else if (text.startsWith("false", pos)) {
                pos += 5;
                out = new JScalar(Boolean.FALSE);
            } else if (text.startsWith("null", pos)) {
                pos += 4;
                out = new JScalar(null);
            } else if (c == '-' || c >= '0' && c <= '9') {
                while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                    pos++;
                }
                String number = text.substring(start, pos);
                try {
                    BigDecimal d = new BigDecimal(number);
                    out = new JScalar(number.matches("-?\\d{1,18}") ? (Object) d.longValueExact() : d);
                } catch (NumberFormatException | ArithmeticException e) {
                    pos = start;
                    throw error("not a number");
                }
            } else {
                throw error("unexpected character '" + c + "'");
            }
            out.raw = text.substring(start, pos);
            out.depth = depth;
            return out;
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("a text is never closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("a control character inside a text");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = pos < text.length() ? text.charAt(pos++) : '?';
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("a bad \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("a bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("a bad escape");
                    }
                }
            }
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "' expected");
            }
            pos++;
        }

        void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        /**
         * Reads the elements of an object or array from its opening bracket to {@code close}: none, or
         * {@code element} after element, with commas between and white space around each.
         */
        private void elements(char close, Runnable element) {
            pos++;
            skipSpace();
            if (peek() == close) {
                pos++;
                return;
            }
            while (true) {
                skipSpace();
                element.run();
                skipSpace();
                if (peek() != ',') {
                    expect(close);
                    return;
                }
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new IllegalArgumentException(line + ":" + (pos - lineStart + 1) + ": " + what);
        }
    }

    // ---------------------------------------------------------------- writing

    /** The value as text: untouched parts as they were read, changed ones canonical. No trailing newline. */
    static String write(JsonTree value, Shape shape) {
        StringBuilder out = new StringBuilder();
        write(value, shape, 0, out, false);
        return out.toString();
    }

    /** Every part canonical, ignoring the text it was read from. */
    static String writeCanonical(JsonTree value, Shape shape) {
        StringBuilder out = new StringBuilder();
        write(value, shape, 0, out, true);
        return out.toString();
    }

    private static void write(JsonTree value, Shape shape, int depth, StringBuilder out, boolean canonical) {
        if (!canonical && value.raw != null && value.depth == depth && !value.changed()) {
            out.append(value.raw);
            return;
        }
        if (value instanceof JScalar scalar) {
            writeScalar(scalar.value, out);
        } else if (value instanceof JArray array) {
            if (array.items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < array.items.size(); i++) {
                indent(out, depth + 1);
                write(array.items.get(i), shape, depth + 1, out, canonical);
                out.append(i + 1 < array.items.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append(']');
        } else {
            JObject object = (JObject) value;
            if (object.entries.isEmpty()) {
                out.append("{}");
                return;
            }
            List<Map.Entry<String, JsonTree>> ordered = new ArrayList<>();
            for (String key : shape.order()) {
                object.entries.stream().filter(e -> e.getKey().equals(key)).forEach(ordered::add);
            }
            object.entries.stream().filter(e -> !shape.order().contains(e.getKey())).forEach(ordered::add);
            out.append("{\n");
            for (int i = 0; i < ordered.size(); i++) {
                Map.Entry<String, JsonTree> e = ordered.get(i);
                indent(out, depth + 1);
                writeString(e.getKey(), out);
                out.append(": ");
                write(e.getValue(), shape.child(e.getKey()), depth + 1, out, canonical);
                out.append(i + 1 < ordered.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append('}');
        }
    }

    private static void writeScalar(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            writeString(s, out);
        } else if (v instanceof BigDecimal d) {
            out.append(d.toString());
        } else {
            out.append(v);
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    static void writeString(String s, StringBuilder out) {
        QuotedStrings.appendJson(out, s);
    }
}
