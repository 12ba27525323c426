package dev.lectern.grading;

import dev.lectern.course.JudgedExample;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import java.util.List;

/**
 * What an answer is graded against: the question, the reference answer, other accepted answers and key points, and
 * answers a person has judged (examples; without them the grade is the reference-based one alone).
 */
public record AnswerKey(String question, String referenceAnswer, List<String> alternativeAnswers, List<KeyPoint> keyPoints,
                        List<JudgedExample> examples) {

    public AnswerKey {
        question = question == null ? "" : question;
        referenceAnswer = referenceAnswer == null ? "" : referenceAnswer;
        alternativeAnswers = List.copyOf(alternativeAnswers);
        keyPoints = List.copyOf(keyPoints);
        examples = List.copyOf(examples);
    }

    /** A key without judged examples. */
    public AnswerKey(String question, String referenceAnswer, List<String> alternativeAnswers, List<KeyPoint> keyPoints) {
        this(question, referenceAnswer, alternativeAnswers, keyPoints, List.of());
    }

    public static AnswerKey of(Question q) {
        return new AnswerKey(q.prompt(), q.referenceAnswer(), q.alternativeAnswers(), q.keyPoints(), q.examples());
    }

    /** The same key with these examples instead. */
    public AnswerKey withExamples(List<JudgedExample> judged) {
        return new AnswerKey(question, referenceAnswer, alternativeAnswers, keyPoints, judged);
    }

    /** The same key without examples: what the reference-based grade is computed against. */
    public AnswerKey withoutExamples() {
        return examples.isEmpty() ? this : withExamples(List.of());
    }
}
