package dev.lectern.ui.reading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.render.ReadingRenderer;
import dev.lectern.render.Theme;
import dev.lectern.search.CourseIndex;
import dev.lectern.search.SearchHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A real WebView under Monocle: a reading opened from a search hit of the bundled course shows the match marked. */
class OpeningSearchHitsTest {

    private static Course course;
    private static CourseIndex index;
    private static ReadingRenderer renderer;

    ReadingView view;

    @BeforeAll
    static void loadTheBundledCourse() {
        course = CourseLoader.load(Path.of("").toAbsolutePath()).course();
        index = CourseIndex.build(course);
        renderer = new ReadingRenderer(course.root());
    }

    @AfterAll
    static void closeTheIndex() {
        index.close();
    }

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view = new ReadingView(link -> { });
            s.setScene(new Scene(view, 600, 400));
            s.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static SearchHit hit(String query, String readingId) {
        return index.search(query, 10).readings().stream().filter(h -> h.readingId().equals(readingId))
                .findFirst().orElseThrow();
    }

    /** Shows the reading as the main window does for a hit: the document first, then where to go in it. */
    private void open(Reading reading, ReadingFocus focus) throws Exception {
        int before = WaitForAsyncUtils.asyncFx(() -> view.renderedCountProperty().get()).get();
        String html = renderer.render(reading, Theme.LIGHT);
        WaitForAsyncUtils.asyncFx(() -> {
            view.show(html);
            view.focus(focus);
        }).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> view.renderedCountProperty().get() > before).get());
    }

    /** The text of each search mark on the page, with the id of the slide or section it is in. */
    private List<String> marks() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            NodeList marks = view.engine().getDocument().getElementsByTagName("mark");
            for (int i = 0; i < marks.getLength(); i++) {
                Element mark = (Element) marks.item(i);
                if (SearchMarks.CLASS.equals(mark.getAttribute("class"))) {
                    found.add(mark.getTextContent() + "@" + placeOf(mark));
                }
            }
            return found;
        }).get();
    }

    private static String placeOf(Node node) {
        for (Node n = node.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            String id = e.getAttribute("id");
            if (id != null && (id.startsWith("slide-") || id.startsWith("section-") || id.equals("abstract")
                    || id.equals("notes") || id.equals("title"))) {
                return id;
            }
        }
        return "";
    }

    private double scrollY() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Number) view.engine().executeScript("window.scrollY")).doubleValue())
                .get();
    }

    @Test
    void aHitOnASlideFarDownMarksTheWordInThatSlideAndScrollsToIt() throws Exception {
        Reading emu = course.reading("emu-video").orElseThrow();
        ReadingFocus focus = ReadingFocus.of(emu, hit("juice", "emu-video")).orElseThrow();

        open(emu, focus);

        assertThat(marks()).containsExactly("JUICE@slide-4");
        assertThat(scrollY()).isGreaterThan(0);
        double markTop = WaitForAsyncUtils.asyncFx(() -> ((Number) view.engine().executeScript(
                "document.getElementById('" + SearchMarks.FIRST_ID + "').getBoundingClientRect().top"))
                .doubleValue()).get();
        assertThat(markTop).as("the mark is in view").isBetween(0.0, 400.0);
    }

    @Test
    void aHitOnTheTitleMarksItAtTheTopOfThePage() throws Exception {
        Reading emu = course.reading("emu-video").orElseThrow();
        ReadingFocus focus = ReadingFocus.of(emu, hit("explicit", "emu-video")).orElseThrow();

        open(emu, focus);

        assertThat(marks()).containsExactly("Explicit@title");
        assertThat(scrollY()).isZero();
    }

    @Test
    void theSameReadingOpenedFromTheLibraryShowsNoMarks() throws Exception {
        Reading emu = course.reading("emu-video").orElseThrow();
        open(emu, ReadingFocus.of(emu, hit("juice", "emu-video")).orElseThrow());
        assertThat(marks()).isNotEmpty();

        WaitForAsyncUtils.asyncFx(() -> view.focus(null)).get();

        assertThat(marks()).isEmpty();
        String slide = WaitForAsyncUtils.asyncFx(() -> {
            Document document = view.engine().getDocument();
            return document.getElementById("slide-4").getTextContent();
        }).get();
        assertThat(slide).contains("The authors' protocol, JUICE, asks raters");
    }

    @Test
    void aMarkedPageReloadedInAnotherThemeKeepsItsMarks() throws Exception {
        Reading emu = course.reading("emu-video").orElseThrow();
        open(emu, ReadingFocus.of(emu, hit("juice", "emu-video")).orElseThrow());
        int before = WaitForAsyncUtils.asyncFx(() -> view.renderedCountProperty().get()).get();

        String dark = renderer.render(emu, Theme.DARK);
        WaitForAsyncUtils.asyncFx(() -> view.show(dark)).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> view.renderedCountProperty().get() > before).get());

        assertThat(marks()).containsExactly("JUICE@slide-4");
        assertThat(dark).doesNotContain("class=\"" + SearchMarks.CLASS + "\"");
    }
}
