package dev.lectern.cli.grade;

import dev.lectern.course.Course;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.grading.AnswerKey;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answer keys of a course's questions, for rows of an answers file that name a question by {@code set_id} and
 * {@code question_id}, or that ask one of the course's questions word for word: those are graded with the key
 * points and accepted phrasings the course gives them.
 */
public final class CourseKeys {

    private final Map<String, Question> byId = new HashMap<>();
    private final Map<String, Question> byText = new HashMap<>();

    public CourseKeys(Course course) {
        for (QuestionSet set : course.questionSets()) {
            for (Question q : set.questions()) {
                byId.put(set.id() + "/" + q.id(), q);
                byText.putIfAbsent(normal(q.prompt()), q);
            }
        }
    }

    public static CourseKeys none() {
        return new CourseKeys(new Course(null, null, List.of(), List.of()));
    }

    /** The question named by its set and id. */
    public Optional<AnswerKey> byId(String setId, String questionId) {
        Question q = byId.get(setId.strip() + "/" + questionId.strip());
        return q == null ? Optional.empty() : Optional.of(AnswerKey.of(q));
    }

    /**
     * A row's key completed from the course: when the row asks a course question word for word and brings no key
     * points of its own, the course's key points and accepted answers are added to the row's reference.
     */
    public AnswerKey complete(AnswerKey row) {
        if (!row.keyPoints().isEmpty()) {
            return row;
        }
        Question q = byText.get(normal(row.question()));
        if (q == null || !normal(q.referenceAnswer()).equals(normal(row.referenceAnswer()))
                && !row.referenceAnswer().isBlank()) {
            return row;
        }
        return new AnswerKey(row.question(), row.referenceAnswer().isBlank() ? q.referenceAnswer()
                : row.referenceAnswer(), row.alternativeAnswers().isEmpty() ? q.alternativeAnswers()
                : row.alternativeAnswers(), q.keyPoints());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    private static String normal(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
