package dev.lectern.course;

import java.util.List;
import java.util.Optional;

/** A set of questions that drills one or more readings. */
public record QuestionSet(String id, String title, List<String> readingIds, List<Question> questions, SourceRef source) {

    public QuestionSet {
        readingIds = List.copyOf(readingIds);
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
