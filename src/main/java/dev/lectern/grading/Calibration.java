package dev.lectern.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Fits the grader's weights and verdict threshold on human-judged answers, and measures how well it grades
 * answers to questions it has not seen: folds hold out whole questions, the threshold of each fold is chosen
 * on that fold's training questions only, and each dataset is also graded by a model fitted on the others.
 */
public final class Calibration {

    /** L2 strength: enough to keep the 65 terms from fitting the training questions' quirks. */
    static final double LAMBDA = 1.0;

    /** One human-judged answer; {@code group} names its question (folds never split a group). */
    public record Example(String dataset, String group, AnswerKey key, String answer, boolean correct) {
    }

    /** Agreement with the human labels: accuracy, weighted F1 and ROC AUC of the 2-way judgement. */
    public record Figures(int n, double accuracy, double weightedF1, double auc) {
    }

    /**
     * @param crossValidated figures over all examples, each graded by a model that never saw its question
     * @param byDataset      the same, per dataset
     * @param acrossDatasets each dataset graded by a model fitted on the other datasets only
     * @param modelJson      the model fitted on everything, to bundle
     */
    public record Report(Figures crossValidated, Map<String, Figures> byDataset, Map<String, Figures> acrossDatasets,
                         String modelJson) {
    }

    private final StandardGrader grader;

    public Calibration(StandardGrader grader) {
        this.grader = grader;
    }

    /** Measures every example (in parallel); {@code progress} receives the count done so far. */
    public double[][] measure(List<Example> examples, IntConsumer progress) {
        double[][] out = new double[examples.size()][];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, examples.size()).parallel().forEach(i -> {
            out[i] = grader.measure(examples.get(i).key(), examples.get(i).answer());
            progress.accept(done.incrementAndGet());
        });
        return out;
    }

    public Report calibrate(List<Example> examples, double[][] features, int folds) {
        List<String> terms = GradingModel.allTerms();
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            x.add(GradingModel.expand(terms, features[i]));
            y.add(examples.get(i).correct());
        }
        int[] fold = folds(examples, folds);
        double[] heldOut = new double[examples.size()];
        boolean[] predicted = new boolean[examples.size()];
        for (int k = 0; k < folds; k++) {
            final int f = k;
            List<Integer> train = IntStream.range(0, fold.length).filter(i -> fold[i] != f).boxed().toList();
            List<Integer> test = IntStream.range(0, fold.length).filter(i -> fold[i] == f).boxed().toList();
            fitAndPredict(x, y, train, test, heldOut, predicted);
        }
        Map<String, Figures> byDataset = new LinkedHashMap<>();
        Map<String, Figures> across = new LinkedHashMap<>();
        double[] acrossScore = new double[examples.size()];
        boolean[] acrossPredicted = new boolean[examples.size()];
        for (String d : new TreeSet<>(examples.stream().map(Example::dataset).toList())) {
            List<Integer> in = IntStream.range(0, examples.size())
                    .filter(i -> examples.get(i).dataset().equals(d)).boxed().toList();
            byDataset.put(d, figures(in, y, heldOut, predicted));
            List<Integer> others = IntStream.range(0, examples.size())
                    .filter(i -> !examples.get(i).dataset().equals(d)).boxed().toList();
            if (!others.isEmpty()) {
                fitAndPredict(x, y, others, in, acrossScore, acrossPredicted);
                across.put(d, figures(in, y, acrossScore, acrossPredicted));
            }
        }
        List<Integer> all = IntStream.range(0, examples.size()).boxed().toList();
        Figures cv = figures(all, y, heldOut, predicted);

        double[] w = LogisticRegression.fit(x, y, LAMBDA);
        double threshold = bestThreshold(all, x, y, w);
        int correctAt = (int) Math.round(threshold * 100);
        GradingModel model = new GradingModel(terms, java.util.Arrays.copyOf(w, terms.size()), w[terms.size()],
                correctAt, Math.max(1, correctAt - 20), String.format(java.util.Locale.ROOT,
                "%d human-judged answers (%s); held-out questions: accuracy %.3f, weighted F1 %.3f, AUC %.3f",
                examples.size(), String.join(", ", byDataset.keySet()), cv.accuracy(), cv.weightedF1(), cv.auc()));
        try {
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(model);
            return new Report(cv, byDataset, across, json + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fitAndPredict(List<double[]> x, List<Boolean> y, List<Integer> train, List<Integer> test,
                                      double[] score, boolean[] predicted) {
        List<double[]> tx = train.stream().map(x::get).toList();
        List<Boolean> ty = train.stream().map(y::get).toList();
        double[] w = LogisticRegression.fit(tx, ty, LAMBDA);
        double threshold = bestThreshold(train, x, y, w);
        for (int i : test) {
            score[i] = GradingModel.sigmoid(LogisticRegression.dot(w, LogisticRegression.withBias(x.get(i))));
            predicted[i] = score[i] >= threshold;
        }
    }

    /** The probability threshold, in steps of 0.01, that maximises weighted F1 on the given rows. */
    private static double bestThreshold(List<Integer> rows, List<double[]> x, List<Boolean> y, double[] w) {
        double[] p = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            p[k] = GradingModel.sigmoid(LogisticRegression.dot(w, LogisticRegression.withBias(x.get(rows.get(k)))));
        }
        double best = 0.5;
        double bestF1 = -1;
        for (int t = 20; t <= 80; t++) {
            boolean[] pred = new boolean[rows.size()];
            boolean[] gold = new boolean[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                pred[k] = p[k] >= t / 100.0;
                gold[k] = y.get(rows.get(k));
            }
            double f1 = Agreement.weightedF1(gold, pred);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t / 100.0;
            }
        }
        return best;
    }

    private static Figures figures(List<Integer> rows, List<Boolean> y, double[] score, boolean[] predicted) {
        boolean[] gold = new boolean[rows.size()];
        boolean[] pred = new boolean[rows.size()];
        double[] s = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            gold[k] = y.get(rows.get(k));
            pred[k] = predicted[rows.get(k)];
            s[k] = score[rows.get(k)];
        }
        return new Figures(rows.size(), Agreement.accuracy(gold, pred), Agreement.weightedF1(gold, pred),
                Agreement.rocAuc(gold, s));
    }

    /** Questions dealt round-robin into folds in a fixed order (by name), so runs repeat exactly. */
    private static int[] folds(List<Example> examples, int folds) {
        List<String> groups = new ArrayList<>(new TreeSet<>(examples.stream().map(e -> e.dataset() + ":" + e.group()).toList()));
        groups.sort(Comparator.comparingInt((String g) -> Integer.reverse(g.hashCode())).thenComparing(g -> g));
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            foldOf.put(groups.get(i), i % folds);
        }
        return examples.stream().mapToInt(e -> foldOf.get(e.dataset() + ":" + e.group())).toArray();
    }
}
