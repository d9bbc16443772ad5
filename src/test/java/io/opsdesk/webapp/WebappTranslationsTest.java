package io.opsdesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OpsDesk's zh-CN translation of each Camunda webapp covers every key of the English locale shipped in the
 * webjar on the classpath, with the same {{placeholders}}, HTML tags and moment.js %-tokens. After a Camunda
 * upgrade this fails and lists what is new (or gone); tools/webapp-i18n/strings.py lists the strings to translate.
 */
class WebappTranslationsTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%[sd]");
    private static final Pattern TAG = Pattern.compile("</?(?:a|br|strong|b|i|em|code|span|p|ul|li|div)\\b[^>]*>");
    /** Names and literal values that stay as they are in Chinese too. */
    private static final String UNTRANSLATED = "Camunda|Optimize|CSV|JSON|requestPayload|null|<null>|<undefined>";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasAChineseTranslationWithTheSamePlaceholders(String app) throws IOException {
        Map<String, JsonNode> english = flatten(read(app, "en"));
        Map<String, JsonNode> chinese = flatten(read(app, "zh-CN"));

        TreeSet<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(chinese.keySet());
        TreeSet<String> extra = new TreeSet<>(chinese.keySet());
        extra.removeAll(english.keySet());
        List<String> mismatches = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode zh = chinese.get(key);
            if (zh == null) {
                return;
            }
            if (en.getNodeType() != zh.getNodeType()) {
                mismatches.add(key + ": " + zh.getNodeType() + " instead of " + en.getNodeType());
            } else if (en.isTextual()) {
                compare(key, "placeholders", PLACEHOLDER, en.asText(), zh.asText(), mismatches);
                compare(key, "HTML tags", TAG, en.asText(), zh.asText(), mismatches);
                if (!en.asText().isBlank() && zh.asText().equals(en.asText()) && en.asText().matches(".*[a-z]{4,}.*")
                        && !en.asText().matches(UNTRANSLATED)) {
                    mismatches.add(key + ": still English: " + en.asText());
                }
            } else if (!en.isTextual() && !en.equals(zh)) {
                mismatches.add(key + ": " + zh + " instead of " + en);
            }
        });

        assertThat(english).as("%s en.json from the webjar", app).isNotEmpty();
        assertThat(missing).as("%s: English keys without a zh-CN translation", app).isEmpty();
        assertThat(extra).as("%s: zh-CN keys the shipped English locale does not have", app).isEmpty();
        assertThat(mismatches).as("%s: translations that do not match their English text", app).isEmpty();
    }

    private static void compare(String key, String what, Pattern pattern, String en, String zh, List<String> mismatches) {
        List<String> expected = tokens(pattern, en);
        List<String> actual = tokens(pattern, zh);
        if (!expected.equals(actual)) {
            mismatches.add(key + ": " + what + " " + actual + " instead of " + expected);
        }
    }

    private static List<String> tokens(Pattern pattern, String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        tokens.sort(null);
        return tokens;
    }

    private static JsonNode read(String app, String locale) throws IOException {
        String path = LOCALES.formatted(app, locale);
        try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Camunda's en.json files start with a byte order mark
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        return flat;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> flat) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), flat);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(path, node);
        }
    }
}
