package com.quantdesk.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GracefulShutdownTest {

    @Test
    void runsEveryStepInOrderAndReportsNothingUnfinished() {
        List<String> ran = new CopyOnWriteArrayList<>();

        List<String> unfinished = new GracefulShutdown(Duration.ofSeconds(5))
                .then("http", () -> ran.add("http"))
                .then("engine", () -> ran.add("engine"))
                .then("broker", () -> ran.add("broker"))
                .run();

        assertThat(ran).containsExactly("http", "engine", "broker");
        assertThat(unfinished).isEmpty();
    }

    @Test
    void aHungStepIsLeftBehindAtTheDeadlineAndTheStepsAfterItAreReportedNotRun() {
        CountDownLatch never = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try {
            List<String> unfinished = new GracefulShutdown(Duration.ofMillis(300))
                    .then("http", () -> ran.add("http"))
                    .then("journal", () -> {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })
                    .then("broker", () -> ran.add("broker"))
                    .run();

            assertThat(ran).containsExactly("http");
            assertThat(unfinished).containsExactly("journal", "broker");
        } finally {
            never.countDown();
        }
    }

    @Test
    void aFailingStepDoesNotStopTheOnesAfterIt() {
        List<String> ran = new CopyOnWriteArrayList<>();

        List<String> unfinished = new GracefulShutdown(Duration.ofSeconds(5))
                .then("http", () -> {
                    throw new IllegalStateException("port already closed");
                })
                .then("broker", () -> ran.add("broker"))
                .run();

        assertThat(ran).containsExactly("broker");
        assertThat(unfinished).containsExactly("http");
    }

    @Test
    void refusesANonPositiveTimeout() {
        assertThatThrownBy(() -> new GracefulShutdown(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
