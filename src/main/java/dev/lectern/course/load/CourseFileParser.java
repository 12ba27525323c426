package dev.lectern.course.load;

import dev.lectern.course.Week;
import dev.lectern.course.internal.CourseSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads the optional {@code readings/course.yaml}: course id, title, term, and week labels. */
final class CourseFileParser {

    static final String FILE_NAME = CourseSyntax.COURSE_FILE;

    record Parsed(Optional<String> id, Optional<String> title, Optional<String> term, List<Week> weeks) {
        static final Parsed NONE = new Parsed(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    Parsed parse(Path file, String text, Problems problems) {
        Fields fields = new Fields(file, problems);
        Optional<Node.ObjectNode> object = fields.parseObject(NodeParser.Syntax.YAML, text, "The course file");
        if (object.isEmpty()) {
            return Parsed.NONE;
        }
        fields.warnUnknownKeys(object.get(), Set.of("id", "title", "term", "weeks"), "in the course file");
        Optional<String> id = id(fields, object.get());
        Optional<String> title = fields.optionalText(object.get(), "title").map(String::strip);
        Optional<String> term = fields.optionalText(object.get(), "term").map(String::strip);
        List<Week> weeks = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (Node item : fields.list(object.get(), "weeks")) {
            Optional<Node.ObjectNode> week = fields.asObject(item, "A week");
            if (week.isEmpty()) {
                continue;
            }
            fields.warnUnknownKeys(week.get(), Set.of("number", "label"), "in this week");
            OptionalInt number = fields.requiredInt(week.get(), "number", "the week's number, such as 7");
            if (number.isEmpty()) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(number.getAsInt(), item.line());
            if (earlier != null) {
                problems.warning(file, item.line(), item.column(), "Week " + number.getAsInt()
                        + " is listed twice (first on line " + earlier + "); the first entry is used.");
                continue;
            }
            String label = fields.optionalText(week.get(), "label").map(String::strip).orElse("Week " + number.getAsInt());
            weeks.add(new Week(number.getAsInt(), label));
        }
        return new Parsed(id, title, term, weeks);
    }

    /** The {@code id}, if it is a slug; one that is not is an error at its place, and the course goes without it. */
    private static Optional<String> id(Fields fields, Node.ObjectNode object) {
        Optional<String> id = fields.optionalText(object, "id").map(String::strip);
        if (id.isEmpty() || CourseSyntax.isCourseId(id.get())) {
            return id;
        }
        Node at = fields.field(object, "id").map(Node.Field::value).orElse(object);
        fields.problems().error(fields.file(), at.line(), at.column(), "The course id \"" + id.get() + "\" is not a"
                + " slug: use lower-case letters, digits and single hyphens, at most " + CourseSyntax.COURSE_ID_MAX
                + " characters, such as \"mfm-fall-2026\". Until it is fixed the course's progress is kept under an"
                + " id made from its title.");
        return Optional.empty();
    }
}
