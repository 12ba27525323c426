package dev.lectern.pdf;

import dev.lectern.course.Course;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Link;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.Section;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.pdf.PdfFonts.Face;
import dev.lectern.pdf.Typesetter.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A study sheet: for each reading its metadata, abstract, slide excerpts with their images, notes and other sections,
 * then the questions of its sets with reference answers and key points, or ruled space instead of the answers for
 * self-testing.
 */
final class StudySheet {

    private final Course course;
    private final PdfImages images;
    private final Typesetter out;
    private final MarkdownText markdown;
    private final boolean hideAnswers;

    StudySheet(Course course, PdfImages images, Typesetter out, MarkdownText markdown, boolean hideAnswers) {
        this.course = course;
        this.images = images;
        this.out = out;
        this.markdown = markdown;
        this.hideAnswers = hideAnswers;
    }

    /** A title page heading for a week, then each reading from a new page. */
    void week(int week, String label, List<Reading> readings) throws IOException {
        out.heading(course.info().title(), 1);
        out.paragraph(List.of(Run.bold("Week " + week + (label.isBlank() || label.equals("Week " + week) ? ""
                : ": " + label))));
        for (Reading r : readings) {
            out.item("•", List.of(Run.of(r.title() + (r.session().isPresent() ? " (session "
                    + r.session().get().number() + ")" : ""))), 0, Typesetter.BODY);
        }
        if (hideAnswers) {
            out.space(6f);
            out.paragraph(List.of(Run.italic("Answers are left out: write yours on the lines.")));
        }
        for (Reading r : readings) {
            out.pageBreak();
            reading(r);
        }
    }

    void reading(Reading r) throws IOException {
        Path base = baseDir(r);
        out.heading(r.title(), 1);
        if (!r.shortTitle().isBlank() && !r.shortTitle().equals(r.title())) {
            out.paragraph(List.of(Run.italic(r.shortTitle())), 0, 11f);
        }
        metadata(r);
        if (!r.abstractMarkdown().isBlank()) {
            out.heading("Abstract", 2);
            markdown.write(r.abstractMarkdown(), base, 0);
        }
        if (!r.slides().isEmpty()) {
            out.heading("Slides", 2);
            for (SlideExcerpt slide : r.slides()) {
                List<Run> title = new ArrayList<>(markdown.inline(slide.title(), base, Face.BOLD));
                slide.page().ifPresent(p -> title.add(new Run("  (slide " + p + ")", Face.REGULAR)));
                out.space(6f);
                out.keepWithNext(() -> out.paragraph(title, 0, 11f));
                out.space(2f);
                if (slide.image().isPresent()) {
                    image(base, slide.image().get());
                }
                markdown.write(slide.markdown(), base, 0);
            }
        }
        if (!r.notesMarkdown().isBlank()) {
            out.heading("Notes", 2);
            markdown.write(r.notesMarkdown(), base, 0);
        }
        for (Section section : r.otherSections()) {
            out.heading(section.title(), 2);
            markdown.write(section.markdown(), base, 0);
        }
        List<QuestionSet> sets = course.questionSetsFor(r);
        if (!sets.isEmpty()) {
            out.heading(hideAnswers ? "Questions (answers left out)" : "Questions", 2);
            for (QuestionSet set : sets) {
                questions(set, setBaseDir(set));
            }
        }
    }

    private void metadata(Reading r) throws IOException {
        List<String[]> rows = new ArrayList<>();
        if (!r.authors().isEmpty()) {
            rows.add(new String[] {"Authors", String.join(", ", r.authors())});
        }
        String venue = r.venue().orElse("");
        String year = r.year().isPresent() ? Integer.toString(r.year().getAsInt()) : "";
        if (!venue.isEmpty() || !year.isEmpty()) {
            rows.add(new String[] {"Published", venue.isEmpty() ? year : venue.contains(year) ? venue
                    : venue + (year.isEmpty() ? "" : ", " + year)});
        }
        String when = "Week " + r.week() + r.session().map(s -> ", session " + s.number()
                + (s.label().isBlank() ? "" : ": " + s.label())).orElse("");
        rows.add(new String[] {"When", when});
        rows.add(new String[] {"Kind", r.kind().name().toLowerCase(Locale.ROOT)});
        if (!r.tags().isEmpty()) {
            rows.add(new String[] {"Tags", String.join(", ", r.tags())});
        }
        for (Link link : r.links()) {
            rows.add(new String[] {link.kind().label(), link.url()});
        }
        for (String[] row : rows) {
            out.paragraph(List.of(Run.bold(row[0] + ": "), Run.of(row[1])), 0, Typesetter.BODY);
        }
        out.space(4f);
    }

    /** A slide's image, or a note on the page saying why it is not there. */
    private void image(Path base, String reference) throws IOException {
        PdfImages.Loaded image = images.load(reference, base);
        if (image.ok()) {
            out.image(image.image(), 0, Typesetter.IMAGE_MAX_HEIGHT);
        } else {
            note("[image: " + reference + " — " + image.reason() + "]");
        }
    }

    private void note(String text) throws IOException {
        out.paragraph(List.of(Run.italic(text)));
    }

    private void questions(QuestionSet set, Path base) throws IOException {
        out.heading(set.title(), 3);
        int n = 1;
        for (Question q : set.questions()) {
            List<Run> prompt = markdown.inline(q.prompt(), base, Face.BOLD);
            String number = n++ + ".";
            out.space(4f);
            out.keepWithNext(() -> out.item(number, prompt, 0, Typesetter.BODY));
            if (hideAnswers) {
                out.ruled(answerLines(q), 14f);
                continue;
            }
            out.space(2f);
            out.keepWithNext(() -> out.paragraph(List.of(Run.italic("Answer")), 14f, Typesetter.SMALL));
            markdown.write(q.referenceAnswer(), base, 14f);
            if (!q.keyPoints().isEmpty()) {
                out.keepWithNext(() -> out.paragraph(List.of(Run.italic("Key points")), 14f, Typesetter.SMALL));
                for (KeyPoint k : q.keyPoints()) {
                    out.item("–", List.of(Run.of(k.text())), 14f, Typesetter.BODY);
                }
                out.space(4f);
            }
        }
    }

    /** Room for an answer about as long as the reference answer, with a line to spare. */
    private static int answerLines(Question q) {
        int estimate = q.referenceAnswer().length() / 80 + 2;
        return Math.max(3, Math.min(8, estimate));
    }

    private Path setBaseDir(QuestionSet set) {
        Path file = set.source() == null ? null : set.source().file();
        Path parent = file == null ? null : course.root().toAbsolutePath().resolve(file).normalize().getParent();
        return parent != null ? parent : course.root().toAbsolutePath().resolve("questions");
    }

    private Path baseDir(Reading r) {
        Path file = r.source().file();
        // A relative source path is relative to the course folder, not to wherever Lectern was started.
        Path parent = file == null ? null : course.root().toAbsolutePath().resolve(file).normalize().getParent();
        return parent != null ? parent : course.root().toAbsolutePath().resolve("readings");
    }
}
