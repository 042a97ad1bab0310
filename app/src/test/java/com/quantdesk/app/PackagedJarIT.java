package com.quantdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The jar {@code package} built: built on JDK 24 or newer, it holds no class file older than Java 6,
 * so the launcher's ahead-of-time cache can hold every class a command loads (picocli's included).
 */
class PackagedJarIT {

    @Test
    void noClassFileNeedsTheOldVerifier() throws IOException {
        assumeTrue(Runtime.version().feature() >= 24, "class files are re-encoded only when built on JDK 24 or newer");
        Path jar = Path.of("target/quantdesk.jar");
        assertThat(jar).as("the jar 'package' builds before integration tests").isRegularFile();

        List<String> old = new ArrayList<>();
        int picocli = 0;
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                int major = (bytes[6] & 0xff) << 8 | bytes[7] & 0xff;
                if (major < 50) {
                    old.add(entry.getName() + " (" + major + ")");
                }
                picocli += entry.getName().startsWith("picocli/") ? 1 : 0;
            }
        }

        assertThat(picocli).as("picocli's classes are in the jar").isGreaterThan(100);
        assertThat(old).isEmpty();
    }
}
