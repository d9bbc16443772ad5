package io.opsdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Small classes: no main class over 200 lines, and every delegate or listener the models name (a process bean
 * class that implements JavaDelegate, ExecutionListener or TaskListener) is thin: at most 40 lines of code, not counting
 * imports, comments and blank lines. Reads the sources; no Spring.
 */
class ClassSizeTest {

    static final Path MAIN = Path.of("src/main/java");
    static final Pattern DELEGATE = Pattern.compile("implements\\s+(JavaDelegate|ExecutionListener|TaskListener)\\b");

    @Test
    void noMainClassIsOver200Lines() throws IOException {
        Map<String, Integer> tooLong = new TreeMap<>();
        for (Path source : sources()) {
            int lines = Files.readAllLines(source).size();
            if (lines > 200) {
                tooLong.put(MAIN.relativize(source).toString(), lines);
            }
        }
        assertThat(tooLong).as("main classes over 200 lines").isEmpty();
    }

    @Test
    void delegatesAndListenersAreThin() throws IOException {
        Map<String, Long> thick = new TreeMap<>();
        int delegates = 0;
        for (Path source : sources()) {
            String text = Files.readString(source);
            if (text.contains("@ProcessBean") && DELEGATE.matcher(text).find()) {
                delegates++;
                long code = codeLines(text);
                if (code > 40) {
                    thick.put(MAIN.relativize(source).toString(), code);
                }
            }
        }
        assertThat(delegates).as("delegate and listener classes found").isGreaterThan(8);
        assertThat(thick).as("delegates and listeners over 40 lines of code").isEmpty();
    }

    static long codeLines(String text) {
        String withoutComments = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
        return withoutComments.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("import ") && !line.startsWith("package "))
                .count();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        }
    }
}
