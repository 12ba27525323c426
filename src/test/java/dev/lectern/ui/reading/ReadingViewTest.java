package dev.lectern.ui.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;
import org.w3c.dom.events.DocumentEvent;
import org.w3c.dom.events.EventTarget;
import org.w3c.dom.events.MouseEvent;

/** A real WebView under Monocle: links go to the browser only when clicked, and the reading stays put. */
class ReadingViewTest {

    private static final String PAGE = """
            <!DOCTYPE html><html><body data-reading-id="r">
            <h1 id="title">A reading</h1>
            <a id="web" class="ext-link" href="https://arxiv.org/abs/2304.08485">arXiv</a>
            <a id="local" href="../../etc/passwd">local</a>
            </body></html>""";

    final List<String> opened = new CopyOnWriteArrayList<>();
    ReadingView view;

    @BeforeEach
    void show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view = new ReadingView(opened::add);
            s.setScene(new Scene(view, 600, 400));
            s.show();
            view.show(PAGE);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> view.renderedCountProperty().get() == 1).get());
        assertThat(stage.isShowing()).isTrue();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void click(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            org.w3c.dom.Document document = view.engine().getDocument();
            Element link = document.getElementById(id);
            MouseEvent click = (MouseEvent) ((DocumentEvent) document).createEvent("MouseEvents");
            click.initMouseEvent("click", true, true, null, 1, 0, 0, 0, 0, false, false, false, false, (short) 0, null);
            ((EventTarget) link).dispatchEvent(click);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPictureInTheCourseFolderIsDrawnThoughThePageMayLoadNothingElse(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path png = dir.resolve("p1.png");
        java.awt.image.BufferedImage red = new java.awt.image.BufferedImage(80, 80,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = red.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 80, 80);
        g.dispose();
        javax.imageio.ImageIO.write(red, "png", png.toFile());
        String page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
                + " 'none'; img-src file: data:; style-src 'unsafe-inline';\"></head><body data-reading-id=\"s\""
                + " style=\"margin:0\"><img id=\"pic\" src=\"" + png.toUri() + "\" width=\"80\" height=\"80\"></body>"
                + "</html>";
        WaitForAsyncUtils.asyncFx(() -> view.show(page)).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> view.renderedCountProperty().get() == 2).get());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.image.WritableImage shot = view.webView().snapshot(null, null);
            javafx.scene.paint.Color c = shot.getPixelReader().getColor(40, 40);
            return c.getRed() > 0.9 && c.getGreen() < 0.2 && c.getBlue() < 0.2;
        }).get());
    }

    @Test
    void nothingOpensUntilTheUserClicks() {
        assertThat(opened).isEmpty();
    }

    @Test
    void clickingAWebLinkOpensItInTheBrowserAndKeepsTheReading() throws Exception {
        click("web");

        assertThat(opened).containsExactly("https://arxiv.org/abs/2304.08485");
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.engine().getDocument().getElementById("title").getTextContent()).get())
                .isEqualTo("A reading");
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.engine().getLocation()).get()).doesNotStartWith("http");
    }

    @Test
    void clickingALinkThatIsNotOnTheWebOpensNothing() throws Exception {
        click("local");

        assertThat(opened).isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.engine().getDocument().getElementById("title")).get()).isNotNull();
    }
}
