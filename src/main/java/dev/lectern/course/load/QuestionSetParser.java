package dev.lectern.course.load;

import dev.lectern.course.Difficulty;
import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.SourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code questions/<set-id>.json}. A question with a problem that makes it unusable (no id, empty prompt
 * or reference answer, a repeated id) is left out; the rest of the set still loads.
 */
final class QuestionSetParser {

    private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Set<String> SET_KEYS = Set.of("$schema", "id", "title", "readings", "questions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "prompt", "referenceAnswer", "alternativeAnswers",
            "keyPoints", "tags", "difficulty", "examples");
    private static final Set<String> KEY_POINT_KEYS = Set.of("text", "accept");
    private static final Set<String> EXAMPLE_KEYS = Set.of("answer", "verdict", "note");

    /** The set, and where each reading id it drills was written (for checking that the readings exist). */
    record Parsed(QuestionSet set, int idLine, int idColumn, List<Node> readingNodes) {
    }

    Optional<Parsed> parse(Path file, String text, Problems problems) {
        Fields fields = new Fields(file, problems);
        Optional<Node.ObjectNode> root = fields.parseObject(NodeParser.Syntax.JSON, text, "A question set");
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Node.ObjectNode object = root.get();
        fields.warnUnknownKeys(object, SET_KEYS, "in this question set");
        Optional<String> id = fields.requiredText(object, "id", "the set's id, which is its file name");
        Optional<String> title = fields.requiredText(object, "title", "the set's title as students see it");
        boolean usableId = id.map(v -> ReadingFields.checkId(v, fields.field(object, "id").orElseThrow(), file,
                problems, "question set", ".json")).orElse(false);
        List<String> readings = fields.textList(object, "readings");
        List<Node> readingNodes = fields.list(object, "readings");
        Optional<Node.Field> readingsField = fields.field(object, "readings");
        if (readingsField.isEmpty()) {
            problems.error(file, object.line(), object.column(), "\"readings\" is required: the id(s) of the"
                    + " reading(s) this set drills, such as [\"llava\"].");
        } else if (Fields.isNull(readingsField.get().value())
                || readingsField.get().value() instanceof Node.ArrayNode array && array.items().isEmpty()) {
            Node v = readingsField.get().value();
            problems.error(file, v.line(), v.column(), "\"readings\" is empty; name the reading(s) this set drills.");
        }
        Optional<Node.Field> questionsField = fields.field(object, "questions");
        if (questionsField.isEmpty()) {
            problems.error(file, object.line(), object.column(), "\"questions\" is required: the list of questions.");
        }
        List<Question> questions = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (Node item : fields.list(object, "questions")) {
            fields.asObject(item, "A question").flatMap(q -> question(file, q, fields, idLines)).ifPresent(questions::add);
        }
        if (questionsField.isPresent() && fields.list(object, "questions").isEmpty()
                && questionsField.get().value() instanceof Node.ArrayNode) {
            Node v = questionsField.get().value();
            problems.warning(file, v.line(), v.column(), "This set has no questions yet.");
        }
        if (!usableId || title.isEmpty()) {
            return Optional.empty();
        }
        Node idValue = fields.field(object, "id").orElseThrow().value();
        QuestionSet set = new QuestionSet(id.get().strip(), title.get().strip(), readings, questions,
                new SourceRef(file, object.line()));
        return Optional.of(new Parsed(set, idValue.line(), idValue.column(), readingNodes));
    }

    private Optional<Question> question(Path file, Node.ObjectNode q, Fields fields, Map<String, Integer> idLines) {
        Problems problems = fields.problems();
        int errorsBefore = problems.errorCount();
        fields.warnUnknownKeys(q, QUESTION_KEYS, "in this question");
        Optional<String> id = fields.requiredText(q, "id", "a stable id for the question, such as \"two-stage-training\"");
        Optional<String> prompt = fields.requiredText(q, "prompt", "the question students are asked");
        Optional<String> reference = fields.requiredText(q, "referenceAnswer",
                "the answer students' answers are graded against");
        if (id.isPresent()) {
            Node idValue = fields.field(q, "id").orElseThrow().value();
            String questionId = id.get().strip();
            Integer earlier = idLines.putIfAbsent(questionId, idValue.line());
            if (earlier != null) {
                problems.error(file, idValue.line(), idValue.column(), "Another question in this set already has the id \""
                        + questionId + "\" (line " + earlier + "); each question needs its own id, because progress"
                        + " is kept per id.");
            } else if (!QUESTION_ID.matcher(questionId).matches()) {
                problems.warning(file, idValue.line(), idValue.column(), "The question id \"" + Words.abbreviate(questionId)
                        + "\" should be a short slug of letters, digits and dashes.");
            }
        }
        List<String> alternatives = fields.textList(q, "alternativeAnswers");
        List<KeyPoint> keyPoints = new ArrayList<>();
        for (Node item : fields.list(q, "keyPoints")) {
            keyPoint(item, fields).ifPresent(keyPoints::add);
        }
        List<String> tags = fields.textList(q, "tags");
        Difficulty difficulty = fields.oneOf(q, "difficulty", Difficulty::fromKey, Difficulty.MEDIUM,
                written -> "\"difficulty\" should be easy, medium or hard, not \"" + Words.abbreviate(written)
                        + "\"; using medium.");
        if (problems.errorCount() > errorsBefore || id.isEmpty() || prompt.isEmpty() || reference.isEmpty()) {
            return Optional.empty();
        }
        List<JudgedExample> examples = examples(q, fields);
        return Optional.of(new Question(id.get().strip(), prompt.get().strip(), reference.get().strip(), alternatives,
                keyPoints, tags, difficulty, new SourceRef(file, q.line()), examples));
    }

    /**
     * The question's judged examples. One that cannot be used (not a group of keys, no answer, an unknown verdict,
     * the same answer twice) is an error where it was written, and only it is left out: the question and its other
     * examples still load.
     */
    private List<JudgedExample> examples(Node.ObjectNode q, Fields fields) {
        Problems problems = fields.problems();
        Path file = fields.file();
        List<JudgedExample> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node item : fields.list(q, "examples")) {
            if (!(item instanceof Node.ObjectNode object)) {
                problems.error(file, item.line(), item.column(), "An example should be { \"answer\": ...,"
                        + " \"verdict\": \"correct\", \"partial\" or \"incorrect\" }, but this one is "
                        + item.describe() + "; it is ignored.");
                continue;
            }
            fields.warnUnknownKeys(object, EXAMPLE_KEYS, "in this example");
            Optional<Node.Field> answerField = fields.field(object, "answer");
            String answer = answerField.flatMap(f -> quietText(f.value())).map(String::strip).orElse("");
            if (answer.isEmpty()) {
                Node at = answerField.map(f -> (Node) f.value()).orElse(object);
                problems.error(file, at.line(), at.column(), answerField.isEmpty()
                        ? "This example has no \"answer\": the answer a person judged; it is ignored."
                        : "The example's \"answer\" is empty; it is ignored.");
                continue;
            }
            Optional<Node.Field> verdictField = fields.field(object, "verdict");
            Optional<String> written = verdictField.flatMap(f -> quietText(f.value()));
            Optional<ExampleVerdict> verdict = written.flatMap(ExampleVerdict::fromKey);
            if (verdict.isEmpty()) {
                Node at = verdictField.map(f -> (Node) f.value()).orElse(object);
                problems.error(file, at.line(), at.column(), written.isEmpty()
                        ? "This example has no \"verdict\": correct, partial or incorrect; it is ignored."
                        : "The example's \"verdict\" should be correct, partial or incorrect, not \""
                                + Words.abbreviate(written.get()) + "\"; it is ignored.");
                continue;
            }
            Node answerNode = answerField.get().value();
            String normal = SPACES.matcher(answer).replaceAll(" ").toLowerCase(java.util.Locale.ROOT);
            Integer earlier = seen.putIfAbsent(normal, answerNode.line());
            if (earlier != null) {
                problems.error(file, answerNode.line(), answerNode.column(), "The same answer is already an example"
                        + " of this question (line " + earlier + "); this one is ignored.");
                continue;
            }
            String note = fields.optionalText(object, "note").map(String::strip).orElse("");
            out.add(new JudgedExample(answer, verdict.get(), note, object.line(), object.column()));
        }
        return out;
    }

    /** A scalar's text without reporting anything: empty for null, a list or a group of keys. */
    private static Optional<String> quietText(Node node) {
        if (node instanceof Node.ScalarNode scalar && scalar.value() != null) {
            return Optional.of(String.valueOf(scalar.value()));
        }
        return Optional.empty();
    }

    private Optional<KeyPoint> keyPoint(Node item, Fields fields) {
        if (item instanceof Node.ScalarNode scalar && scalar.value() instanceof String s) {
            if (s.isBlank()) {
                fields.problems().warning(fields.file(), item.line(), item.column(), "An empty key point is ignored.");
                return Optional.empty();
            }
            return Optional.of(new KeyPoint(s.strip(), List.of()));
        }
        if (item instanceof Node.ObjectNode object) {
            fields.warnUnknownKeys(object, KEY_POINT_KEYS, "in this key point");
            Optional<String> text = fields.requiredText(object, "text", "the key point as a short phrase");
            List<String> accept = fields.textList(object, "accept");
            return text.map(t -> new KeyPoint(t.strip(), accept));
        }
        fields.problems().error(fields.file(), item.line(), item.column(), "A key point should be a short phrase in"
                + " quotes, or { \"text\": ..., \"accept\": [...] }, but this one is " + item.describe() + ".");
        return Optional.empty();
    }
}
