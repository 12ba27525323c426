package dev.lectern.cli;

import dev.lectern.study.DrillScope;
import picocli.CommandLine.Option;

/**
 * The scope group of {@code lectern review} ({@code --reading} or {@code --week}) and of {@code lectern drill} (the
 * same and {@code --set}), as picocli argument groups: none given means the whole course.
 */
final class ScopeOptions {

    private ScopeOptions() {
    }

    /** {@code --reading ID} or {@code --week N}. */
    static class ReadingOrWeek {
        @Option(names = "--reading", paramLabel = "ID", description = "The questions of this reading's sets.")
        String reading;

        @Option(names = "--week", paramLabel = "N", description = "The questions of this week's readings.")
        Integer week;

        DrillScope scope() {
            return reading != null ? new DrillScope.OfReading(reading) : new DrillScope.OfWeek(week);
        }
    }

    /** {@code --set ID}, {@code --reading ID} or {@code --week N}. */
    static final class SetReadingOrWeek extends ReadingOrWeek {
        @Option(names = "--set", paramLabel = "ID", description = "The questions of this set.")
        String set;

        @Override
        DrillScope scope() {
            return set != null ? new DrillScope.OfSet(set) : super.scope();
        }
    }

    /** The scope the options chose; the whole course when none was given (picocli leaves the group null). */
    static DrillScope chosen(ReadingOrWeek options) {
        return options == null ? new DrillScope.WholeCourse() : options.scope();
    }
}
