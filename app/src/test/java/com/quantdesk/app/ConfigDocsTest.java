package com.quantdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.app.config.QuantdeskSettings;
import com.quantdesk.app.config.QuantdeskSettings.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/configuration.md and the settings catalog say the same thing. */
class ConfigDocsTest {

    private static String doc;
    private static Map<String, List<String>> rows;

    @BeforeAll
    static void readTheDoc() throws IOException {
        doc = Files.readString(repositoryRoot().resolve("docs/configuration.md"));
        rows = new LinkedHashMap<>();
        for (String line : doc.lines().toList()) {
            if (line.startsWith("| `")) {
                List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|", -1)).stream()
                        .map(String::strip).toList();
                rows.put(cells.getFirst().replace("`", ""), cells);
            }
        }
    }

    @Test
    void everySettingHasARowWithItsFlagVariableFileDefaultAndSecrecy() {
        for (Setting s : QuantdeskSettings.ALL) {
            assertThat(rows).as(s.key()).containsKey(s.key());
            List<String> cells = rows.get(s.key());
            assertThat(cells.get(1)).as(s.key() + " flag").isEqualTo(code(s.flag()));
            assertThat(cells.get(2)).as(s.key() + " variable")
                    .isEqualTo(code(s.variable()) + s.fileVariable().map(f -> " or `" + f + "`").orElse(""));
            assertThat(cells.get(3)).as(s.key() + " in the file").isEqualTo(s.inFile() ? "yes" : "no");
            assertThat(cells.get(4)).as(s.key() + " default").isEqualTo(s.defaultValue());
            assertThat(cells.get(5)).as(s.key() + " secret").isEqualTo(s.secret() ? "yes" : "no");
        }
    }

    @Test
    void everyRowIsASetting() {
        assertThat(rows.keySet()).containsExactlyElementsOf(QuantdeskSettings.ALL.stream().map(Setting::key).toList());
    }

    @Test
    void everyFlagTheDocNamesExists() {
        Set<String> flags = new TreeSet<>();
        collectOptions(QuantdeskCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())), flags);
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(doc);
        List<String> named = new ArrayList<>();
        while (m.find()) {
            named.add(m.group());
        }
        assertThat(named).isNotEmpty();
        assertThat(flags).containsAll(named);
    }

    @Test
    void everyFlagOfATradingProcessIsASetting() {
        CommandLine check = QuantdeskCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getSubcommands().get("config").getSubcommands().get("check");
        List<String> flags = check.getCommandSpec().options().stream().filter(o -> !o.hidden())
                .filter(o -> !o.usageHelp() && !o.versionHelp()).map(CommandLine.Model.OptionSpec::longestName)
                .toList();
        for (String flag : flags) {
            assertThat(QuantdeskSettings.ofFlag(flag)).as(flag).isPresent();
        }
    }

    @Test
    void theSecretsThatTakeAFileAreTheSecretSettings() {
        Set<String> secretVariables = QuantdeskSettings.ALL.stream().filter(Setting::secret).map(Setting::variable)
                .collect(Collectors.toSet());
        assertThat(secretVariables).containsExactlyInAnyOrderElementsOf(SecretEnvironment.SECRETS);
    }

    @Test
    void everyQuantdeskVariableTheDocNamesIsKnown() {
        Set<String> known = new TreeSet<>(QuantdeskSettings.variables());
        known.addAll(QuantdeskSettings.OTHER_VARIABLES);
        Matcher m = Pattern.compile("\\bQD_[A-Z0-9_]+").matcher(doc);
        while (m.find()) {
            String name = m.group();
            if (!name.equals("QD_BAKUP_KEY")) {
                assertThat(known).as(name).contains(name);
            }
        }
    }

    private static String code(String value) {
        return value == null ? "—" : "`" + value + "`";
    }

    private static void collectOptions(CommandLine command, Set<String> flags) {
        command.getCommandSpec().options().forEach(o -> flags.addAll(List.of(o.names())));
        command.getSubcommands().values().forEach(sub -> collectOptions(sub, flags));
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/configuration.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/configuration.md at or above " + Path.of("").toAbsolutePath());
    }
}
