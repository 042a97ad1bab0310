package com.quantdesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an output file option before a command does its work, so that a long run does not end
 * in "cannot write": the file must not be a directory, its directory must exist and be writable,
 * and an existing file must be writable.
 */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * Checks {@code path}, given with {@code option}; does nothing when it is null (option not given).
     *
     * @throws UsageException naming the option and what is wrong
     */
    private static void check(String option, Path path) {
        if (path == null) {
            return;
        }
        Path file = path.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new UsageException(option + ": " + path + " is a directory; give a file name");
        }
        Path parent = file.getParent();
        if (parent == null || !Files.exists(parent)) {
            throw new UsageException(option + ": directory " + parent + " does not exist");
        }
        if (!Files.isDirectory(parent)) {
            throw new UsageException(option + ": " + parent + " is not a directory");
        }
        if (!Files.isWritable(parent)) {
            throw new UsageException(option + ": directory " + parent + " is not writable");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UsageException(option + ": " + path + " exists and is not writable");
        }
    }

    /**
     * Refuses two output options that name the same file: the second would overwrite the first.
     *
     * @throws UsageException naming both options
     */
    private static void distinct(String firstOption, Path first, String secondOption, Path second) {
        if (first != null && second != null
                && first.toAbsolutePath().normalize().equals(second.toAbsolutePath().normalize())) {
            throw new UsageException(firstOption + " and " + secondOption + " name the same file: " + first);
        }
    }

    /** A command's output options, checked together: {@code outputs().add(...).add(...).check()}. */
    static Outputs outputs() {
        return new Outputs();
    }

    /** Output options collected in the order given; {@link #check} checks each, then every pair. */
    static final class Outputs {
        private final List<String> options = new ArrayList<>();
        private final List<Path> paths = new ArrayList<>();

        /** Adds an option and its path (null when the option was not given). */
        Outputs add(String option, Path path) {
            options.add(option);
            paths.add(path);
            return this;
        }

        /**
         * Checks every path, then that no two name the same file.
         *
         * @throws UsageException naming the option (or both options) at fault
         */
        void check() {
            for (int i = 0; i < paths.size(); i++) {
                OutputFile.check(options.get(i), paths.get(i));
            }
            for (int i = 0; i < paths.size(); i++) {
                for (int j = i + 1; j < paths.size(); j++) {
                    distinct(options.get(i), paths.get(i), options.get(j), paths.get(j));
                }
            }
        }
    }
}
