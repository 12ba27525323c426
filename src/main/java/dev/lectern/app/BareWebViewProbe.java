package dev.lectern.app;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/**
 * The yardstick for start-up: a bare JavaFX window with a WebView showing a small page. Prints
 * {@code ready <ms since JVM start>} once the page is loaded, then exits.
 */
public final class BareWebViewProbe {

    private BareWebViewProbe() {
    }

    /** A plain main class: the Java launcher refuses an Application subclass when JavaFX is on the class path. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
        WebView view = new WebView();
        view.getEngine().getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("ready " + ms + SharedClasses.residentMemory());
                System.out.flush();
                Platform.exit();
            }
        });
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
        view.getEngine().loadContent("<html><body><h1>Hello</h1><p>A bare WebView.</p></body></html>");
    }
    }
}
