package io.grapevine.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.agent.config.Encryption;
import io.grapevine.agent.config.Profile;
import io.grapevine.agent.run.Agent;
import io.grapevine.agent.run.AgentService;
import io.grapevine.agent.run.EventHandlerService;
import io.grapevine.agent.run.HttpService;
import io.grapevine.core.base.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (issue 13 §4): three agents on loopback, the first one's page
 * open in headless Chromium; a node killed without leaving must show up as dead in the table and
 * as a failure in the event feed, with no reload. Saves {@code target/dashboard.png} (and
 * {@code target/dashboard-failure.png} with the page's HTML when a wait runs out).
 *
 * <p>Drives the Debian packages {@code chromium} and {@code chromium-driver} through Selenium;
 * missing, the test fails naming them (CI's {@code .ci/run} installs them). The driver path is
 * given to the driver service, so Selenium Manager never runs (nothing is downloaded).
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Path FAILURE_SCREENSHOT = Path.of("target", "dashboard-failure.png");

    private final List<Agent> agents = new ArrayList<>();
    private WebDriver driver;

    @TempDir
    Path profile;

    @AfterEach
    void stopAll() {
        if (driver != null) {
            driver.quit();
        }
        for (int i = agents.size() - 1; i >= 0; i--) {
            agents.get(i).halt();
        }
    }

    @Test
    void theDashboardShowsTheClusterLiveAndANodeKilledWithoutLeavingAsFailed() throws Exception {
        requireBrowser();
        HttpService http = new HttpService(new EventHandlerService());
        Agent first = start(config("node-0", Map.of("role", "seed")), http);
        Agent second = start(config("node-1", Map.of("role", "web", "zone", "b")).withJoin(List.of(gossip(first))));
        Agent third = start(config("node-2", Map.of("role", "cache")).withJoin(List.of(gossip(first))));
        assertThat(second.joined().get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);
        assertThat(third.joined().get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);

        driver = chromium();
        driver.get("http://" + http.banner().get("http") + "/");
        try {
            // the page re-renders its table every second: an element found may be replaced before it is read
            WebDriverWait wait = new WebDriverWait(driver, DEADLINE);
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(d -> d.findElements(By.cssSelector("#members tbody tr[data-status='alive']")).size() == 3);
            String self = wait.until(d -> text("#members tr[data-member='node-0']"));
            assertThat(self).contains("this node");
            wait.until(d -> keyShown("node-2", "role", "cache")); // tags written at start, replicated to node-0

            // live, without a reload: a write on another node, and a user event
            second.cluster().put("color", "blue".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
            wait.until(d -> keyShown("node-1", "color", "blue"));
            wait.until(d -> !d.findElements(By.cssSelector("#feed li[data-type='key-changed'][data-key='color']"))
                    .isEmpty());
            first.cluster().broadcast("deploy", "v1.2.3".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
            wait.until(d -> !d.findElements(By.cssSelector("#feed li[data-type='user-event'][data-name='deploy']"))
                    .isEmpty());

            third.halt(); // a crash: no leave, so the others must detect it
            wait.until(d -> !d.findElements(By.cssSelector("#members tr[data-member='node-2'][data-status='dead']"))
                    .isEmpty());
            String failed = wait.until(d -> textIfShown(
                    "#feed li[data-type='member-changed'][data-member='node-2'][data-change='failed']"));
            assertThat(failed).contains("node-2 failed", "dead", "on word of");
            String status = wait.until(d -> textIfShown("#members tr[data-member='node-2'] td.status"));
            assertThat(status).isEqualTo("dead");
            String transition = wait.until(d -> textIfShown(
                    "#history .card[data-member='node-2'] li[data-change='failed']"));
            assertThat(transition).contains("failed", "on word of");
            wait.until(d -> text("#counts [data-count='dead']").equals("1 dead"));
            // a few seconds of traffic in the charts before the picture
            wait.until(d -> Integer.parseInt(d.findElement(By.id("charts")).getDomAttribute("data-samples")) >= 8);
            screenshot(SCREENSHOT);
            // no script error, refused resource or CSP violation on the way
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                    .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                    .extracting(LogEntry::getMessage).isEmpty();
        } catch (RuntimeException | AssertionError e) {
            screenshot(FAILURE_SCREENSHOT);
            Files.writeString(Path.of("target", "dashboard-failure.html"), driver.getPageSource());
            throw e;
        }
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    private static void requireBrowser() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (Debian package chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
        }
        if (!missing.isEmpty()) {
            fail("the dashboard's browser test needs headless Chromium and its driver, missing: " + missing
                    + "; install them with: apt-get install chromium chromium-driver (.ci/run does this)");
        }
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1280", "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // an explicit driver executable: Selenium's DriverFinder then skips Selenium Manager entirely
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(DEADLINE).scriptTimeout(DEADLINE);
        return chrome;
    }

    private Agent start(AgentConfig config, AgentService... services) {
        Agent agent = Agent.start(config, List.of(services));
        agents.add(agent);
        return agent;
    }

    private static AgentConfig config(String name, Map<String, String> tags) {
        return AgentConfig.defaults(name, Encryption.plaintext()).withBind(new Address("127.0.0.1", 0))
                .withHttpAddr(new Address("127.0.0.1", 0)).withProfile(Profile.LOCAL).withTags(tags);
    }

    private static String gossip(Agent agent) {
        return agent.cluster().id().address().toString();
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** The text of the first element matching {@code css}, or null (keep waiting) when there is none. */
    private String textIfShown(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    private boolean keyShown(String node, String key, String value) {
        List<WebElement> rows = driver.findElements(
                By.cssSelector("#keys .node-keys[data-node='" + node + "'] tr[data-key='" + key + "'] td.value"));
        return !rows.isEmpty() && rows.get(0).getText().equals(value);
    }

    private void screenshot(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + target, e);
        }
    }
}
