package dev.lectern.course;

import java.util.List;

/**
 * A question of a set: its stable id (progress is kept per set id and question id), the prompt, the reference
 * answer answers are graded against, other fully correct answers, the key points a good answer covers, and
 * answers a person has judged (the instructor's examples, which the grader compares answers with).
 */
public record Question(
        String id,
        String prompt,
        String referenceAnswer,
        List<String> alternativeAnswers,
        List<KeyPoint> keyPoints,
        List<String> tags,
        Difficulty difficulty,
        SourceRef source,
        List<JudgedExample> examples) {

    public Question {
        alternativeAnswers = List.copyOf(alternativeAnswers);
        examples = List.copyOf(examples);
        keyPoints = List.copyOf(keyPoints);
        tags = List.copyOf(tags);
    }

    /** A question without judged examples. */
    public Question(String id, String prompt, String referenceAnswer, List<String> alternativeAnswers,
            List<KeyPoint> keyPoints, List<String> tags, Difficulty difficulty, SourceRef source) {
        this(id, prompt, referenceAnswer, alternativeAnswers, keyPoints, tags, difficulty, source, List.of());
    }
}
