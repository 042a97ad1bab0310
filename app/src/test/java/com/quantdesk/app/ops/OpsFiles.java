package com.quantdesk.app.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the monitoring files live: found from the working directory, whichever module the tests run in. */
final class OpsFiles {

    private OpsFiles() {
    }

    /** The repository root: the nearest directory at or above the working directory with {@code ops/} and {@code pom.xml}. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ops")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with ops/ and pom.xml at or above " + Path.of("").toAbsolutePath());
    }

    static Path prometheus() {
        return root().resolve("ops/prometheus");
    }

    /** The alert and recording rule files. */
    static List<Path> ruleFiles() {
        return yamlIn(prometheus().resolve("rules"));
    }

    /** The promtool unit test files. */
    static List<Path> ruleTests() {
        return yamlIn(prometheus().resolve("tests"));
    }

    static List<Path> dashboards() {
        return filesIn(root().resolve("ops/grafana/dashboards"), ".json");
    }

    static Path catalogue() {
        return root().resolve("docs/monitoring.md");
    }

    private static List<Path> yamlIn(Path dir) {
        return Stream.concat(filesIn(dir, ".yml").stream(), filesIn(dir, ".yaml").stream()).sorted().toList();
    }

    private static List<Path> filesIn(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
