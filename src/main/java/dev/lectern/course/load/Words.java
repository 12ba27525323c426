package dev.lectern.course.load;

/** Small text helpers for problem messages. */
public final class Words {

    private Words() {
    }

    /** One line, at most 40 characters, for quoting a value back to the author. */
    public static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
