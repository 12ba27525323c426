package dev.lectern.ui.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Worker;
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
 * system browser, and only when the user clicks them.
 */
public final class ReadingView extends StackPane {

    private final WebView webView = new WebView();
    private final WebEngine engine = webView.getEngine();
    private final Consumer<String> openLink;
    private final ReadOnlyIntegerWrapper renderedCount = new ReadOnlyIntegerWrapper(0);
    private String html = "";
    /** The file the document on show was loaded from (see {@link #show}); null before the first. */
    private Path shownFile;
    private String pendingScroll;

    public ReadingView(Consumer<String> openLink) {
        this.openLink = openLink;
        engine.setJavaScriptEnabled(false);
        webView.setContextMenuEnabled(false);
        webView.setFocusTraversable(true);
        getChildren().add(webView);
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                interceptLinks();
                restoreScroll();
                renderedCount.set(renderedCount.get() + 1);
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
     * Loads the document from a file of its own: WebKit shows {@code file:} images (slide pictures in the course
     * folder) only in a page that itself comes from a file, not in one given as a string. The page still cannot run
     * scripts, and its Content-Security-Policy lets it load nothing but images from files and data.
     */
    private void load(String document) {
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
