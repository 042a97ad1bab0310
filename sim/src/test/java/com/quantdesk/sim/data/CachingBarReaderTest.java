package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingBarReaderTest {

    private static final String CSV = """
            date,open,high,low,close,volume
            2025-01-01,10.001,11,9,10,100
            2025-01-02,10,8,9,10,100
            2025-01-03,10,11,9,10.5,200
            """;

    @TempDir
    Path dir;

    private final CachingBarReader reader = new CachingBarReader(new CsvBarReader().skipBadRows(true));

    private Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("RELIANCE.csv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void theFirstReadParsesAndWritesTheCacheTheSecondLoadsItWithTheSameResult() throws IOException {
        Path file = csv(CSV);

        CachingBarReader.Read first = reader.read(file);
        CachingBarReader.Read second = reader.read(file);

        assertThat(first.fromCache()).isFalse();
        assertThat(first.note()).isEmpty();
        assertThat(first.file()).isEqualTo(new CsvBarReader().skipBadRows(true).read(file));
        assertThat(Files.isRegularFile(dir.resolve(".RELIANCE.csv.qdbars"))).isTrue();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.note()).isEmpty();
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(second.file().roundedValues()).isEqualTo(1);
        assertThat(second.file().skipped()).containsExactly(file + ", line 3: high 8.00 < low 9.00");
    }

    @Test
    void theSecondReadDoesNotParseTheCsvAtAll() throws IOException {
        Path file = csv(CSV);
        FileTime modified = Files.getLastModifiedTime(file);
        BarFile first = reader.read(file).file();
        // Same size and time, different bytes: only a read that skips parsing still sees the old bars.
        csv(CSV.replace("10.5", "10.7"));
        Files.setLastModifiedTime(file, modified);

        assertThat(reader.read(file).file()).isEqualTo(first);
    }

    @Test
    void aNewModificationTimeMeansTheCsvIsParsedAgain() throws IOException {
        Path file = csv(CSV);
        reader.read(file);
        csv(CSV.replace("10.5", "10.7"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

        CachingBarReader.Read read = reader.read(file);

        assertThat(read.fromCache()).isFalse();
        assertThat(read.file().bars().getLast().close()).isEqualTo(10_70);
        assertThat(read.note()).isEmpty();
        assertThat(reader.read(file).fromCache()).isTrue();
    }

    @Test
    void aNewSizeMeansTheCsvIsParsedAgain() throws IOException {
        Path file = csv(CSV);
        FileTime modified = Files.getLastModifiedTime(file);
        reader.read(file);
        csv(CSV + "2025-01-06,10,11,9,10,300\n");
        Files.setLastModifiedTime(file, modified);

        CachingBarReader.Read read = reader.read(file);

        assertThat(read.fromCache()).isFalse();
        assertThat(read.file().bars()).hasSize(3);
    }

    @Test
    void otherReadingOptionsMeanTheCsvIsParsedAgain() throws IOException {
        Path file = csv(CSV.replace("2025-01-03,10,11,9,10.5", "2025-01-03,12,11,9,10.5"));
        reader.read(file);

        CachingBarReader.Read clamped = new CachingBarReader(new CsvBarReader().skipBadRows(true)
                .ohlcFix(OhlcFix.CLAMP)).read(file);

        assertThat(clamped.fromCache()).isFalse();
        assertThat(clamped.file().widenedRows()).isEqualTo(1);
        assertThat(clamped.file().bars().getLast().high()).isEqualTo(12_00);
        assertThat(reader.read(file).fromCache()).isFalse();
        assertThat(reader.read(file).file().widenedRows()).isZero();
    }

    @Test
    void aCorruptCacheIsIgnoredAndRewritten() throws IOException {
        Path file = csv(CSV);
        BarFile parsed = reader.read(file).file();
        Path cache = CachingBarReader.cacheFileOf(file);
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(cache, bytes);

        CachingBarReader.Read read = reader.read(file);

        assertThat(read.fromCache()).isFalse();
        assertThat(read.file()).isEqualTo(parsed);
        assertThat(read.note()).contains("the bar cache " + cache + " was unusable (checksum mismatch); rewritten");
        assertThat(reader.read(file).fromCache()).isTrue();
    }

    @Test
    void aTruncatedCacheIsIgnoredAndRewritten() throws IOException {
        Path file = csv(CSV);
        BarFile parsed = reader.read(file).file();
        Path cache = CachingBarReader.cacheFileOf(file);
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length - 20));

        CachingBarReader.Read read = reader.read(file);

        assertThat(read.fromCache()).isFalse();
        assertThat(read.file()).isEqualTo(parsed);
        assertThat(read.note()).hasValueSatisfying(note -> assertThat(note).endsWith("; rewritten"));
        assertThat(reader.read(file).fromCache()).isTrue();
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyMeansReadingWithoutIt() throws IOException {
        Path file = csv(CSV);
        Path cache = CachingBarReader.cacheFileOf(file);
        // A non-empty directory in the cache file's place: no rename can replace it, even for root.
        Files.createDirectories(cache.resolve("blocked"));

        CachingBarReader.Read read = reader.read(file);

        assertThat(read.fromCache()).isFalse();
        assertThat(read.file()).isEqualTo(new CsvBarReader().skipBadRows(true).read(file));
        assertThat(read.note()).hasValueSatisfying(note -> assertThat(note)
                .startsWith("cannot write the bar cache " + cache + " (")
                .endsWith("); the CSV was read without it"));
    }

    @Test
    void aReadOnlyDirectoryOnlyMeansReadingWithoutTheCache() throws IOException {
        Path file = csv(CSV);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "the directory stays writable for this user (root)");

            CachingBarReader.Read read = reader.read(file);

            assertThat(read.fromCache()).isFalse();
            assertThat(read.file().bars()).hasSize(2);
            assertThat(read.note()).hasValueSatisfying(note -> assertThat(note).startsWith("cannot write"));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingCsvFailsAsTheReaderSaysEvenWithACacheLeftBehind() throws IOException {
        Path file = csv(CSV);
        reader.read(file);
        Files.delete(file);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(BarFileException.class)
                .hasMessageStartingWith(file + ": cannot read: java.nio.file.NoSuchFileException");
        assertThat(Optional.of(CachingBarReader.cacheFileOf(file))).get().matches(Files::exists);
    }
}
