package dev.lectern.store;

import java.util.List;

/**
 * An exam as it is written to disk, version {@link #FORMAT}. Every question carries a copy of what it was asked
 * with, so an exam reads back the same after the course changed or moved.
 */
record ExamFile(int format, String id, String title, String startedAt, Long timeLimitSeconds, long usedMillis,
        String savedAt, int position, String finishedAt, List<QuestionEntry> questions) {

    static final int FORMAT = 1;

    record QuestionEntry(String setId, String setTitle, String questionId, String prompt, String referenceAnswer,
            List<String> alternativeAnswers, List<KeyPointEntry> keyPoints, List<String> tags, String difficulty,
            String sourceFile, int sourceLine, String answer, GradeEntry grade) {
    }

    record KeyPointEntry(String text, List<String> accepted) {
    }

    record GradeEntry(int score, String verdict, String explanation, List<KeyPointResultEntry> keyPoints,
            List<SignalEntry> signals) {
    }

    record KeyPointResultEntry(String text, List<String> accepted, boolean covered, double similarity,
            List<SpanEntry> evidence) {
    }

    record SpanEntry(int start, int end) {
    }

    record SignalEntry(String name, String description, double value, double contribution) {
    }
}
