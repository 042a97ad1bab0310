package com.quantdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.server.preflight.Preflight;
import com.quantdesk.server.preflight.Reminder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the preflight points people at exists: every reminder's runbook section, every runbook a fix names. */
class PreflightRunbooksTest {

    @Test
    void everyReminderLinksASectionOfItsRunbook() throws IOException {
        Path runbook = OpsFiles.root().resolve(Preflight.REMINDERS_RUNBOOK);
        Set<String> anchors = Files.readAllLines(runbook).stream().filter(l -> l.startsWith("## "))
                .map(PreflightRunbooksTest::anchor).collect(Collectors.toSet());
        assertThat(Preflight.REMINDERS).hasSize(8);
        for (Reminder reminder : Preflight.REMINDERS) {
            assertThat(reminder.runbook()).isEqualTo(Preflight.REMINDERS_RUNBOOK + "#" + reminder.id());
            assertThat(anchors).as("a '## ' heading in %s for %s", runbook, reminder.id()).contains(reminder.id());
        }
    }

    @Test
    void everyRunbookTheChecksNameExists() throws IOException {
        Pattern cited = Pattern.compile("docs/runbooks/[a-z-]+\\.md");
        Path sources = OpsFiles.root().resolve("server/src/main/java/com/quantdesk/server/preflight");
        List<String> runbooks;
        try (Stream<Path> files = Files.list(sources)) {
            runbooks = files.flatMap(f -> {
                try {
                    Matcher m = cited.matcher(Files.readString(f));
                    return m.results().map(r -> r.group()).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).distinct().toList();
        }
        assertThat(runbooks).contains("docs/runbooks/backup-and-restore.md", "docs/runbooks/incident-response.md");
        for (String path : runbooks) {
            assertThat(OpsFiles.root().resolve(path)).as(path).isRegularFile();
        }
    }

    /** The anchor a Markdown heading gets: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.substring(3).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
