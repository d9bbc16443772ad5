package io.opsdesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Chromium;
import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * Staff see Camunda's webapps in Chinese (Chromium with --lang=zh-CN and Accept-Language zh-CN, see
 * {@link Chromium}), under OpsDesk's name and without the "migrate to Camunda 8" bar; support staff who open
 * Cockpit get a Chinese (then English) page saying they have no access. Saves the screenshots in docs/images/.
 */
@OpsDeskTest
class WebappsInChineseBrowserTest {

    @RegisterExtension
    static Chromium chromium = new Chromium();

    private static final Path IMAGES = Path.of("docs", "images");

    @LocalServerPort
    int port;

    ChromeDriver browser;
    String base;

    @BeforeEach
    void setUp() {
        browser = chromium.driver();
        base = "http://localhost:" + port;
        chromium.desktop();
        browser.get(base + "/camunda/app/welcome/");
        browser.manage().deleteAllCookies();
    }

    @Test
    void supportStaffWorkInChineseTasklistAndAreToldInChineseThatCockpitIsNotTheirs() throws IOException {
        chromium.signInToTasklist(base, "alice");

        header("启动流程");
        header("创建任务");
        assertThat(browser.getTitle()).isEqualTo("OpsDesk 运维支撑 · 任务列表");
        assertThat(browser.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText())
                .isEqualTo("OpsDesk 运维支撑 · 任务列表");
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "请在列表中选择一个任务。"));
        assertThat(browser.findElement(By.cssSelector("body")).getText()).contains("创建时间", "日期和时间按本地时区显示");
        noCamunda8Banner();
        save("webapp-tasklist-zh.png");

        browser.get(base + "/camunda/app/cockpit/default/");
        WebElement chinese = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#zh")));
        assertThat(chinese.getText()).contains("没有访问权限", "您当前登录的账号没有使用监控台 (Cockpit) 的权限。", "打开任务列表");
        assertThat(browser.findElement(By.cssSelector("#en")).getText()).contains("No access", "may not use Cockpit.");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");

        // the same request outside the browser: a real 403, as HTML
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        Http.Response page = new Http(port).get("/camunda/app/cockpit/default/",
                "Cookie", "JSESSIONID=" + session.getValue(), "Accept", "text/html");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("没有访问权限", "No access");

        browser.findElement(By.linkText("打开任务列表")).click();
        header("启动流程");
    }

    @Test
    void adminsSeeCockpitAndAdminInChinese() throws IOException {
        chromium.signInToTasklist(base, "admin");

        browser.get(base + "/camunda/app/cockpit/default/#/dashboard");
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "运行中的流程实例"));
        assertThat(browser.findElement(By.cssSelector("body")).getText()).contains("流程", "决策", "部署", "未解决的故障事件");
        assertThat(browser.getTitle()).startsWith("OpsDesk 运维支撑 · 监控台");
        noCamunda8Banner();
        save("webapp-cockpit-zh.png");

        browser.get(base + "/camunda/app/admin/default/#/");
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "授权"));
        assertThat(browser.findElement(By.cssSelector("body")).getText()).contains("用户", "组", "租户", "系统");
        assertThat(browser.getTitle()).startsWith("OpsDesk 运维支撑 · 管理");
        noCamunda8Banner();
        save("webapp-admin-zh.png");

        browser.get(base + "/camunda/app/welcome/default/#/welcome");
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "应用"));
        assertThat(browser.getTitle()).startsWith("OpsDesk 运维支撑 · 欢迎");
        noCamunda8Banner();
    }

    @Test
    void aBrowserAskingForEnglishGetsCamundasEnglish() {
        String userAgent = (String) chromium.script("return navigator.userAgent");
        browser.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", "en-US,en"));
        try {
            chromium.signInToTasklist(base, "alice");
            assertThat(chromium.script("return navigator.languages[0]")).isEqualTo("en-US");
            header("Start process");
            header("Create task");
            assertThat(browser.getTitle()).isEqualTo("OpsDesk 运维支撑 · 任务列表");
            noCamunda8Banner();
        } finally {
            browser.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", "zh-CN,zh"));
        }
    }

    private void header(String text) {
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), text));
    }

    /** Camunda still renders the bar (so this checks our stylesheet, not its absence); nobody sees it. */
    private void noCamunda8Banner() {
        WebElement banner = chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ce-eol-banner")));
        assertThat(banner.isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("body")).getText()).doesNotContain("Camunda 8", "迁移到 Camunda 8");
    }

    private void save(String name) throws IOException {
        Files.createDirectories(IMAGES);
        Files.write(IMAGES.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
