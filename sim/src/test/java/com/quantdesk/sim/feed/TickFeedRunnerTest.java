package com.quantdesk.sim.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TickFeedRunnerTest {

    /** Each poll returns one tick with the next sequence number as its size. */
    private static final class CountingSource implements TickSource {

        private final AtomicLong polls = new AtomicLong();

        @Override
        public List<Tick> poll() {
            long n = polls.incrementAndGet();
            return List.of(new Tick(Symbol.of("INFY"), Instant.EPOCH.plusSeconds(n), 100_000, n));
        }
    }

    @Test
    void pushesPolledTicksToTheSinkOnItsOwnThreadUntilClosed() throws InterruptedException {
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Long> sizes = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        try (TickFeedRunner runner = new TickFeedRunner(new CountingSource(), tick -> {
            threads.add(Thread.currentThread().getName());
            sizes.add(tick.size());
            three.countDown();
        }, Duration.ofMillis(5))) {
            runner.start();

            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(runner.isRunning()).isTrue();
            runner.close();
            assertThat(runner.isRunning()).isFalse();
        }
        assertThat(sizes.subList(0, 3)).containsExactly(1L, 2L, 3L);
        assertThat(threads).containsOnly("tick-feed");
    }

    @Test
    void stopsAndKeepsTheFailureWhenTheSinkThrows() throws InterruptedException {
        CountDownLatch called = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("engine inbox full");
        TickFeedRunner runner = new TickFeedRunner(new CountingSource(), tick -> {
            called.countDown();
            throw boom;
        }, Duration.ofMillis(5));
        runner.start();

        assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        runner.close(); // waits for the failing poll to finish

        assertThat(runner.failure()).containsSame(boom);
        assertThat(runner.isRunning()).isFalse();
    }
}
