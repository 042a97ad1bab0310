package com.quantdesk.bench;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.sim.data.BarFile;
import com.quantdesk.sim.data.CsvBarReader;
import com.quantdesk.sim.data.CsvBarWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Rows per second of {@link CsvBarReader} over a one-million-row file of one-minute bars as
 * {@link CsvBarWriter} writes it ({@code datetime,open,high,low,close,volume}, ~50 MB), read from the
 * page cache. One operation is one row, so JMH's {@code ops/s} is rows per second; the result
 * includes building the {@code Bar} list the backtest takes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class CsvReadBenchmark {

    private static final int ROWS = 1_000_000;

    private Path dir;
    private Path file;

    /** Writes the file once. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        BenchMarket market = BenchMarket.generate(1, ROWS);
        dir = Files.createTempDirectory("csv-read-bench");
        file = dir.resolve("RELIANCE.csv");
        new CsvBarWriter().write(file, market.bars().get(Symbol.of("RELIANCE")));
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** One read of the whole file. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public BarFile read() {
        return new CsvBarReader().read(file);
    }
}
