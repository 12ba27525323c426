package dev.lectern.interchange;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Choices an import cannot make from the files alone.
 *
 * @param week    the week for new readings whose source names none (posts without a week, stub readings);
 *                without it such readings go into week 1 and the report says so
 * @param reading the reading an Anki / CSV question set drills; without it the deck or file name is matched
 *                against the course's reading titles, and a stub reading is made when nothing matches
 */
public record ImportOptions(OptionalInt week, Optional<String> reading) {

    public static final ImportOptions NONE = new ImportOptions(OptionalInt.empty(), Optional.empty());
}
