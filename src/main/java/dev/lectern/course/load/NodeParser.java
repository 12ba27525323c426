package dev.lectern.course.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lectern.course.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON or YAML text into a {@link Node} tree with line and column on every value. Syntax errors and
 * repeated keys become {@link Problem}s; the parse never throws.
 */
public final class NodeParser {

    private static final int MAX_DEPTH = 200;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    public enum Syntax { JSON, YAML }

    private final Path file;
    private final Syntax syntax;
    private final int lineOffset;
    private final Problems problems;

    /**
     * @param lineOffset added to every line, for YAML front matter that starts below the file's first line
     */
    public NodeParser(Path file, Syntax syntax, int lineOffset, Problems problems) {
        this.file = file;
        this.syntax = syntax;
        this.lineOffset = lineOffset;
        this.problems = problems;
    }

    /** The tree, or null after reporting why there is none. An empty document gives an empty object. */
    public Node parse(String text) {
        JsonFactory factory = syntax == Syntax.JSON ? JSON : YAML;
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.ObjectNode(1 + lineOffset, 1, Map.of());
            }
            Node root = read(parser, 0);
            if (syntax == Syntax.JSON && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.error(file, line(at), column(at),
                        "There is more after the end of the JSON value; a file holds exactly one { ... } object.");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : line(at);
            int column = at == null ? 1 : column(at);
            problems.error(file, line, column, SyntaxMessages.explain(syntax, e.getOriginalMessage()));
            return null;
        } catch (IOException | RuntimeException e) {
            // The YAML parser reports some malformed input as runtime exceptions of its own.
            problems.error(file, 1 + lineOffset, 1, SyntaxMessages.explain(syntax, String.valueOf(e.getMessage())));
            return null;
        }
    }

    private Node read(JsonParser parser, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = line(at);
        int column = column(at);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node.Field> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    parser.nextToken();
                    Node value = read(parser, depth + 1);
                    Node.Field field = new Node.Field(key, line(keyAt), column(keyAt), value);
                    Node.Field earlier = fields.get(key);
                    if (earlier != null) {
                        problems.error(file, field.line(), field.column(), "The key \"" + key
                                + "\" appears twice in the same group (first on line " + earlier.line()
                                + "); remove one of them.");
                    } else {
                        fields.put(key, field);
                    }
                }
                return new Node.ObjectNode(line, column, fields);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, depth + 1));
                }
                return new Node.ArrayNode(line, column, items);
            }
            case VALUE_STRING:
                return new Node.ScalarNode(line, column, parser.getText());
            case VALUE_NUMBER_INT:
                return new Node.ScalarNode(line, column, parser.getNumberValue());
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(line, column, parser.getNumberValue());
            case VALUE_TRUE:
                return new Node.ScalarNode(line, column, Boolean.TRUE);
            case VALUE_FALSE:
                return new Node.ScalarNode(line, column, Boolean.FALSE);
            case VALUE_NULL:
                return new Node.ScalarNode(line, column, null);
            case VALUE_EMBEDDED_OBJECT:
                // YAML binary or other tagged values: keep their text form.
                Object embedded = parser.getEmbeddedObject();
                return new Node.ScalarNode(line, column, embedded == null ? null : String.valueOf(embedded));
            default:
                throw new JsonParseProblem("Unexpected " + token, parser);
        }
    }

    private int line(JsonLocation at) {
        return Math.max(1, at.getLineNr()) + lineOffset;
    }

    private static int column(JsonLocation at) {
        return Math.max(1, at.getColumnNr());
    }

    /** A structural surprise in an otherwise well-formed token stream. */
    private static final class JsonParseProblem extends com.fasterxml.jackson.core.JsonParseException {
        JsonParseProblem(String message, JsonParser parser) {
            super(parser, message);
        }
    }
}
