package dev.lectern.grading;

import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import java.util.List;

/** What an answer is graded against: the question, the reference answer, other accepted answers and key points. */
public record AnswerKey(String question, String referenceAnswer, List<String> alternativeAnswers, List<KeyPoint> keyPoints) {

    public AnswerKey {
        question = question == null ? "" : question;
        referenceAnswer = referenceAnswer == null ? "" : referenceAnswer;
        alternativeAnswers = List.copyOf(alternativeAnswers);
        keyPoints = List.copyOf(keyPoints);
    }

    public static AnswerKey of(Question q) {
        return new AnswerKey(q.prompt(), q.referenceAnswer(), q.alternativeAnswers(), q.keyPoints());
    }
}
