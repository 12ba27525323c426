package dev.lectern.course.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON or YAML value that remembers where it was written, so every problem can point at a line and
 * column. Built by {@link NodeParser}; read by {@link Fields}.
 */
public sealed interface Node permits Node.ObjectNode, Node.ArrayNode, Node.ScalarNode {

    int line();

    int column();

    /** Words for the kind of value, as a course author would say them: "a list", "the text \"abc\"". */
    String describe();

    /** A key of an object, with where the key itself was written. */
    record Field(String key, int line, int column, Node value) {
    }

    record ObjectNode(int line, int column, Map<String, Field> fields) implements Node {
        public ObjectNode {
            fields = new LinkedHashMap<>(fields);
        }

        @Override
        public String describe() {
            return "a group of keys";
        }
    }

    record ArrayNode(int line, int column, List<Node> items) implements Node {
        public ArrayNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A string, number, boolean or null. {@code value} is a String, Long, Double, BigInteger, BigDecimal, Boolean or null. */
    record ScalarNode(int line, int column, Object value) implements Node {
        @Override
        public String describe() {
            if (value == null) {
                return "empty";
            }
            if (value instanceof String s) {
                return "the text \"" + Words.abbreviate(s) + "\"";
            }
            if (value instanceof Boolean b) {
                return "the value " + b;
            }
            return "the number " + value;
        }

        boolean isNull() {
            return value == null;
        }
    }
}
