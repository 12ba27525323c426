package dev.lectern.ui.library;

import dev.lectern.course.Week;
import java.util.List;

/** One week of the library tree, with its sessions. */
public record LibraryWeek(Week week, List<LibrarySession> sessions) {
}
