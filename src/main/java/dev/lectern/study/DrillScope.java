package dev.lectern.study;

/** Which questions a drill draws from: one set, the sets of one reading, one week, or the whole course. */
public sealed interface DrillScope {

    /** A few words for titles and messages, e.g. "week 7" or "set llava". */
    String describe();

    record OfSet(String setId) implements DrillScope {
        @Override
        public String describe() {
            return "set " + setId;
        }
    }

    record OfReading(String readingId) implements DrillScope {
        @Override
        public String describe() {
            return "reading " + readingId;
        }
    }

    record OfWeek(int week) implements DrillScope {
        @Override
        public String describe() {
            return "week " + week;
        }
    }

    record WholeCourse() implements DrillScope {
        @Override
        public String describe() {
            return "the whole course";
        }
    }
}
