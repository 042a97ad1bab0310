package com.quantdesk.bench;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A plain loop over the end-to-end backtest for profilers that attach to a whole JVM (JFR, async
 * sampling): {@code java -XX:StartFlightRecording=... -cp benchmarks.jar com.quantdesk.bench.ProfileRun 30}.
 * Prints the bars per second of each run by wall-clock time and by this thread's CPU time (the
 * latter is steadier on a shared machine, but leaves out the garbage collector's threads); numbers
 * for reports come from JMH, not from here.
 */
public final class ProfileRun {

    private ProfileRun() {
    }

    /** Runs the backtest {@code args[0]} times (default 20) over {@code args[1]} symbols (default 1). */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int symbols = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        BenchMarket market = BenchMarket.generate(symbols, BacktestBenchmark.BARS);
        BacktestConfig config = BacktestBenchmark.config(market);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            BacktestResult result = new BacktestRunner().run(config);
            long nanos = System.nanoTime() - start;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
            System.out.printf("run %d: %,.0f bars/s wall, %,.0f bars/s cpu, %d orders, %d events%n", i + 1,
                    BacktestBenchmark.BARS * 1e9 / nanos, BacktestBenchmark.BARS * 1e9 / cpuNanos,
                    result.orders().size(), result.eventCount());
        }
    }
}
