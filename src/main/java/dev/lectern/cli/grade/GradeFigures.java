package dev.lectern.cli.grade;

import dev.lectern.grading.Agreement;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code lectern grade --eval} prints: how the grades agree with the gold column, for all rows and per
 * group. For a {@code label} column: the share of each verdict, accuracy, weighted F1 and ROC AUC of the 2-way
 * judgement (correct or not), how often a "correct" verdict is really correct, and the 3-way macro-F1 (correct,
 * partial, incorrect; or correct, contradictory, incorrect for SemEval's labels). For a {@code score} column:
 * Pearson r.
 */
public final class GradeFigures {

    private static final List<String> THREE_WAY = List.of("correct", "partial", "incorrect");
    private static final List<String> SEMEVAL_THREE_WAY = List.of("correct", "contradictory", "incorrect");

    private final String[] labels;
    private final double[] scores;
    private final List<Grade> grades;
    private final List<String> classes;

    /**
     * @param labels the gold label of each row, lower case (null where the row has none)
     * @param scores the gold score of each row (NaN where it has none)
     */
    public GradeFigures(String[] labels, double[] scores, List<Grade> grades) {
        this.labels = labels;
        this.scores = scores;
        this.grades = grades;
        Set<String> seen = new TreeSet<>();
        for (String l : labels) {
            if (l != null) {
                seen.add(l);
            }
        }
        classes = seen.contains("contradictory") ? SEMEVAL_THREE_WAY
                : seen.contains("partial") ? THREE_WAY : List.of();
    }

    /** A row's predicted class on the gold column's 3-way scale. */
    private String predicted(Grade g) {
        if (classes == SEMEVAL_THREE_WAY) {
            return g.verdict() == Verdict.CORRECT ? "correct" : g.contradicts() ? "contradictory" : "incorrect";
        }
        return g.verdict().label();
    }

    /** A gold label on the 3-way scale: SemEval's 2-way "incorrect" rows stay incorrect. */
    private String gold(String label) {
        if (classes == THREE_WAY && !THREE_WAY.contains(label)) {
            return "incorrect";
        }
        return label;
    }

    public void print(PrintWriter out, boolean hasLabels, boolean hasScores, Map<String, List<Integer>> groups) {
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (Grade g : grades) {
            if (g != null) {
                verdicts.merge(g.verdict(), 1, Integer::sum);
            }
        }
        out.printf(Locale.ROOT, "verdicts: correct %d, partial %d, incorrect %d, unsure %d%n",
                verdicts.getOrDefault(Verdict.CORRECT, 0), verdicts.getOrDefault(Verdict.PARTIAL, 0),
                verdicts.getOrDefault(Verdict.INCORRECT, 0), verdicts.getOrDefault(Verdict.UNSURE, 0));
        if (hasLabels) {
            out.println("label: \"correct\" is positive; predicted positive = verdict correct; AUC from the score;"
                    + " \"right when correct\" = share of the answers graded correct that are labelled correct"
                    + (classes.isEmpty() ? "" : "; 3-way macro-F1 over " + String.join(" / ", classes)
                    + " (an unsure verdict counts as wrong)"));
            out.println("columns correct% partial% incorrect% unsure% are the shares of each verdict in the group");
        }
        if (hasScores) {
            out.println("score: Pearson r between the gold score and the grade's score (0-100)");
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < grades.size(); i++) {
            if (grades.get(i) != null) {
                all.add(i);
            }
        }
        Map<String, List<Integer>> sorted = new TreeMap<>(groups);
        int width = Math.max(5, sorted.keySet().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %6s", "", "n"));
        if (hasLabels) {
            head.append(String.format(Locale.ROOT, " %9s %8s %8s %8s %9s %9s %8s %9s %8s", "correct%", "partial%",
                    "incor.%", "unsure%", "accuracy", "wtd F1", "ROC AUC", "right/cor", "3-way F1"));
        }
        if (hasScores) {
            head.append(String.format(Locale.ROOT, " %10s", "Pearson r"));
        }
        out.println(head.toString().stripTrailing());
        out.println(row("all", width, all, hasLabels, hasScores));
        for (Map.Entry<String, List<Integer>> g : sorted.entrySet()) {
            out.println(row(g.getKey().isEmpty() ? "(empty)" : g.getKey(), width, g.getValue(), hasLabels, hasScores));
        }
    }

    private String row(String name, int width, List<Integer> rows, boolean hasLabels, boolean hasScores) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %6d", name, rows.size()));
        if (hasLabels) {
            List<Integer> labelled = rows.stream().filter(i -> labels[i] != null).toList();
            int n = labelled.size();
            boolean[] truth = new boolean[n];
            boolean[] positive = new boolean[n];
            double[] score = new double[n];
            String[] gold = new String[n];
            String[] predicted = new String[n];
            int[] count = new int[Verdict.values().length];
            int rightWhenCorrect = 0;
            for (int k = 0; k < n; k++) {
                int i = labelled.get(k);
                Grade g = grades.get(i);
                truth[k] = labels[i].equals("correct");
                positive[k] = g.verdict() == Verdict.CORRECT;
                score[k] = g.score();
                gold[k] = gold(labels[i]);
                predicted[k] = predicted(g);
                count[g.verdict().ordinal()]++;
                if (positive[k] && truth[k]) {
                    rightWhenCorrect++;
                }
            }
            int calledCorrect = count[Verdict.CORRECT.ordinal()];
            line.append(String.format(Locale.ROOT, " %9s %8s %8s %8s %9s %9s %8s %9s %8s",
                    share(count[Verdict.CORRECT.ordinal()], n), share(count[Verdict.PARTIAL.ordinal()], n),
                    share(count[Verdict.INCORRECT.ordinal()], n), share(count[Verdict.UNSURE.ordinal()], n),
                    figure(Agreement.accuracy(truth, positive)), figure(Agreement.weightedF1(truth, positive)),
                    figure(Agreement.rocAuc(truth, score)),
                    calledCorrect == 0 ? "-" : figure((double) rightWhenCorrect / calledCorrect),
                    classes.isEmpty() ? "-" : figure(Agreement.macroF1(classes, gold, predicted))));
        }
        if (hasScores) {
            List<Integer> scored = rows.stream().filter(i -> !Double.isNaN(scores[i])).toList();
            double[] x = new double[scored.size()];
            double[] y = new double[scored.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = scores[scored.get(k)];
                y[k] = grades.get(scored.get(k)).score();
            }
            line.append(String.format(Locale.ROOT, " %10s", figure(Agreement.pearson(x, y))));
        }
        return line.toString();
    }

    private static String share(int count, int n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * count / n);
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
