package com.quantdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code app/jvm.options}, the @argument file both launchers give to java: every line an option or a
 * comment, accepted by this JDK without a word on either stream, and every method a
 * {@code CompileCommand} names still there (a renamed method would silently drop the command).
 */
class JvmOptionsTest {

    private static final Path OPTIONS = Path.of("jvm.options");
    private static final Pattern METHOD_COMMAND = Pattern.compile("-XX:CompileCommand=\\w+,([\\w.$]+)::(\\w+)");

    @Test
    void everyLineIsAnOptionOrAComment() throws IOException {
        List<String> options = options();

        assertThat(options).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("-").doesNotContain(" "));
    }

    @Test
    void everyMethodACompileCommandNamesExists() throws Exception {
        List<Matcher> commands = options().stream().map(METHOD_COMMAND::matcher).filter(Matcher::matches).toList();

        assertThat(commands).as("CompileCommands naming a method in %s", OPTIONS).isNotEmpty();
        for (Matcher command : commands) {
            Class<?> type = Class.forName(command.group(1));
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
                    .as("methods of %s named in %s", type.getName(), OPTIONS).contains(command.group(2));
        }
    }

    @Test
    void thisJdkAcceptsTheFileSilently() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "@" + OPTIONS.toAbsolutePath(), "-version")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java -version finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        // Only the version banner: no warning, no echo of a CompileCommand.
        assertThat(output.lines()).allSatisfy(line -> assertThat(line).doesNotContainIgnoringCase("warning")
                .doesNotContain("CompileCommand").doesNotContain("Unrecognized"));
    }

    private static List<String> options() throws IOException {
        return Files.readAllLines(OPTIONS).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
