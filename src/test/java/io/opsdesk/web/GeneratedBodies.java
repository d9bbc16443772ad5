package io.opsdesk.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Generated request bodies for {@link GeneratedRequestsTest}, drawn from jqwik arbitraries with the test's
 * seeded {@link Random}. JSON is written by hand, so keys can repeat, types can be wrong and text can hold
 * anything, unpaired surrogates included ({@code \\uD800} escapes).
 */
final class GeneratedBodies {

    private static final int GEN_SIZE = 1000;
    private static final String BIDI = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u2028\u2029";

    private static final Arbitrary<String> TEXT = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.strings().alpha().numeric().withChars(" .-_/@").ofMaxLength(60)),
            Tuple.of(2, Arbitraries.strings().withCharRange('\u4e00', '\u4fff').withChars(" ，。").ofMinLength(1).ofMaxLength(30)),
            Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
            Tuple.of(3, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u0085', '\u009f')
                    .withChars(BIDI.toCharArray()).withChars("ab\uD800\uDC00").ofMinLength(1).ofMaxLength(12)),
            // long texts repeat a short one: jqwik builds a generated string character by character
            Tuple.of(1, Arbitraries.strings().withChars("x蛇 \n").ofMinLength(1).ofMaxLength(10)
                    .map(s -> s.repeat(1 + 260 / s.length()).substring(0, 180 + s.length() * 8))),
            Tuple.of(1, Arbitraries.strings().withChars("x蛇 \n\u202E").ofMinLength(1).ofMaxLength(10)
                    .map(s -> s.repeat(1 + 40_000 / s.length()).substring(0, 9_900 + s.length() * 3_000))),
            Tuple.of(1, Arbitraries.of("", " ", "\t", "\n", "null", "true", "0", "-1", "FAULT", "HIGH")));
    private static final Arbitrary<String> PRINTABLE = Arbitraries.strings().withCharRange(' ', '~')
            .ofMinLength(1).ofMaxLength(120);
    private static final Arbitrary<Integer> NUMBER = Arbitraries.integers().between(-10, 10);

    private GeneratedBodies() {
    }

    static String text(Random random) {
        return TEXT.generator(GEN_SIZE).next(random).value();
    }

    static String printable(Random random) {
        return PRINTABLE.generator(GEN_SIZE).next(random).value();
    }

    static String validTicketJson(String system) {
        return object(validTicket(system, "li.wei+" + UUID.randomUUID() + "@example.com"), new Random(0), false);
    }

    /** A ticket that starts valid and then loses, breaks or repeats some of its fields. */
    static String ticket(Random random) {
        Map<String, String> ticket = validTicket("generated", "gen+" + UUID.randomUUID() + "@example.com");
        String customer = mutate(new LinkedHashMap<>(Map.of("name", quote("Li Wei"), "email",
                quote("gen+" + UUID.randomUUID() + "@example.com"), "organization", quote("ACME"), "locale", quote("en"))), random);
        ticket.put("customer", random.nextInt(8) == 0 ? value(random) : customer);
        return mutateToJson(ticket, random);
    }

    static String reply(Random random) {
        return mutateToJson(new LinkedHashMap<>(Map.of("message", quote("More detail " + random.nextInt()))), random);
    }

    static String acceptance(Random random) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("accepted", random.nextBoolean() ? "true" : "false");
        body.put("comment", quote("fine"));
        body.put("rating", String.valueOf(1 + random.nextInt(5)));
        return mutateToJson(body, random);
    }

    static Map<String, String> portalForm(Random random) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("type", "FAULT", "title", "Portal " + random.nextInt(),
                "description", "It fails", "system", "generated", "impact", "HIGH", "urgency", "LOW", "name", "Li Wei",
                "email", "portal+" + UUID.randomUUID() + "@example.com", "locale", "en", "submission", UUID.randomUUID().toString()));
        for (String field : List.copyOf(form.keySet())) {
            int roll = random.nextInt(100);
            if (roll < 12) {
                form.put(field, text(random));
            } else if (roll < 16) {
                form.remove(field);
            }
        }
        if (random.nextInt(10) == 0) {
            form.put(text(random), text(random));
        }
        return form;
    }

    static String fileName(Random random) {
        return text(random) + (random.nextBoolean() ? ".png" : "");
    }

    static byte[] content(Random random) {
        int kind = random.nextInt(5);
        byte[] bytes = new byte[kind == 0 ? 0 : kind == 1 ? 200_000 : random.nextInt(2000)];
        random.nextBytes(bytes);
        if (kind == 2) {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
            System.arraycopy(png, 0, bytes, 0, Math.min(png.length, bytes.length));
        } else if (kind == 3) {
            return text(random).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static Map<String, String> validTicket(String system, String email) {
        Map<String, String> ticket = new LinkedHashMap<>();
        ticket.put("type", quote("FAULT"));
        ticket.put("title", quote("Export fails"));
        ticket.put("description", quote("It stops at 50%"));
        ticket.put("system", quote(system));
        ticket.put("impact", quote("HIGH"));
        ticket.put("urgency", quote("LOW"));
        ticket.put("customer", "{\"name\":\"Li Wei\",\"email\":" + quote(email) + "}");
        return ticket;
    }

    private static String mutateToJson(Map<String, String> fields, Random random) {
        String json = mutate(fields, random);
        return random.nextInt(25) == 0 ? json.substring(0, random.nextInt(json.length())) : json;
    }

    /** Each field kept, replaced by any JSON value, dropped or repeated; sometimes an unknown field more. */
    private static String mutate(Map<String, String> fields, Random random) {
        List<String[]> members = new ArrayList<>();
        fields.forEach((key, value) -> {
            int roll = random.nextInt(100);
            if (roll < 70) {
                members.add(new String[] {key, value});
            } else if (roll < 88) {
                members.add(new String[] {key, value(random)});
            } else if (roll < 96) {
                return;
            } else {
                members.add(new String[] {key, value});
                members.add(new String[] {key, value(random)});
            }
        });
        if (random.nextInt(15) == 0) {
            members.add(random.nextInt(members.size() + 1), new String[] {text(random), value(random)});
        }
        StringBuilder json = new StringBuilder("{");
        for (String[] member : members) {
            json.append(json.length() > 1 ? "," : "").append(quote(member[0])).append(':').append(member[1]);
        }
        return json.append('}').toString();
    }

    private static String object(Map<String, String> fields, Random random, boolean mutate) {
        return mutate ? mutate(fields, random) : fields.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + e.getValue()).reduce((a, b) -> a + "," + b).map(s -> "{" + s + "}").orElse("{}");
    }

    /** Any JSON value: mostly a string, else a number, boolean, null, array or object. */
    private static String value(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> String.valueOf(NUMBER.generator(GEN_SIZE).next(random).value());
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> "null";
            case 3 -> "[" + quote(text(random)) + "," + NUMBER.generator(GEN_SIZE).next(random).value() + "]";
            case 4 -> "{\"" + random.nextInt(3) + "\":" + quote(text(random)) + "}";
            case 5 -> random.nextBoolean() ? "1e999" : "123456789012345678901234567890";
            default -> quote(text(random));
        };
    }

    /** A JSON string; controls, quotes, backslashes and every surrogate escaped, so unpaired ones survive. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04X", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
