package dev.lectern.course.edit;

import dev.lectern.course.Difficulty;
import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.KeyPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A question set ({@code questions/<set-id>.json}) open for editing. It keeps everything it does not understand
 * (unknown keys, their order, the file's formatting): {@link #toBytes()} of an untouched document is the bytes it
 * was read from, and an edit changes only the lines of what was edited (the enclosing objects are written in the
 * canonical key order, with their untouched values as they were).
 */
public final class QuestionSetDocument {

    static final JsonTree.Shape KEY_POINT = new JsonTree.Shape(List.of("text", "accept"), Map.of());
    static final JsonTree.Shape EXAMPLE = new JsonTree.Shape(List.of("answer", "verdict", "note"), Map.of());
    static final JsonTree.Shape QUESTION = new JsonTree.Shape(List.of("id", "prompt", "referenceAnswer",
            "alternativeAnswers", "keyPoints", "tags", "difficulty", "examples"),
            Map.of("keyPoints", KEY_POINT, "examples", EXAMPLE));
    static final JsonTree.Shape SET = new JsonTree.Shape(List.of("$schema", "id", "title", "readings", "questions"),
            Map.of("questions", QUESTION));

    /** What new sets point at, as the bundled ones do, so editors check them against the schema. */
    public static final String SCHEMA = "../src/main/resources/schemas/question-set.schema.json";

    private final JsonDocument json;
    private final List<EditableQuestion> questions = new ArrayList<>();

    private QuestionSetDocument(JsonDocument json) {
        this.json = json;
        if (json.root.get("questions") instanceof JsonTree.JArray array) {
            for (JsonTree item : array.items) {
                questions.add(new EditableQuestion(item));
            }
        }
    }

    /** Reads a question set's bytes. Throws if they are not a JSON object; other problems are left to validation. */
    public static QuestionSetDocument parse(byte[] bytes) throws DocumentSyntaxException {
        return new QuestionSetDocument(JsonDocument.parse(bytes, SET, "A question set"));
    }

    /** A new, empty set. */
    public static QuestionSetDocument create(String id, String title, List<String> readingIds) {
        QuestionSetDocument doc = new QuestionSetDocument(JsonDocument.create(SET));
        doc.json.root.put("$schema", JsonTree.string(SCHEMA));
        doc.setId(id);
        doc.setTitle(title);
        JsonDocument.setTexts(doc.json.root, "readings", readingIds, true);
        doc.json.root.put("questions", new JsonTree.JArray());
        return doc;
    }

    public String id() {
        return JsonDocument.text(json.root, "id");
    }

    public void setId(String id) {
        JsonDocument.setText(json.root, "id", id, true);
    }

    public String title() {
        return JsonDocument.text(json.root, "title");
    }

    public void setTitle(String title) {
        JsonDocument.setText(json.root, "title", title, true);
    }

    /** The ids of the readings this set drills. */
    public List<String> readings() {
        return JsonDocument.texts(json.root, "readings");
    }

    public void setReadings(List<String> readingIds) {
        JsonDocument.setTexts(json.root, "readings", readingIds, true);
    }

    /** The questions in drill order (including ones the loader would leave out for a problem). */
    public List<EditableQuestion> questions() {
        return List.copyOf(questions);
    }

    public EditableQuestion question(int index) {
        return questions.get(index);
    }

    /** Adds a question with this id and empty prompt and reference answer at the end. */
    public EditableQuestion addQuestion(String id) {
        return insertNew(questions.size(), id);
    }

    /** Adds a question with this id at {@code index}. */
    public EditableQuestion insertNew(int index, String id) {
        JsonTree.JObject object = new JsonTree.JObject();
        object.put("id", JsonTree.string(id));
        object.put("prompt", JsonTree.string(""));
        object.put("referenceAnswer", JsonTree.string(""));
        EditableQuestion q = new EditableQuestion(object);
        insert(index, q);
        return q;
    }

    /** A copy of the question at {@code index}, right after it, with an unused id ({@code <id>-copy}, ...). */
    public EditableQuestion duplicateQuestion(int index) {
        EditableQuestion original = questions.get(index);
        EditableQuestion copy = new EditableQuestion(original.node.copy());
        Set<String> used = new HashSet<>();
        questions.forEach(q -> used.add(q.id()));
        String base = original.id().isBlank() ? "question" : original.id() + "-copy";
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + "-" + n;
        }
        copy.setId(id);
        insert(index + 1, copy);
        return copy;
    }

    /** Removes the question at {@code index} and returns it; {@link #insert} puts it back (for undo). */
    public EditableQuestion removeQuestion(int index) {
        EditableQuestion removed = questions.remove(index);
        syncQuestions();
        return removed;
    }

    /** Puts a question (a removed one, for undo) at {@code index}. */
    public void insert(int index, EditableQuestion question) {
        questions.add(index, question);
        syncQuestions();
    }

    /** Moves the question at {@code from} so it ends up at {@code to}. */
    public void moveQuestion(int from, int to) {
        EditableQuestion q = questions.remove(from);
        questions.add(to, q);
        syncQuestions();
    }

    private void syncQuestions() {
        JsonTree.JArray array = JsonDocument.array(json.root, "questions");
        List<JsonTree> nodes = questions.stream().map(q -> q.node).toList();
        if (!nodes.equals(array.items)) {
            array.items.clear();
            array.items.addAll(nodes);
            array.modified = true;
        }
    }

    /** True if anything changed since the document was read. */
    public boolean isModified() {
        return json.isModified();
    }

    /** The file's new bytes: unchanged parts as they were read, edited ones canonical. */
    public byte[] toBytes() {
        return json.toBytes();
    }

    /** The whole document in the canonical form, whatever the formatting it was read with. */
    public byte[] toCanonicalBytes() {
        return json.toCanonicalBytes();
    }

    /** One question of the set; changes go straight into the document. */
    public static final class EditableQuestion {
        final JsonTree node;

        EditableQuestion(JsonTree node) {
            this.node = node;
        }

        private JsonTree.JObject object() {
            if (node instanceof JsonTree.JObject object) {
                return object;
            }
            throw new IllegalStateException("This question is not a JSON object; edit the file's text instead.");
        }

        /** False for an item of "questions" that is not an object (the loader reports it); it cannot be edited. */
        public boolean isEditable() {
            return node instanceof JsonTree.JObject;
        }

        public String id() {
            return node instanceof JsonTree.JObject o ? JsonDocument.text(o, "id") : "";
        }

        public void setId(String id) {
            JsonDocument.setText(object(), "id", id, true);
        }

        public String prompt() {
            return node instanceof JsonTree.JObject o ? JsonDocument.text(o, "prompt") : "";
        }

        public void setPrompt(String prompt) {
            JsonDocument.setText(object(), "prompt", prompt, true);
        }

        public String referenceAnswer() {
            return node instanceof JsonTree.JObject o ? JsonDocument.text(o, "referenceAnswer") : "";
        }

        public void setReferenceAnswer(String answer) {
            JsonDocument.setText(object(), "referenceAnswer", answer, true);
        }

        public List<String> alternativeAnswers() {
            return node instanceof JsonTree.JObject o ? JsonDocument.texts(o, "alternativeAnswers") : List.of();
        }

        /** An empty list removes the key. */
        public void setAlternativeAnswers(List<String> answers) {
            JsonDocument.setTexts(object(), "alternativeAnswers", answers, false);
        }

        public List<String> tags() {
            return node instanceof JsonTree.JObject o ? JsonDocument.texts(o, "tags") : List.of();
        }

        public void setTags(List<String> tags) {
            JsonDocument.setTexts(object(), "tags", tags, false);
        }

        /** The difficulty written in the file, if it is one the loader knows (it takes medium otherwise). */
        public Optional<Difficulty> difficulty() {
            return node instanceof JsonTree.JObject o
                    ? JsonDocument.optionalText(o, "difficulty").flatMap(Difficulty::fromKey) : Optional.empty();
        }

        /** Null removes the key (the loader then takes medium). */
        public void setDifficulty(Difficulty difficulty) {
            JsonDocument.setText(object(), "difficulty", difficulty == null ? null : difficulty.key(), false);
        }

        public List<KeyPoint> keyPoints() {
            return readable("keyPoints", EditableQuestion::keyPoint);
        }

        /** The items of the array under {@code key} that {@code read} can make out, in order. */
        private <T> List<T> readable(String key, java.util.function.Function<JsonTree, Optional<T>> read) {
            List<T> out = new ArrayList<>();
            if (node instanceof JsonTree.JObject o && o.get(key) instanceof JsonTree.JArray array) {
                for (JsonTree item : array.items) {
                    read.apply(item).ifPresent(out::add);
                }
            }
            return out;
        }

        /**
         * Sets the key points; each one equal to a key point already there keeps its text in the file (and any
         * unknown keys in it). A new key point without other phrasings is written as a plain text.
         */
        public void setKeyPoints(List<KeyPoint> keyPoints) {
            JsonTree.JObject object = object();
            List<JsonTree> old = object.get("keyPoints") instanceof JsonTree.JArray array ? array.items : List.of();
            List<JsonTree> unused = new ArrayList<>(old);
            List<JsonTree> items = new ArrayList<>();
            for (KeyPoint kp : keyPoints) {
                JsonTree reused = null;
                for (JsonTree candidate : unused) {
                    if (keyPoint(candidate).filter(kp::equals).isPresent()) {
                        reused = candidate;
                        break;
                    }
                }
                if (reused != null) {
                    unused.remove(reused);
                    items.add(reused);
                } else if (kp.accepted().isEmpty()) {
                    items.add(JsonTree.string(kp.text()));
                } else {
                    JsonTree.JObject o = new JsonTree.JObject();
                    o.put("text", JsonTree.string(kp.text()));
                    o.put("accept", JsonTree.strings(kp.accepted()));
                    items.add(o);
                }
            }
            if (items.isEmpty()) {
                object.put("keyPoints", null);
                return;
            }
            if (items.equals(old)) {
                return;
            }
            JsonTree.JArray array = JsonDocument.array(object, "keyPoints");
            array.items.clear();
            array.items.addAll(items);
            array.modified = true;
        }

        /**
         * The judged examples written in the file, in order, as far as they can be read (an item that is not an
         * example with an answer and a known verdict is left out here and kept in the file).
         */
        public List<JudgedExample> examples() {
            return readable("examples", EditableQuestion::example);
        }

        /** Adds a judged example at the end of the question's examples. */
        public void addExample(JudgedExample example) {
            JsonTree.JObject o = new JsonTree.JObject();
            o.put("answer", JsonTree.string(example.answer()));
            o.put("verdict", JsonTree.string(example.verdict().key()));
            if (!example.note().isBlank()) {
                o.put("note", JsonTree.string(example.note()));
            }
            JsonTree.JArray array = JsonDocument.array(object(), "examples");
            array.items.add(o);
            array.modified = true;
        }

        /**
         * Removes the example at {@code index} of {@link #examples()} and returns the item removed, which
         * {@link #restoreExample} puts back (for undo); the key goes when no example is left.
         */
        public Object removeExample(int index) {
            JsonTree.JObject object = object();
            JsonTree.JArray array = (JsonTree.JArray) object.get("examples");
            int seen = -1;
            for (int i = 0; i < array.items.size(); i++) {
                if (example(array.items.get(i)).isPresent() && ++seen == index) {
                    JsonTree removed = array.items.remove(i);
                    array.modified = true;
                    if (array.items.isEmpty()) {
                        object.put("examples", null);
                    }
                    return new RemovedExample(removed, i);
                }
            }
            throw new IndexOutOfBoundsException("no example " + index);
        }

        /** Puts back what {@link #removeExample} removed. */
        public void restoreExample(Object removed) {
            RemovedExample r = (RemovedExample) removed;
            JsonTree.JArray array = JsonDocument.array(object(), "examples");
            array.items.add(Math.min(r.position(), array.items.size()), r.item());
            array.modified = true;
        }

        private record RemovedExample(JsonTree item, int position) {
        }

        private static Optional<JudgedExample> example(JsonTree item) {
            if (item instanceof JsonTree.JObject o) {
                String answer = JsonDocument.text(o, "answer");
                Optional<ExampleVerdict> verdict = JsonDocument.optionalText(o, "verdict").flatMap(ExampleVerdict::fromKey);
                if (!answer.isBlank() && verdict.isPresent()) {
                    return Optional.of(new JudgedExample(answer, verdict.get(),
                            JsonDocument.optionalText(o, "note").orElse("")));
                }
            }
            return Optional.empty();
        }

        private static Optional<KeyPoint> keyPoint(JsonTree item) {
            if (item instanceof JsonTree.JScalar s && s.value instanceof String text) {
                return Optional.of(new KeyPoint(text, List.of()));
            }
            if (item instanceof JsonTree.JObject o) {
                return Optional.of(new KeyPoint(JsonDocument.text(o, "text"), JsonDocument.texts(o, "accept")));
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "question " + id();
        }
    }
}
