package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final UiQueue ui = new UiQueue();
    private final Background tasks = new Background(work, ui);

    @AfterEach
    void stop() {
        work.shutdownNow();
    }

    @Test
    void theResultGoesToDoneOnTheUiExecutor() {
        List<String> seen = new ArrayList<>();
        Thread test = Thread.currentThread();
        tasks.supply(() -> Thread.currentThread() == test ? "wrong thread" : "done",
                value -> seen.add(value + (Thread.currentThread() == test ? " on ui" : " elsewhere")),
                e -> seen.add("failed"));
        ui.runUntil(() -> !seen.isEmpty());
        assertThat(seen).containsExactly("done on ui");
    }

    @Test
    void aFailureGoesToFailedAndDoneDoesNotRun() {
        List<Exception> failures = new ArrayList<>();
        List<Object> done = new ArrayList<>();
        tasks.run(() -> {
            throw new IOException("disk full");
        }, () -> done.add("ran"), failures::add);
        ui.runUntil(() -> !failures.isEmpty());
        assertThat(failures).singleElement().extracting(Exception::getMessage).isEqualTo("disk full");
        assertThat(done).isEmpty();
    }

    @Test
    void theFutureCompletesWithTheResultOrTheFailure() throws Exception {
        CompletableFuture<Integer> ok = tasks.future(() -> 42);
        CompletableFuture<Integer> bad = tasks.future(() -> {
            throw new IllegalStateException("no");
        });
        ui.runUntil(() -> ok.isDone() && bad.isDone());
        assertThat(ok.get()).isEqualTo(42);
        assertThatThrownBy(bad::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("no");
    }
}
