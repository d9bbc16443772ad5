package io.opsdesk.production;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With the {@code prod} profile active, refuses settings left at their development values before anything
 * starts (no engine, no database connection, no port): the Camunda admin password, OpsDesk's secret and the
 * demo users. Users already in the database are checked by {@link DemoPasswordCheck}.
 */
class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "prod";
    static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
    static final String SECRET = "opsdesk.security.secret";
    static final String DEMO_USERS = "opsdesk.demo-users";
    static final String DEVELOPMENT_SECRET = "opsdesk-development-secret-change-me";
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MIN_SECRET_LENGTH = 16;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
            return;
        }
        String adminPassword = environment.getProperty(ADMIN_PASSWORD, "");
        if (adminPassword.isBlank() || adminPassword.equals("admin") || adminPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new UnsafeSettingException(ADMIN_PASSWORD + " (OPSDESK_ADMIN_PASSWORD)",
                    "empty, 'admin' or shorter than " + MIN_PASSWORD_LENGTH + " characters; set OPSDESK_ADMIN_PASSWORD",
                    "为空、为 admin 或少于 " + MIN_PASSWORD_LENGTH + " 个字符；请设置 OPSDESK_ADMIN_PASSWORD");
        }
        String secret = environment.getProperty(SECRET, "");
        if (secret.isBlank() || secret.equals(DEVELOPMENT_SECRET) || secret.length() < MIN_SECRET_LENGTH) {
            throw new UnsafeSettingException(SECRET + " (OPSDESK_SECRET)",
                    "unset, the development value or shorter than " + MIN_SECRET_LENGTH
                            + " characters; set OPSDESK_SECRET to a random value (openssl rand -base64 32)",
                    "未设置、为开发默认值或少于 " + MIN_SECRET_LENGTH + " 个字符；请将 OPSDESK_SECRET 设为随机值（openssl rand -base64 32）");
        }
        if (environment.getProperty(DEMO_USERS, Boolean.class, false)) {
            throw new UnsafeSettingException(DEMO_USERS + " (OPSDESK_DEMO_USERS)",
                    "demo users (password = user id) are not allowed in production; remove the setting",
                    "生产环境不允许演示用户（密码即用户名）；请删除该设置");
        }
    }

    @Override
    public int getOrder() {
        // after the config data (application-prod.yaml, environment variables) is loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
