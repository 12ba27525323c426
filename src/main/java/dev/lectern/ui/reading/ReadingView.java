package dev.lectern.ui.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Worker;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.events.EventListener;
import org.w3c.dom.events.EventTarget;

/**
 * Shows a rendered reading in a WebView with JavaScript off. Links never navigate the view: web links go to the
 * system browser, and only when the user clicks them. A reading opened from a search hit is scrolled to the match,
 * its words marked (see {@link #focus}); both are done from Java, through the DOM.
 */
public final class ReadingView extends StackPane {

    /** Ids the renderer and the marks give, the only ones put into a script. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final WebView webView = new WebView();
    private final WebEngine engine = webView.getEngine();
    private final Consumer<String> openLink;
    private final ReadOnlyIntegerWrapper renderedCount = new ReadOnlyIntegerWrapper(0);
    private String html = "";
    /** The file the document on show was loaded from (see {@link #show}); null before the first. */
    private Path shownFile;
    private String pendingScroll;
    /** Where a search hit asked to go in the reading, or null; see {@link #focus}. */
    private ReadingFocus focus;
    /** Whether the view has scrolled to {@link #focus} yet: it does once, not on every reload. */
    private boolean focusScrolled;
    /** A document is on its way: {@link #focus} waits for it. */
    private boolean loading;

    public ReadingView(Consumer<String> openLink) {
        this.openLink = openLink;
        engine.setJavaScriptEnabled(false);
        webView.setContextMenuEnabled(false);
        webView.setFocusTraversable(true);
        getChildren().add(webView);
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                loading = false;
                interceptLinks();
                restoreScroll();
                applyFocus();
                renderedCount.set(renderedCount.get() + 1);
            } else if (state == Worker.State.FAILED) {
                loading = false;
            }
        });
        // Belt and braces: should anything navigate the view to the web, show the reading again instead.
        engine.locationProperty().addListener((obs, old, location) -> {
            if (location != null && (location.startsWith("http:") || location.startsWith("https:"))) {
                Platform.runLater(() -> load(html));
            }
        });
    }

    public WebView webView() {
        return webView;
    }

    /**
     * For a view inside a scrolling page (a drill's reference answer): the mouse wheel scrolls the page when this view
     * has nothing more to scroll in that direction, as a frame in a browser does, instead of the wheel going dead.
     */
    public void passScrollingAtItsEdges() {
        webView.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) {
                return;
            }
            double y = scriptNumber("window.scrollY");
            double bottom = scriptNumber("Math.max(0, document.documentElement.scrollHeight - window.innerHeight)");
            boolean atEdge = e.getDeltaY() > 0 ? y <= 0 : y >= bottom - 1;
            ScrollPane outer = enclosingScrollPane();
            if (!atEdge || outer == null || outer.getContent() == null) {
                return;
            }
            double scrollable = outer.getContent().getLayoutBounds().getHeight()
                    - outer.getViewportBounds().getHeight();
            if (scrollable > 0) {
                outer.setVvalue(Math.max(outer.getVmin(), Math.min(outer.getVmax(),
                        outer.getVvalue() - e.getDeltaY() / scrollable * (outer.getVmax() - outer.getVmin()))));
            }
            e.consume();
        });
    }

    private double scriptNumber(String expression) {
        try {
            return engine.executeScript(expression) instanceof Number n ? n.doubleValue() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private ScrollPane enclosingScrollPane() {
        for (javafx.scene.Parent p = getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane pane) {
                return pane;
            }
        }
        return null;
    }

    public WebEngine engine() {
        return engine;
    }

    /** Counts finished renderings, so callers (and tests) can wait for the document on screen. */
    public ReadOnlyIntegerProperty renderedCountProperty() {
        return renderedCount.getReadOnlyProperty();
    }

    /** Shows a document; when it is the same reading again (a reload), the scroll position is kept. */
    public void show(String newHtml) {
        String oldId = readingId(html);
        pendingScroll = oldId != null && oldId.equals(readingId(newHtml)) ? currentScroll() : null;
        html = newHtml;
        load(newHtml);
    }

    /**
     * Marks the words of {@code newFocus} in its element and scrolls there, now or once the document being loaded
     * is on show; null takes the marks out. Only the page on screen changes: the document given to {@link #show},
     * and anything exported, never has the marks.
     */
    public void focus(ReadingFocus newFocus) {
        focus = newFocus;
        focusScrolled = false;
        if (!loading) {
            applyFocus();
        }
    }

    private void applyFocus() {
        Document document = engine.getDocument();
        if (document == null) {
            return;
        }
        SearchMarks.clear(document);
        ReadingFocus f = focus;
        if (f == null || !f.readingId().equals(readingId(html))) {
            return;
        }
        Element element = document.getElementById(f.elementId());
        int marked = SearchMarks.mark(document, element, f.words());
        if (!focusScrolled) {
            focusScrolled = true;
            scrollTo(f, element != null, marked > 0);
        }
    }

    private void scrollTo(ReadingFocus f, boolean found, boolean marked) {
        try {
            double y = 0;
            if (!f.atTop() && found && SAFE_ID.matcher(f.elementId()).matches()) {
                y = SearchMarks.scrollTarget(pageTop(f.elementId()),
                        marked ? pageTop(SearchMarks.FIRST_ID) : Double.NaN, number("window.innerHeight"));
            }
            engine.executeScript("window.scrollTo(0, " + Math.round(y) + ")");
        } catch (RuntimeException e) {
            // Scrolling to the match is a help; the reading is shown, and marked, either way.
        }
    }

    private double pageTop(String id) {
        return number("document.getElementById('" + id + "').getBoundingClientRect().top + window.scrollY");
    }

    private double number(String script) {
        return engine.executeScript(script) instanceof Number n ? n.doubleValue() : 0;
    }

    /**
     * Loads the document from a file of its own: WebKit shows {@code file:} images (slide pictures in the course
     * folder) only in a page that itself comes from a file, not in one given as a string. The page still cannot run
     * scripts, and its Content-Security-Policy lets it load nothing but images from files and data.
     */
    private void load(String document) {
        loading = true;
        try {
            Path file = Files.createTempFile("lectern-page-", ".html");
            file.toFile().deleteOnExit();
            Files.writeString(file, document, StandardCharsets.UTF_8);
            Path previous = shownFile;
            shownFile = file;
            engine.load(file.toUri().toString());
            if (previous != null) {
                Files.deleteIfExists(previous);
            }
        } catch (IOException e) {
            // No temporary folder to write to: the text still shows, though pictures may not.
            engine.loadContent(document, "text/html");
        }
    }

    private static String readingId(String document) {
        int at = document.indexOf("data-reading-id=\"");
        if (at < 0) {
            return null;
        }
        int start = at + "data-reading-id=\"".length();
        int end = document.indexOf('"', start);
        return end < 0 ? null : document.substring(start, end);
    }

    private String currentScroll() {
        try {
            Object y = engine.executeScript("window.scrollY");
            return y == null ? null : y.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void restoreScroll() {
        String y = pendingScroll;
        pendingScroll = null;
        if (y != null && y.matches("\\d+(\\.\\d+)?")) {
            try {
                engine.executeScript("window.scrollTo(0, " + y + ")");
            } catch (RuntimeException e) {
                // Scrolling back is a nicety; the reading is shown either way.
            }
        }
    }

    private void interceptLinks() {
        Document document = engine.getDocument();
        if (document == null) {
            return;
        }
        NodeList anchors = document.getElementsByTagName("a");
        EventListener onClick = event -> {
            if (event.getCurrentTarget() instanceof Element anchor) {
                String href = anchor.getAttribute("href");
                if (href != null && !href.startsWith("#")) {
                    event.preventDefault();
                    if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:")) {
                        openLink.accept(href);
                    }
                }
            }
        };
        for (int i = 0; i < anchors.getLength(); i++) {
            ((EventTarget) anchors.item(i)).addEventListener("click", onClick, false);
        }
    }
}
