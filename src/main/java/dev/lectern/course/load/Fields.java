package dev.lectern.course.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads typed values out of a {@link Node.ObjectNode}, reporting missing and mistyped fields as problems at
 * the place they were written. Every reader returns a value or an empty result; none throws.
 */
final class Fields {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private final Path file;
    private final Problems problems;

    Fields(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    Path file() {
        return file;
    }

    Problems problems() {
        return problems;
    }

    /**
     * Parses the whole file's {@code text}, which must be a group of keys ({@code what} names the file in the
     * problem if not); empty when it is not, after reporting why.
     */
    Optional<Node.ObjectNode> parseObject(NodeParser.Syntax syntax, String text, String what) {
        Node tree = new NodeParser(file, syntax, 0, problems).parse(text);
        return tree == null ? Optional.empty() : asObject(tree, what);
    }

    /** The root of a file must be a group of keys. */
    Optional<Node.ObjectNode> asObject(Node node, String what) {
        if (node instanceof Node.ObjectNode object) {
            return Optional.of(object);
        }
        problems.error(file, node.line(), node.column(), what + " must be a group of \"key: value\" entries, but is "
                + node.describe() + ".");
        return Optional.empty();
    }

    /** Warns about keys that are not in {@code known}, suggesting the closest known key. */
    void warnUnknownKeys(Node.ObjectNode object, Collection<String> known, String where) {
        for (Node.Field field : object.fields().values()) {
            if (!known.contains(field.key())) {
                String hint = closest(field.key(), known).map(k -> " Did you mean \"" + k + "\"?").orElse("");
                problems.warning(file, field.line(), field.column(),
                        "Unknown key \"" + field.key() + "\" " + where + " (it is ignored)." + hint);
            }
        }
    }

    static Optional<String> closest(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = DISTANCE.apply(key.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d >= 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    Optional<Node.Field> field(Node.ObjectNode object, String key) {
        return Optional.ofNullable(object.fields().get(key));
    }

    /**
     * A required text. Missing, empty or mistyped values are errors; {@code purpose} explains the key, e.g.
     * "the reading's full title".
     */
    Optional<String> requiredText(Node.ObjectNode object, String key, String purpose) {
        Node.Field field = object.fields().get(key);
        if (field == null) {
            problems.error(file, object.line(), object.column(),
                    "\"" + key + "\" is required: " + purpose + ".");
            return Optional.empty();
        }
        Optional<String> text = text(field.value(), key);
        if (text.isPresent() && text.get().isBlank()) {
            problems.error(file, field.value().line(), field.value().column(),
                    "\"" + key + "\" is empty; it should hold " + purpose + ".");
            return Optional.empty();
        }
        if (text.isEmpty() && field.value() instanceof Node.ScalarNode s && s.isNull()) {
            problems.error(file, field.line(), field.column(),
                    "\"" + key + "\" is empty; it should hold " + purpose + ".");
        }
        return text;
    }

    Optional<String> optionalText(Node.ObjectNode object, String key) {
        Node.Field field = object.fields().get(key);
        if (field == null || isNull(field.value())) {
            return Optional.empty();
        }
        return text(field.value(), key).filter(s -> !s.isBlank());
    }

    /**
     * A text field that names one of a fixed set of values: what {@code fromKey} makes of it, or
     * {@code fallback} if the field is missing; a text {@code fromKey} does not know is warned of, with the message
     * {@code unknown} gives for it, and gives {@code fallback}.
     */
    <T> T oneOf(Node.ObjectNode object, String key, Function<String, Optional<T>> fromKey, T fallback,
            Function<String, String> unknown) {
        Optional<String> written = optionalText(object, key);
        if (written.isEmpty()) {
            return fallback;
        }
        Optional<T> parsed = fromKey.apply(written.get());
        if (parsed.isEmpty()) {
            Node v = object.fields().get(key).value();
            problems.warning(file, v.line(), v.column(), unknown.apply(written.get()));
        }
        return parsed.orElse(fallback);
    }

    /** Any scalar but null reads as text (a YAML title of 1984 is the text "1984"). */
    Optional<String> text(Node node, String key) {
        if (node instanceof Node.ScalarNode scalar && scalar.value() != null) {
            Object v = scalar.value();
            if (v instanceof String s) {
                return Optional.of(s);
            }
            return Optional.of(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        if (node instanceof Node.ScalarNode) {
            return Optional.empty();
        }
        problems.error(file, node.line(), node.column(),
                "\"" + key + "\" should be text, but is " + node.describe() + ".");
        return Optional.empty();
    }

    OptionalInt requiredInt(Node.ObjectNode object, String key, String purpose) {
        Node.Field field = object.fields().get(key);
        if (field == null || isNull(field.value())) {
            int line = field == null ? object.line() : field.line();
            int column = field == null ? object.column() : field.column();
            problems.error(file, line, column, "\"" + key + "\" is required: " + purpose + ".");
            return OptionalInt.empty();
        }
        return integer(field.value(), key, purpose);
    }

    OptionalInt optionalInt(Node.ObjectNode object, String key, String purpose) {
        Node.Field field = object.fields().get(key);
        if (field == null || isNull(field.value())) {
            return OptionalInt.empty();
        }
        return integer(field.value(), key, purpose);
    }

    OptionalInt integer(Node node, String key, String purpose) {
        if (node instanceof Node.ScalarNode scalar) {
            Object v = scalar.value();
            if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                long n = ((Number) v).longValue();
                if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                    return OptionalInt.of((int) n);
                }
            }
            if (v instanceof String s && s.strip().matches("-?\\d{1,9}")) {
                return OptionalInt.of(Integer.parseInt(s.strip()));
            }
            if (v instanceof BigInteger || v instanceof Long) {
                problems.error(file, node.line(), node.column(), "\"" + key + "\" is too large a number.");
                return OptionalInt.empty();
            }
        }
        problems.error(file, node.line(), node.column(),
                "\"" + key + "\" should be a whole number (" + purpose + "), but is " + node.describe() + ".");
        return OptionalInt.empty();
    }

    /**
     * A list of texts. A single text where a list is expected is accepted as a list of one (YAML authors write
     * {@code tags: video}); other types are errors, and blank items are dropped with a warning.
     */
    List<String> textList(Node.ObjectNode object, String key) {
        Node.Field field = object.fields().get(key);
        if (field == null || isNull(field.value())) {
            return List.of();
        }
        Node value = field.value();
        if (value instanceof Node.ScalarNode) {
            return text(value, key).filter(s -> !s.isBlank()).map(List::of).orElse(List.of());
        }
        if (!(value instanceof Node.ArrayNode array)) {
            problems.error(file, value.line(), value.column(),
                    "\"" + key + "\" should be a list of texts, but is " + value.describe() + ".");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : array.items()) {
            if (item instanceof Node.ScalarNode scalar && scalar.value() != null) {
                String s = text(item, key).orElse("").strip();
                if (s.isEmpty()) {
                    problems.warning(file, item.line(), item.column(), "An empty item in \"" + key + "\" is ignored.");
                } else {
                    out.add(s);
                }
            } else if (item instanceof Node.ScalarNode) {
                problems.warning(file, item.line(), item.column(), "An empty item in \"" + key + "\" is ignored.");
            } else {
                problems.error(file, item.line(), item.column(), "Each item of \"" + key
                        + "\" should be text, but this one is " + item.describe() + ".");
            }
        }
        return out;
    }

    /** Items of a list-valued field, or an error if it is not a list. */
    List<Node> list(Node.ObjectNode object, String key) {
        Node.Field field = object.fields().get(key);
        if (field == null || isNull(field.value())) {
            return List.of();
        }
        if (field.value() instanceof Node.ArrayNode array) {
            return array.items();
        }
        problems.error(file, field.value().line(), field.value().column(),
                "\"" + key + "\" should be a list, but is " + field.value().describe() + ".");
        return List.of();
    }

    static boolean isNull(Node node) {
        return node instanceof Node.ScalarNode s && s.isNull();
    }
}
