package dev.lectern.review;

import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;

/** One question to drill, with the set it belongs to (progress is kept per set id and question id). */
public record DrillItem(QuestionSet set, Question question) {

    /** {@code setId/questionId}, unique within a course. */
    public String key() {
        return set.id() + "/" + question.id();
    }
}
