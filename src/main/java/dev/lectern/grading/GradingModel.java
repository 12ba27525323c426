package dev.lectern.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the signals are weighed: a logistic model fitted on human-graded answers (see {@code lectern calibrate}),
 * over terms that are either one feature ({@code "meaning"}) or the product of two ({@code "meaning*recall"}),
 * and the score thresholds of the verdicts.
 *
 * @param terms      the model's terms, in the order of the weights
 * @param weights    one weight per term
 * @param bias       the intercept
 * @param correctAt  scores from here up are "correct"
 * @param partialAt  scores from here up (below correctAt) are "partial"
 * @param trainedOn  what the weights were fitted on, and how they scored held out, for the record
 */
record GradingModel(List<String> terms, double[] weights, double bias, int correctAt, int partialAt, String trainedOn) {

    static final String RESOURCE = "/dev/lectern/grading/model.json";

    GradingModel {
        terms = List.copyOf(terms);
        if (weights.length != terms.size()) {
            throw new IllegalArgumentException("The grading model has " + terms.size() + " terms but "
                    + weights.length + " weights.");
        }
        for (String t : terms) {
            for (String f : t.split("\\*")) {
                if (!Features.NAMES.contains(f)) {
                    throw new IllegalArgumentException("The grading model uses a feature \"" + f
                            + "\" the grader does not measure; run lectern calibrate again.");
                }
            }
        }
    }

    /** Every feature, and the product of every pair (squares included). */
    static List<String> allTerms() {
        List<String> terms = new ArrayList<>(Features.NAMES);
        for (int i = 0; i < Features.NAMES.size(); i++) {
            for (int j = i; j < Features.NAMES.size(); j++) {
                terms.add(Features.NAMES.get(i) + "*" + Features.NAMES.get(j));
            }
        }
        return terms;
    }

    static GradingModel bundled() {
        try (InputStream in = GradingModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The grading model " + RESOURCE + " is missing from the application.");
            }
            return new ObjectMapper().readValue(in, GradingModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The grading model could not be read: " + e.getMessage(), e);
        }
    }

    /** The values of the terms for one answer's features. */
    static double[] expand(List<String> terms, double[] features) {
        double[] out = new double[terms.size()];
        for (int i = 0; i < out.length; i++) {
            String[] parts = terms.get(i).split("\\*");
            double v = 1;
            for (String p : parts) {
                v *= features[Features.NAMES.indexOf(p)];
            }
            out[i] = v;
        }
        return out;
    }

    /** Log-odds of "correct". */
    double logit(double[] features) {
        double[] x = expand(terms, features);
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }

    /**
     * What each feature added to the log-odds: its own term, plus its share of every product it is in (half of
     * a product of two features, all of a square).
     */
    double[] contributions(double[] features) {
        double[] x = expand(terms, features);
        double[] out = new double[Features.NAMES.size()];
        for (int i = 0; i < terms.size(); i++) {
            String[] parts = terms.get(i).split("\\*");
            for (String p : parts) {
                out[Features.NAMES.indexOf(p)] += weights[i] * x[i] / parts.length;
            }
        }
        return out;
    }

    int score(double[] features) {
        return (int) Math.round(100 * sigmoid(logit(features)));
    }

    Verdict verdict(int score) {
        return score >= correctAt ? Verdict.CORRECT : score >= partialAt ? Verdict.PARTIAL : Verdict.INCORRECT;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
