package dev.lectern.grading;

import java.util.List;

/**
 * L2-regularised logistic regression fitted by Newton's method: a handful of features and a few thousand rows,
 * so a dense solve is exact and quick. Pure; used to calibrate the grader.
 */
final class LogisticRegression {

    private LogisticRegression() {
    }

    /** Weights followed by the intercept (last). */
    static double[] fit(List<double[]> x, List<Boolean> y, double lambda) {
        int d = x.get(0).length + 1;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = withBias(x.get(i));
                double p = GradingModel.sigmoid(dot(w, xi));
                double err = p - (y.get(i) ? 1 : 0);
                double s = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < d; a++) {
                    grad[a] += err * xi[a];
                    for (int b = 0; b < d; b++) {
                        hess[a][b] += s * xi[a] * xi[b];
                    }
                }
            }
            for (int a = 0; a < d - 1; a++) {
                grad[a] += lambda * w[a];
                hess[a][a] += lambda;
            }
            hess[d - 1][d - 1] += 1e-9;
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return w;
    }

    static double[] withBias(double[] x) {
        double[] out = java.util.Arrays.copyOf(x, x.length + 1);
        out[x.length] = 1;
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][];
        double[] b = v.clone();
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c]; a[c] = a[p]; a[p] = t;
            double tb = b[c]; b[c] = b[p]; b[p] = tb;
            if (Math.abs(a[c][c]) < 1e-12) {
                continue;
            }
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : s / a[r][r];
        }
        return x;
    }
}
