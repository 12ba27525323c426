package dev.lectern.ui.library;

import dev.lectern.course.Reading;
import java.util.List;

/** One session of a week in the library tree, with its readings (number 0: readings without a session). */
public record LibrarySession(int number, String label, List<Reading> readings) {
}
