package dev.lectern.scheduling;

import java.time.Duration;
import java.util.Locale;

/**
 * Short labels for intervals, as on the rating buttons: "&lt;1m", "10m", "1h", "3d", "2.1mo", "1.3y". Minutes,
 * hours and days are rounded to whole numbers; months (30 days) and years (365 days) get one decimal, dropped when
 * it is 0.
 */
public final class IntervalText {

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long MONTH = 30 * DAY;
    private static final long YEAR = 365 * DAY;

    private IntervalText() {
    }

    /** The label for {@code interval}; anything under a minute, or negative, is "&lt;1m". */
    public static String of(Duration interval) {
        double seconds = interval.getSeconds() + interval.getNano() / 1e9;
        if (seconds < MINUTE) {
            return "<1m";
        }
        if (seconds < HOUR) {
            return whole(seconds / MINUTE, HOUR / MINUTE, "m", "h");
        }
        if (seconds < DAY) {
            return whole(seconds / HOUR, DAY / HOUR, "h", "d");
        }
        if (seconds < MONTH) {
            long days = Math.round(seconds / DAY);
            return days >= MONTH / DAY ? "1mo" : days + "d";
        }
        if (seconds < YEAR) {
            return oneDecimal(seconds / MONTH) + "mo";
        }
        return oneDecimal(seconds / YEAR) + "y";
    }

    /** {@code value} rounded; when that reaches the next unit, "1" of it (59.6 minutes is "1h", not "60m"). */
    private static String whole(double value, long perNextUnit, String unit, String nextUnit) {
        long rounded = Math.round(value);
        return rounded >= perNextUnit ? "1" + nextUnit : rounded + unit;
    }

    private static String oneDecimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
