package com.quantdesk.app.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code quantdesk} invocations in shell text (documentation code blocks, unit files), as argument
 * lists without the program: {@code ./quantdesk backup --to /b} gives {@code [backup, --to, /b]}.
 * Knows the forms the deployment documents use: {@code ./quantdesk}, {@code /opt/quantdesk/bin/quantdesk}
 * and plain {@code quantdesk} at the start of a command, after {@code --} (kubectl exec) and after
 * {@code exec quantdesk} (docker compose exec into the service of that name).
 */
final class ShellCommands {

    private static final Pattern FENCE = Pattern.compile("(?m)^```[a-z]*\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern SEPARATORS = Pattern.compile("&&|\\|\\||;|\\||\\$\\(|\\s--\\s|\\bexec(?:\\s+-\\w+)*\\s+quantdesk\\s");
    private static final Pattern PROGRAM = Pattern.compile("(?:\\./|/opt/quantdesk/bin/)?quantdesk");

    private ShellCommands() {
    }

    /** The contents of the fenced code blocks of a Markdown text. */
    static List<String> codeBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Every quantdesk invocation in shell text: continuation lines joined, comments dropped. */
    static List<List<String>> invocations(String shell) {
        List<List<String>> found = new ArrayList<>();
        for (String line : shell.replace("\\\n", " ").split("\n")) {
            for (String segment : SEPARATORS.split(" " + stripComment(line) + " ")) {
                List<String> words = words(segment);
                while (!words.isEmpty() && (words.getFirst().equals("sudo") || words.getFirst().equals("env")
                        || words.getFirst().equals("time") || words.getFirst().matches("[A-Z_][A-Z0-9_]*=.*"))) {
                    words.removeFirst();
                }
                if (!words.isEmpty() && PROGRAM.matcher(words.getFirst()).matches()) {
                    found.add(words.subList(1, words.size()));
                }
            }
        }
        return found;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        String code = hash < 0 ? line : line.substring(0, hash);
        return code.strip().startsWith("#") ? "" : code;
    }

    /** Splits on blanks, keeping quoted text together (quotes removed). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
