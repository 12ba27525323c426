package dev.lectern.ui.editor.questionset;

import dev.lectern.course.KeyPoint;
import dev.lectern.course.edit.QuestionSetDocument.EditableQuestion;
import dev.lectern.ui.editor.FormText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A text field of the question form: how its text is read from and written to a question. Alternative answers are
 * one per line; key points one per line, accepted phrasings after {@code |}; tags separated by commas.
 */
enum QuestionField {
    ID("Id", EditableQuestion::id, EditableQuestion::setId),
    PROMPT("Prompt", EditableQuestion::prompt, EditableQuestion::setPrompt),
    REFERENCE("Reference answer", EditableQuestion::referenceAnswer, EditableQuestion::setReferenceAnswer),
    ALTERNATIVES("Alternative answers", q -> String.join("\n", q.alternativeAnswers()),
            (q, text) -> q.setAlternativeAnswers(FormText.lines(text))),
    KEY_POINTS("Key points", q -> formatKeyPoints(q.keyPoints()), (q, text) -> q.setKeyPoints(parseKeyPoints(text))),
    TAGS("Tags", q -> String.join(", ", q.tags()), (q, text) -> q.setTags(FormText.commaSeparated(text)));

    final String label;
    final Function<EditableQuestion, String> read;
    final BiConsumer<EditableQuestion, String> write;

    QuestionField(String label, Function<EditableQuestion, String> read, BiConsumer<EditableQuestion, String> write) {
        this.label = label;
        this.read = read;
        this.write = write;
    }

    static String formatKeyPoints(List<KeyPoint> points) {
        List<String> out = new ArrayList<>();
        for (KeyPoint kp : points) {
            out.add(kp.accepted().isEmpty() ? kp.text() : kp.text() + " | " + String.join(" | ", kp.accepted()));
        }
        return String.join("\n", out);
    }

    static List<KeyPoint> parseKeyPoints(String text) {
        List<KeyPoint> out = new ArrayList<>();
        for (String line : FormText.lines(text)) {
            List<String> parts = Arrays.stream(line.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (!parts.isEmpty()) {
                out.add(new KeyPoint(parts.get(0), parts.subList(1, parts.size())));
            }
        }
        return out;
    }
}
