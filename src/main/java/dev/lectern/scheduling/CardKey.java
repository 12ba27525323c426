package dev.lectern.scheduling;

import java.util.Objects;

/**
 * A card's identity: the question set's id and the question's id. Progress hangs on this pair alone, so rewording a
 * question keeps its history, and a question taken out of the files and put back finds its history again.
 */
public record CardKey(String setId, String questionId) implements Comparable<CardKey> {

    public CardKey {
        Objects.requireNonNull(setId);
        Objects.requireNonNull(questionId);
    }

    /** {@code setId/questionId}, as in messages and CSV files. */
    public String text() {
        return setId + "/" + questionId;
    }

    @Override
    public int compareTo(CardKey other) {
        int c = setId.compareTo(other.setId);
        return c != 0 ? c : questionId.compareTo(other.questionId);
    }

    @Override
    public String toString() {
        return text();
    }
}
