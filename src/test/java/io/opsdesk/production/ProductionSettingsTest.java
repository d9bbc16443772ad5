package io.opsdesk.production;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.opsdesk.OpsDeskApplication;

/**
 * The {@code prod} profile refuses each development value before anything starts, naming the setting. A start
 * with good settings is in {@link ProductionProfileJvmTest}.
 */
class ProductionSettingsTest {

    private static final String GOOD_PASSWORD = "a-long-admin-password";
    private static final String GOOD_SECRET = "k3J9xv0Qm2Lr8TzW5bYc";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            camunda.bpm.admin-user.password | NULL                                 | OPSDESK_ADMIN_PASSWORD
            camunda.bpm.admin-user.password | admin                                | OPSDESK_ADMIN_PASSWORD
            camunda.bpm.admin-user.password | ''                                   | OPSDESK_ADMIN_PASSWORD
            camunda.bpm.admin-user.password | short-pass1                          | OPSDESK_ADMIN_PASSWORD
            opsdesk.security.secret         | NULL                                 | OPSDESK_SECRET
            opsdesk.security.secret         | opsdesk-development-secret-change-me | OPSDESK_SECRET
            opsdesk.security.secret         | ''                                   | OPSDESK_SECRET
            opsdesk.demo-users              | true                                 | opsdesk.demo-users
            """)
    void refusesToStartWithADevelopmentValue(String setting, String value, String named) {
        List<String> args = new ArrayList<>(List.of(
                "--camunda.bpm.admin-user.password=" + GOOD_PASSWORD,
                "--opsdesk.security.secret=" + GOOD_SECRET,
                "--spring.datasource.url=jdbc:h2:mem:prod-settings",
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        args.removeIf(arg -> arg.startsWith("--" + setting + "="));
        if (value != null) {
            args.add("--" + setting + "=" + value);
        }
        assertThatThrownBy(() -> new SpringApplicationBuilder(OpsDeskApplication.class).profiles("prod")
                .run(args.toArray(String[]::new)))
                .isInstanceOf(UnsafeSettingException.class)
                .hasMessageContaining(setting)
                .hasMessageContaining(named)
                .hasMessageContaining("生产环境设置不安全");
    }
}
