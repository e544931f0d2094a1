package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.adapters.postgres.TestPostgres;
import io.readstate.adapters.redis.TestRedis;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver; CI
 * installs them): it logs in, sees the backlog rise after writes and match /status,
 * presses "Flush now" and sees the backlog go to 0. Saves target/console-e2e.png.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleInBrowserTest extends DurableServiceScenario {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
    private static final DropwizardAppExtension<ReadstateConfiguration> APP = serviceIn("write-behind", PREFIX, DATABASE,
            ConfigOverride.config("flush.interval", "1h"));
    private static final InMemoryApi RULES = referenceRules();
    private static final ResourceExtension RULES_RESOURCES = RULES.resources();

    ConsoleInBrowserTest() {
        super(APP, PREFIX, RULES);
    }

    @AfterAll
    static void removeKeys() {
        new ConsoleInBrowserTest().wipeRedis();
    }

    @Test
    void an_operator_sees_the_backlog_rise_and_empties_it_with_flush_now() throws Exception {
        boolean browserHere = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(browserHere, "no chromium and chromium-driver here (CI installs them)");
        }
        assertThat(browserHere).as("chromium and chromium-driver must be installed (.ci/run installs them)").isTrue();
        try (Response anonymous = admin("GET", "/console", false)) {
            assertThat(anonymous.getStatus()).isEqualTo(401);
        }

        WebDriver browser = startBrowser();
        try {
            ((HasAuthentication) browser).register(() -> new UsernameAndPassword("admin", ADMIN_PASSWORD));
            browser.get("http://127.0.0.1:" + APP.getAdminPort() + "/console");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(page -> page.findElement(By.id("backlog")).getText().equals("0"));

            traffic(81, 60);
            long backlog = adminJson("GET", "/status").path("backlog").asLong();
            assertThat(backlog).isPositive();
            wait.until(page -> number(page.findElement(By.id("backlog")).getText()) == backlog);

            browser.findElement(By.id("flush-now")).click();
            wait.until(page -> page.findElement(By.id("flush-result")).getText().startsWith("Wrote"));
            wait.until(page -> page.findElement(By.id("backlog")).getText().equals("0"));
            assertThat(adminJson("GET", "/status").path("backlog").asLong()).isZero();

            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", "console-e2e.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }

    private static WebDriver startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1100", "--user-data-dir=" + Files.createTempDirectory("console-e2e"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static long number(String figure) {
        String digits = figure.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
