package dev.lectern.grading.internal;

/** Edit distance for telling an ordinary typo ("refrence", "initilizer") from a different word. */
public final class Spelling {

    private Spelling() {
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    public static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Whether {@code typed} is a typo of {@code meant}: both ordinary words of five letters or more, one edit apart
     * (two for words of nine or more), with the same first letter and no digits (names and numbers must match).
     */
    public static boolean isTypo(String typed, String meant) {
        if (typed.equals(meant) || typed.length() < 5 || meant.length() < 5 || typed.charAt(0) != meant.charAt(0)) {
            return false;
        }
        if (typed.chars().anyMatch(Character::isDigit) || meant.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        int allowed = Math.min(typed.length(), meant.length()) >= 9 ? 2 : 1;
        return distance(typed, meant) <= allowed;
    }
}
