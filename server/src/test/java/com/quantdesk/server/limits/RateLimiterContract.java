package com.quantdesk.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every rate limiter does, whatever holds its buckets. */
abstract class RateLimiterContract {

    /** The limiter under test. */
    abstract RateLimiter limiter();

    @Test
    void keepsOneBucketPerKeyAndPerLimit() {
        Limit login = new Limit("login", 1, Duration.ofMinutes(1));
        Limit orders = new Limit("orders", 1, Duration.ofMinutes(1));

        assertThat(limiter().tryAcquire("ip:10.0.0.1", login).allowed()).isTrue();
        assertThat(limiter().tryAcquire("ip:10.0.0.1", login).allowed()).isFalse();
        assertThat(limiter().tryAcquire("ip:10.0.0.2", login).allowed()).isTrue();
        assertThat(limiter().tryAcquire("ip:10.0.0.1", orders).allowed()).isTrue();
    }

    /**
     * Tokens granted when {@code callers} threads, started together and spread over {@code nodes},
     * each ask {@code attempts} times for one key.
     */
    static int grantedConcurrently(List<RateLimiter> nodes, Limit limit, int callers, int attempts)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            RateLimiter node = nodes.get(t % nodes.size());
            tasks.add(() -> {
                start.await();
                int allowed = 0;
                for (int i = 0; i < attempts; i++) {
                    allowed += node.tryAcquire("user:asha", limit).allowed() ? 1 : 0;
                }
                return allowed;
            });
        }
        int allowed = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(callers)) {
            List<Future<Integer>> results = tasks.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                allowed += result.get();
            }
        }
        return allowed;
    }
}
