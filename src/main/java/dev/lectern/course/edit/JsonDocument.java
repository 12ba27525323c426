package dev.lectern.course.edit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The shared part of the JSON documents: the tree, the original bytes, and typed reads and writes of keys. */
final class JsonDocument {

    final byte[] original;
    final JsonTree.JObject root;
    final JsonTree.Shape shape;
    private final String prefix;

    private JsonDocument(byte[] original, JsonTree.JObject root, JsonTree.Shape shape, String prefix) {
        this.original = original;
        this.root = root;
        this.shape = shape;
        this.prefix = prefix;
    }

    static JsonDocument parse(byte[] bytes, JsonTree.Shape shape, String what) throws DocumentSyntaxException {
        String text = decode(bytes);
        JsonTree tree;
        try {
            tree = JsonTree.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DocumentSyntaxException(what + " is not valid JSON (" + e.getMessage() + ").");
        }
        if (!(tree instanceof JsonTree.JObject object)) {
            throw new DocumentSyntaxException(what + " must be a JSON object { ... }.");
        }
        return new JsonDocument(bytes.clone(), object, shape, text.startsWith("\uFEFF") ? "\uFEFF" : "");
    }

    static JsonDocument create(JsonTree.Shape shape) {
        JsonTree.JObject root = new JsonTree.JObject();
        return new JsonDocument(new byte[0], root, shape, "");
    }

    static String decode(byte[] bytes) throws DocumentSyntaxException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DocumentSyntaxException("The file is not valid UTF-8.");
        }
    }

    boolean isModified() {
        return root.changed();
    }

    byte[] toBytes() {
        if (!root.changed()) {
            return original.clone();
        }
        return (prefix + JsonTree.write(root, shape) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] toCanonicalBytes() {
        return (JsonTree.writeCanonical(root, shape) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------- typed access to one object's keys

    static String text(JsonTree.JObject object, String key) {
        JsonTree v = object.get(key);
        if (v instanceof JsonTree.JScalar s && s.value != null) {
            return s.value instanceof String str ? str : s.value.toString();
        }
        return "";
    }

    static Optional<String> optionalText(JsonTree.JObject object, String key) {
        String s = text(object, key);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    static List<String> texts(JsonTree.JObject object, String key) {
        JsonTree v = object.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof JsonTree.JArray array) {
            for (JsonTree item : array.items) {
                if (item instanceof JsonTree.JScalar s && s.value != null) {
                    out.add(s.value instanceof String str ? str : s.value.toString());
                }
            }
        } else if (v instanceof JsonTree.JScalar s && s.value instanceof String str) {
            out.add(str);
        }
        return out;
    }

    static OptionalInt integer(JsonTree.JObject object, String key) {
        JsonTree v = object.get(key);
        if (v instanceof JsonTree.JScalar s && s.value instanceof Long n && n >= Integer.MIN_VALUE
                && n <= Integer.MAX_VALUE) {
            return OptionalInt.of(n.intValue());
        }
        if (v instanceof JsonTree.JScalar s && s.value instanceof String str && str.strip().matches("-?\\d{1,9}")) {
            return OptionalInt.of(Integer.parseInt(str.strip()));
        }
        return OptionalInt.empty();
    }

    /** Sets a text key; a required key keeps an empty text, an optional one is removed when empty. */
    static void setText(JsonTree.JObject object, String key, String value, boolean required) {
        if (value == null || value.isEmpty() && !required) {
            object.put(key, null);
        } else {
            object.put(key, JsonTree.string(value));
        }
    }

    static void setInteger(JsonTree.JObject object, String key, OptionalInt value) {
        object.put(key, value.isPresent() ? JsonTree.number(value.getAsInt()) : null);
    }

    /** Sets a list of texts, or removes the key for an empty list unless {@code required}. */
    static void setTexts(JsonTree.JObject object, String key, List<String> values, boolean required) {
        if (values.isEmpty() && !required) {
            object.put(key, null);
        } else {
            object.put(key, JsonTree.strings(values));
        }
    }

    /** The array at {@code key}, made if it is missing or not an array. */
    static JsonTree.JArray array(JsonTree.JObject object, String key) {
        if (object.get(key) instanceof JsonTree.JArray array) {
            return array;
        }
        JsonTree.JArray array = new JsonTree.JArray();
        object.put(key, array);
        return array;
    }
}
