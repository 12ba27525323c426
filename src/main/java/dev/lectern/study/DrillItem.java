package dev.lectern.study;

import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.scheduling.CardKey;

/** One question to drill, with the set it belongs to (progress is kept per set id and question id). */
public record DrillItem(QuestionSet set, Question question) {

    /** {@code setId/questionId}, unique within a course. */
    public String key() {
        return set.id() + "/" + question.id();
    }

    /** The card this question's progress hangs on. */
    public CardKey card() {
        return new CardKey(set.id(), question.id());
    }
}
