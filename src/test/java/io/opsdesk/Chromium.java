package io.opsdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.opsdesk.testing.Prerequisite;
import io.opsdesk.testing.PrerequisiteCondition;

/**
 * Headless Chromium for browser tests, one per test class: the system's {@code /usr/bin/chromium}
 * through {@code /usr/bin/chromedriver}, both named explicitly so Selenium Manager never downloads
 * anything, with a fresh profile. Without them the test class is skipped outside CI, with a message naming the
 * Debian packages to install, and fails with {@code CI=true} ({@link PrerequisiteCondition}). A failed test leaves a
 * screenshot and the page source in {@code target/screenshots/}.
 * <p>
 * {@code @RegisterExtension static Chromium chromium = new Chromium();}
 */
public class Chromium implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

    public static final Path BROWSER = Prerequisite.Paths.BROWSER;
    public static final Path DRIVER = Prerequisite.Paths.DRIVER;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver driver;
    private Path profile;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PrerequisiteCondition.evaluate(List.of(Prerequisite.CHROMIUM));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        for (Path required : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(required)) {
                throw new IllegalStateException(required + " is missing: browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        // belt and braces: the driver is also given to the service below, so Selenium Manager has nothing to find
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        profile = Files.createTempDirectory("opsdesk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Scrolls the element to the middle of the window, clear of Tasklist's fixed header and footer. */
    public WebElement centre(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        return waiting().until(ExpectedConditions.elementToBeClickable(element));
    }

    /** Clicks once nothing covers the element any more (a Camunda Form may still be laying itself out). */
    public void click(WebElement element) {
        waiting().ignoring(ElementClickInterceptedException.class).until(ignored -> {
            centre(element).click();
            return true;
        });
    }

    /** Signs in to Camunda Tasklist at {@code base} as a demo user (password = user id). */
    public void signInToTasklist(String base, String user) {
        driver.get(base + "/camunda/app/tasklist/");
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[name=signinForm] input[ng-model=username]")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys(user);
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    }

    /** Emulates a phone screen this wide (CSS pixels); {@link #desktop()} goes back. */
    public void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A screenshot of the whole page (not just the viewport) at the current width. */
    public void savePage(Path file, int width, boolean mobile) throws IOException {
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }
}
