package dev.lectern.grading;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Lectern's grader. (Placeholder: word overlap only, until the real signals land.) */
public final class StandardGrader implements Grader {

    public static StandardGrader load() {
        return new StandardGrader();
    }

    @Override
    public Grade grade(AnswerKey key, String answer) {
        Set<String> ref = words(key.referenceAnswer());
        Set<String> got = words(answer == null ? "" : answer);
        long hit = ref.stream().filter(got::contains).count();
        int score = ref.isEmpty() ? 0 : (int) Math.round(100.0 * hit / ref.size());
        Verdict v = score >= 60 ? Verdict.CORRECT : score >= 30 ? Verdict.PARTIAL : Verdict.INCORRECT;
        return new Grade(score, v, List.of(), "Placeholder grade.", List.of());
    }

    private static Set<String> words(String s) {
        return java.util.Arrays.stream(s.toLowerCase(Locale.ROOT).split("\\W+"))
                .filter(w -> !w.isBlank()).collect(Collectors.toSet());
    }
}
