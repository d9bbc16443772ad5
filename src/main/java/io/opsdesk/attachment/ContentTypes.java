package io.opsdesk.attachment;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import io.opsdesk.ticket.TextRules;

/** Cheap checks on what a file claims to be: magic numbers, the extension, a safe file name. */
final class ContentTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    private static final byte[] PDF = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 0x05, 0x06};
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", "application/pdf", "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "txt", "text/plain", "log", "text/plain", "csv", "text/csv", "xlsx", XLSX, "docx", DOCX, "zip", "application/zip");

    private ContentTypes() {
    }

    /** The type without parameters, lower case; a missing or generic type is guessed from the extension. */
    static String resolve(String declared, String fileName) {
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.equals(OCTET_STREAM)) {
            int dot = fileName.lastIndexOf('.');
            String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            return BY_EXTENSION.getOrDefault(extension, type.isEmpty() ? OCTET_STREAM : type);
        }
        return type;
    }

    /** Null if the bytes fit the type (or the type has no cheap check), else what is wrong. */
    static String mismatch(String type, byte[] content) {
        return switch (type) {
            case "application/pdf" -> startsWith(content, PDF) ? null : "the content is not a PDF";
            case "image/png" -> startsWith(content, PNG) ? null : "the content is not a PNG image";
            case "image/jpeg" -> startsWith(content, JPEG) ? null : "the content is not a JPEG image";
            case "application/zip", XLSX, DOCX -> startsWith(content, ZIP) || startsWith(content, EMPTY_ZIP)
                    ? null : "the content is not a ZIP-based file";
            case "text/plain", "text/csv" -> looksLikeText(content) ? null : "the content is binary, not text";
            default -> null;
        };
    }

    /**
     * The last path segment, NFC, without control characters, bidirectional marks ({@link TextRules}), quotes
     * or path separators, at most 200 characters (keeping the extension); "attachment" when nothing is left.
     */
    static String safeFileName(String original) {
        String name = original == null ? "" : Normalizer.normalize(
                TextRules.neutralise(original, TextRules.Kind.FILE_NAME), Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "attachment";
        }
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 200 - extension.length()) + extension;
        }
        return name;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean looksLikeText(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
