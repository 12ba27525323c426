package dev.lectern.course;

import java.util.List;

/**
 * A question of a set: its stable id (progress is kept per set id and question id), the prompt, the reference
 * answer answers are graded against, other fully correct answers, and the key points a good answer covers.
 */
public record Question(
        String id,
        String prompt,
        String referenceAnswer,
        List<String> alternativeAnswers,
        List<KeyPoint> keyPoints,
        List<String> tags,
        Difficulty difficulty,
        SourceRef source) {

    public Question {
        alternativeAnswers = List.copyOf(alternativeAnswers);
        keyPoints = List.copyOf(keyPoints);
        tags = List.copyOf(tags);
    }
}
