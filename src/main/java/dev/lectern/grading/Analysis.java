package dev.lectern.grading;

import java.util.List;

/** What the grader measured about one answer, before weighing: the features, key points and input checks. */
record Analysis(double[] features, List<KeyPointResult> keyPoints, LanguageCheck.Result language,
                boolean questionCopy, boolean negationFlip, boolean contradiction, int contentWords) {
}
