package io.opsdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Chromium;
import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * The page {@code /staff/organisations} in headless Chromium: a supervisor working in Chinese creates a PREMIUM
 * organisation, is told in Chinese why a bad domain was not saved, changes the tier; support staff only read (English).
 */
@OpsDeskTest
class OrganisationsPageBrowserTest {

    @RegisterExtension
    static Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    Organisations organisations;

    @AfterEach
    void noMoreCredentials() {
        chromium.driver().executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }

    @Test
    void supervisorCreatesAnOrganisationAndChangesItsTierInChinese() {
        String domain = "page-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String name = "华东电力 " + domain;
        ChromeDriver browser = open("carol", "zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("组织与客户");

        WebElement form = browser.findElement(By.id("new-organisation"));
        form.findElement(By.name("name")).sendKeys(name);
        new Select(form.findElement(By.name("slaTier"))).selectByValue("PREMIUM");
        form.findElement(By.name("domains")).sendKeys("*.wild.test");
        chromium.click(form.findElement(By.cssSelector("button[type=submit]")));
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "未保存："));
        assertThat(browser.findElement(By.id("message")).getText()).contains("domains");
        assertThat(organisations.list()).extracting(Organisation::name).doesNotContain(name);

        form.findElement(By.name("domains")).clear();
        form.findElement(By.name("domains")).sendKeys(domain);
        chromium.click(form.findElement(By.cssSelector("button[type=submit]")));
        Organisation created = chromium.waiting().until(driver -> organisations.list().stream()
                .filter(o -> o.name().equals(name)).findFirst().orElse(null));
        assertThat(created.slaTier()).isEqualTo("PREMIUM");
        assertThat(created.domains()).containsExactly(domain);

        WebElement row = chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#organisations tr[data-id='" + created.id() + "']")));
        assertThat(row.getText()).contains(name, "PREMIUM", domain);
        new Select(row.findElement(By.name("slaTier"))).selectByValue("STANDARD");
        chromium.click(row.findElement(By.cssSelector("button[type=submit]")));
        chromium.waiting().until(driver -> organisations.get(created.id()).slaTier().equals("STANDARD"));
        assertThat(organisations.get(created.id()).domains()).containsExactly(domain);
    }

    @Test
    void supportStaffReadWithoutForms() {
        ChromeDriver browser = open("alice", "en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Organisations and customers");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
        assertThat(browser.getPageSource()).contains("Supervisors and managers change organisations and customers");
    }

    private ChromeDriver open(String user, String language) {
        ChromeDriver browser = chromium.driver();
        chromium.desktop();
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", Http.basic(user, user), "Accept-Language", language)));
        browser.get("http://localhost:" + port + "/staff/organisations");
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        return browser;
    }
}
