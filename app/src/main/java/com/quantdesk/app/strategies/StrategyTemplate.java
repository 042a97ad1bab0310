package com.quantdesk.app.strategies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * The starting point {@code quantdesk strategy new} writes: a documented strategy source file and a
 * JUnit 5 test of its rules.
 */
public final class StrategyTemplate {

    private StrategyTemplate() {
    }

    /**
     * Checks a class name for a new strategy.
     *
     * @throws IllegalArgumentException saying why {@code name} cannot be a Java class name
     */
    public static void validateClassName(String name) {
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a Java class name: use letters and digits, "
                    + "starting with a letter, e.g. MyBreakout");
        }
        if (!Character.isUpperCase(name.charAt(0)) || name.contains("$")) {
            throw new IllegalArgumentException("'" + name + "' should start with a capital letter and have no $, "
                    + "e.g. MyBreakout");
        }
    }

    /** The strategy's catalog name for a class name: {@code MyBreakout} → {@code my-breakout}. */
    public static String strategyName(String className) {
        return className.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /**
     * Writes {@code NAME.java} and {@code NAMETest.java} into {@code directory}, creating it if needed.
     *
     * @return the files written
     * @throws IllegalArgumentException if either file exists (nothing is written then) or the name is invalid
     */
    public static List<Path> write(String className, Path directory) {
        validateClassName(className);
        Path source = directory.resolve(className + ".java");
        Path test = directory.resolve(className + "Test.java");
        for (Path file : List.of(source, test)) {
            if (Files.exists(file)) {
                throw new IllegalArgumentException(file + " exists; not overwriting it (choose another name or "
                        + "move the file)");
            }
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(source, fill("Strategy.java.template", className), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
            Files.writeString(test, fill("StrategyTest.java.template", className), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(e.getFile() + " exists; not overwriting it", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(directory + ": cannot write: " + e.getMessage(), e);
        }
        return List.of(source, test);
    }

    private static String fill(String resource, String className) {
        try (InputStream in = StrategyTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("%NAME%", className).replace("%STRATEGY%", strategyName(className));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
