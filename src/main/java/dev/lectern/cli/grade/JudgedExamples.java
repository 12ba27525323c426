package dev.lectern.cli.grade;

import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Judged answers for {@code lectern grade --examples JUDGED.csv} and {@code --examples-from-eval K}: which judged rows
 * are examples of which answer's question. Rows match by question id when both files have one, else by the
 * question's text; an answer is never its own example.
 */
public final class JudgedExamples {

    /** Seed of the choice of k examples per question, so that a figure can be measured again. */
    public static final long SEED = 2013;

    private JudgedExamples() {
    }

    /**
     * A judged row: its place (data row number, line), the question it answers (by id, by text, or both), the
     * answer and the person's verdict.
     */
    public record Judged(int row, int line, String questionId, String question, String answer, ExampleVerdict verdict) {
    }

    /** The examples of each answer to grade, and the judged rows that matched no answer's question. */
    public record Matched(List<List<JudgedExample>> examples, List<Judged> unmatched) {
    }

    /**
     * A verdict from a label ({@code correct}, {@code partial}; anything else, such as {@code incorrect} or
     * SemEval's {@code contradictory}, is incorrect) or from a score from 0 to 5 (4 and up correct, 2 and up
     * partial); empty when neither is usable.
     */
    public static Optional<ExampleVerdict> verdict(String label, String score) {
        String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        if (!l.isEmpty()) {
            return Optional.of(l.equals("correct") ? ExampleVerdict.CORRECT
                    : l.equals("partial") || l.equals("partially_correct") ? ExampleVerdict.PARTIAL
                    : ExampleVerdict.INCORRECT);
        }
        try {
            double s = Double.parseDouble(score == null ? "" : score.strip());
            if (s < 0 || s > 5 || Double.isNaN(s)) {
                return Optional.empty();
            }
            return Optional.of(s >= 4 ? ExampleVerdict.CORRECT : s >= 2 ? ExampleVerdict.PARTIAL : ExampleVerdict.INCORRECT);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The examples of each answer (in {@code answers}' order, given as judged rows without a verdict) among
     * {@code judged}. {@code byId}: match on the question id, else on the question's text. {@code sameFile}: the
     * two lists are the same file, so a row is never an example of itself; otherwise an example with the very same
     * answer text is left out, since it may be the same answer.
     */
    public static Matched match(List<Judged> judged, List<Judged> answers, boolean byId, boolean sameFile) {
        Map<String, List<Judged>> byQuestion = new LinkedHashMap<>();
        for (Judged j : judged) {
            byQuestion.computeIfAbsent(question(j, byId), k -> new ArrayList<>()).add(j);
        }
        Map<String, Boolean> used = new HashMap<>();
        List<List<JudgedExample>> out = new ArrayList<>(answers.size());
        for (Judged a : answers) {
            String q = question(a, byId);
            List<Judged> candidates = byQuestion.getOrDefault(q, List.of());
            if (!candidates.isEmpty()) {
                used.put(q, true);
            }
            List<JudgedExample> examples = new ArrayList<>(candidates.size());
            for (Judged j : candidates) {
                boolean self = sameFile ? j.row() == a.row() : normal(j.answer()).equals(normal(a.answer()));
                if (!self) {
                    examples.add(new JudgedExample(j.answer(), j.verdict(), ""));
                }
            }
            out.add(examples);
        }
        List<Judged> unmatched = judged.stream().filter(j -> !used.containsKey(question(j, byId))).toList();
        return new Matched(out, unmatched);
    }

    /**
     * Examples from the evaluated file itself. {@code k} null: every other answer of the question is an example of
     * each answer (leave one out), and every row is graded. Otherwise {@code k} answers of each question, chosen
     * with {@link #SEED}, are its examples and only the other rows count ({@code evaluated} is false for the
     * examples); a question with k answers or fewer has none graded.
     */
    public static Split fromEval(List<Judged> rows, Integer k, boolean byId) {
        if (k == null) {
            Matched all = match(rows, rows, byId, true);
            boolean[] evaluated = new boolean[rows.size()];
            java.util.Arrays.fill(evaluated, true);
            return new Split(all.examples(), evaluated);
        }
        Map<String, List<Integer>> byQuestion = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byQuestion.computeIfAbsent(question(rows.get(i), byId), q -> new ArrayList<>()).add(i);
        }
        Random random = new Random(SEED);
        boolean[] evaluated = new boolean[rows.size()];
        List<List<JudgedExample>> examples = new ArrayList<>(Collections.nCopies(rows.size(), List.of()));
        for (List<Integer> members : byQuestion.values()) {
            List<Integer> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            List<Integer> chosen = shuffled.subList(0, Math.min(k, shuffled.size()));
            List<JudgedExample> judged = chosen.stream()
                    .map(i -> new JudgedExample(rows.get(i).answer(), rows.get(i).verdict(), "")).toList();
            for (int i : members) {
                boolean example = chosen.contains(i);
                evaluated[i] = !example;
                if (!example) {
                    examples.set(i, judged);
                }
            }
        }
        return new Split(examples, evaluated);
    }

    /** Each row's examples, and whether the row counts in the figures (false for the rows that are examples). */
    public record Split(List<List<JudgedExample>> examples, boolean[] evaluated) {
    }

    private static String question(Judged j, boolean byId) {
        return byId ? j.questionId().strip() : normal(j.question());
    }

    private static String normal(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
