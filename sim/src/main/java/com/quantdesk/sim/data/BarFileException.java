package com.quantdesk.sim.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A CSV bar file that cannot be read: the message names the file, the line (when the problem is
 * on one) and the reason, e.g. {@code "data/reliance.csv, line 7: high 99.00 < low 100.00"}.
 */
public final class BarFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String reason;

    /**
     * A problem on one line of {@code file}.
     *
     * @param file   the file
     * @param line   1-based line number, or 0 when the problem concerns the whole file
     * @param reason what is wrong
     */
    public BarFileException(Path file, int line, String reason) {
        this(file, line, reason, null);
    }

    /** As {@link #BarFileException(Path, int, String)}, with the underlying cause. */
    public BarFileException(Path file, int line, String reason, Throwable cause) {
        super(describe(file, line, reason), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@code "<file>, line <n>: <reason>"}, or {@code "<file>: <reason>"} when {@code line} is 0. */
    static String describe(Path file, int line, String reason) {
        return line > 0 ? file + ", line " + line + ": " + reason : file + ": " + reason;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String reason() {
        return reason;
    }
}
