package io.opsdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void fileNamesLoseTheirPathControlCharactersAndLeadingDots() {
        assertThat(ContentTypes.safeFileName("C:/Users/li/../report.pdf")).isEqualTo("report.pdf");
        assertThat(ContentTypes.safeFileName("..\\..\\secret\r\n.txt")).isEqualTo("secret.txt");
        assertThat(ContentTypes.safeFileName(".htaccess")).isEqualTo("htaccess");
        assertThat(ContentTypes.safeFileName("\"<>|")).isEqualTo("attachment");
        assertThat(ContentTypes.safeFileName("a".repeat(300) + ".xlsx")).hasSize(200).endsWith(".xlsx");
    }

    @Test
    void genericOrMissingTypesAreGuessedFromTheExtension() {
        assertThat(ContentTypes.resolve("application/octet-stream", "data.CSV")).isEqualTo("text/csv");
        assertThat(ContentTypes.resolve(null, "scan.jpg")).isEqualTo("image/jpeg");
        assertThat(ContentTypes.resolve("Text/Plain; charset=UTF-8", "x.bin")).isEqualTo("text/plain");
        assertThat(ContentTypes.resolve(null, "tool.exe")).isEqualTo("application/octet-stream");
    }

    @Test
    void contentMustMatchTheTypeWhereThatIsCheap() {
        assertThat(ContentTypes.mismatch("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ContentTypes.mismatch("image/jpeg", "GIF89a".getBytes(StandardCharsets.US_ASCII))).isNotNull();
        assertThat(ContentTypes.mismatch("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "PK\3\4rest".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ContentTypes.mismatch("text/plain", new byte[] {'a', 0, 'b'})).isEqualTo("the content is binary, not text");
    }
}
