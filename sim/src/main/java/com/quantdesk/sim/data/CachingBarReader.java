package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads CSV bar files through a binary cache kept beside each one ({@code .RELIANCE.csv.qdbars} next
 * to {@code RELIANCE.csv}), so a file read before is loaded without being parsed.
 *
 * <p>A cache file stands for the CSV only while the CSV's size and modification time, the reading
 * options that change the bars (skipping bad rows, {@link OhlcFix}) and the cache format's version
 * all match what it was made from; otherwise, or if it is truncated or corrupt, the CSV is parsed
 * and the cache rewritten (atomically, through a temporary file). A directory that cannot be written
 * only means no cache: the bars are read all the same, with a note saying so. A CSV that changes
 * while it is parsed is not cached. Immutable and thread-safe; two processes racing on one cache
 * each write a complete file and the last rename wins.
 */
public final class CachingBarReader {

    /** Suffix of a cache file's name. */
    public static final String SUFFIX = ".qdbars";

    private final CsvBarReader reader;

    /** Reads with {@code reader}'s options. */
    public CachingBarReader(CsvBarReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * The result of one read.
     *
     * @param file      the bars, exactly as {@link CsvBarReader} reads them from the CSV
     * @param fromCache whether they came from the cache file rather than from parsing the CSV
     * @param note      something worth telling the user about the cache (not writable, corrupt)
     */
    public record Read(BarFile file, boolean fromCache, Optional<String> note) {

        /** Validates. */
        public Read {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(note, "note");
        }
    }

    /** The cache file of {@code csv}: a hidden file beside it. */
    public static Path cacheFileOf(Path csv) {
        return csv.resolveSibling("." + csv.getFileName() + SUFFIX);
    }

    /**
     * Reads {@code csv} for the symbol its name stands for, from the cache when it is current.
     *
     * @throws BarFileException as {@link CsvBarReader#read(Path)} does
     */
    public Read read(Path csv) {
        Symbol symbol = CsvBarReader.symbolOf(csv);
        Path cache = cacheFileOf(csv);
        Optional<BarCacheFile.Key> key = key(csv, symbol);
        String problem = null;
        if (key.isPresent() && Files.exists(cache)) {
            try {
                return new Read(BarCacheFile.read(cache, key.get(), csv), true, Optional.empty());
            } catch (BarCacheFile.Unusable e) {
                // A stale cache is the normal sign of an edited CSV; anything else is worth a word.
                problem = e.getMessage().startsWith("made ") ? null : e.getMessage();
            }
        }
        BarFile parsed = reader.read(csv, symbol);
        if (key.isEmpty() || !key.equals(key(csv, symbol))) {
            return new Read(parsed, false, Optional.empty());
        }
        try {
            BarCacheFile.write(cache, key.get(), parsed);
        } catch (IOException | RuntimeException e) {
            return new Read(parsed, false, Optional.of("cannot write the bar cache " + cache + " (" + e
                    + "); the CSV was read without it"));
        }
        return new Read(parsed, false, Optional.ofNullable(problem)
                .map(p -> "the bar cache " + cache + " was unusable (" + p + "); rewritten"));
    }

    private Optional<BarCacheFile.Key> key(Path csv, Symbol symbol) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(csv, BasicFileAttributes.class);
            return Optional.of(new BarCacheFile.Key(attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), symbol, reader.skipsBadRows(),
                    reader.ohlcFix()));
        } catch (IOException e) {
            // The reader reports a missing or unreadable file in its own words.
            return Optional.empty();
        }
    }
}
