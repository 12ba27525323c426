package dev.lectern.grading;

import java.util.List;

/**
 * How closely a grader agrees with people: Pearson's r between its scores and human scores, and for correct or
 * not correct labels the accuracy, the support-weighted F1 and the ROC AUC of its scores. Pure; every figure is
 * {@link Double#NaN} where it is undefined (no rows, no variance, or only one class).
 */
public final class Agreement {

    private Agreement() {
    }

    /** Pearson's correlation coefficient of two equally long series. */
    public static double pearson(double[] x, double[] y) {
        requireSameLength(x.length, y.length);
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** The share of predictions equal to the gold label. */
    public static double accuracy(boolean[] gold, boolean[] predicted) {
        requireSameLength(gold.length, predicted.length);
        if (gold.length == 0) {
            return Double.NaN;
        }
        int same = 0;
        for (int i = 0; i < gold.length; i++) {
            same += gold[i] == predicted[i] ? 1 : 0;
        }
        return (double) same / gold.length;
    }

    /**
     * The F1 of each class (positive and negative) weighted by how many gold labels it has, as scikit-learn's
     * {@code f1_score(average="weighted")}: a class never predicted has precision 0, so F1 0.
     */
    public static double weightedF1(boolean[] gold, boolean[] predicted) {
        requireSameLength(gold.length, predicted.length);
        int n = gold.length;
        if (n == 0) {
            return Double.NaN;
        }
        double weighted = 0;
        for (boolean cls : new boolean[] {true, false}) {
            int truePositive = 0;
            int predictedCount = 0;
            int support = 0;
            for (int i = 0; i < n; i++) {
                predictedCount += predicted[i] == cls ? 1 : 0;
                support += gold[i] == cls ? 1 : 0;
                truePositive += predicted[i] == cls && gold[i] == cls ? 1 : 0;
            }
            // 2PR / (P + R) = 2 TP / (predicted + support), and 0 when nothing of this class is right.
            double f1 = truePositive == 0 ? 0 : 2.0 * truePositive / (predictedCount + support);
            weighted += support * f1;
        }
        return weighted / n;
    }

    /**
     * The area under the ROC curve of {@code scores} for the positive gold labels: the chance that a random positive
     * scores above a random negative, ties counting half (Mann-Whitney U with average ranks).
     */
    public static double rocAuc(boolean[] gold, double[] scores) {
        requireSameLength(gold.length, scores.length);
        int n = gold.length;
        long positives = 0;
        for (boolean g : gold) {
            positives += g ? 1 : 0;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && Double.compare(scores[order[end + 1]], scores[order[start]]) == 0) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                positiveRankSum += gold[order[k]] ? averageRank : 0;
            }
            start = end + 1;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /**
     * Macro-averaged F1 over the given classes: each class's F1 (of predicting it where it is gold), averaged with
     * equal weight. A prediction outside the classes (an unsure verdict) is simply wrong.
     */
    public static double macroF1(List<String> classes, String[] gold, String[] predicted) {
        if (gold.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (String c : classes) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < gold.length; i++) {
                boolean g = c.equals(gold[i]);
                boolean p = c.equals(predicted[i]);
                if (g && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (g) {
                    fn++;
                }
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / classes.size();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("series of different lengths: " + a + " and " + b);
        }
    }
}
