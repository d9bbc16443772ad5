package io.opsdesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * The running application serves OpsDesk's files under /camunda/app/&lt;app&gt;/ instead of the webjar's:
 * the configuration (Chinese by default, OpsDesk's name), the zh-CN locale and the stylesheet hiding the
 * Camunda 8 banner. Without a session, as the login page loads them.
 */
@OpsDeskTest
class WebappCustomisationServedTest {

    private static final String SOURCE = "META-INF/resources/webjars/camunda/app/%s/%s";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void servesOpsDesksConfigurationLocaleAndStylesInsteadOfTheWebjars(String app) throws IOException {
        Http http = new Http(port);

        Http.Response config = http.get("/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("vendor: 'OpsDesk'", "name: '运维支撑 · ",
                "availableLocales: ['zh-CN', 'en']", "fallbackLocale: 'zh-CN'");

        Http.Response locale = http.get("/camunda/app/" + app + "/locales/zh-CN.json");
        assertThat(locale.status()).isEqualTo(200);
        assertThat(locale.body()).isEqualTo(source(app, "locales/zh-CN.json"));
        assertThat(locale.json().at("/labels/SIGN_OUT_ACTION").asText()).isEqualTo("退出登录");

        Http.Response styles = http.get("/camunda/app/" + app + "/styles/user-styles.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.body()).contains(".ce-eol-banner {\n  display: none !important;");

        // the webjar's English stays available for English browsers
        Http.Response english = http.get("/camunda/app/" + app + "/locales/en.json");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("\"SIGN_OUT_ACTION\": \"Log out\"");
    }

    private static String source(String app, String file) throws IOException {
        try (InputStream in = WebappCustomisationServedTest.class.getClassLoader()
                .getResourceAsStream(SOURCE.formatted(app, file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
