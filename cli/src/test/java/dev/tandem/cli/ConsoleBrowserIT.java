package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The console in a real headless Chromium against {@code tandem serve --simulate} (in process, on a
 * free loopback port, one server and one browser for the class): the overview lists the deployment;
 * the deployment page's charts gain points as simulated time advances and the speed control changes
 * the simulated clock; the what-if panel shows the REST API's numbers for the same load; pause and
 * resume change the mode shown. Every page is written to {@code target/console-screenshots/}.
 *
 * <p>Chromium and its driver are Debian's {@code chromium} and {@code chromium-driver} ({@code
 * .ci/run} installs them); the paths can be changed with {@code -Dtandem.chromium=} and {@code
 * -Dtandem.chromedriver=}. Without them the test fails: a console nobody looked at is not tested.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  private static final String CHROMIUM = System.getProperty("tandem.chromium", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("tandem.chromedriver", "/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "console-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ServeCommand serve;
  private static Thread serving;
  private static String url;
  private static Path profileDir;
  private static WebDriver browser;

  @BeforeAll
  static void startServiceAndBrowser() throws Exception {
    assertThat(new File(CHROMIUM).canExecute())
        .as("%s must exist: apt-get install chromium chromium-driver", CHROMIUM)
        .isTrue();
    assertThat(new File(DRIVER).canExecute())
        .as("%s must exist: apt-get install chromium-driver", DRIVER)
        .isTrue();
    Files.createDirectories(SHOTS);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    url = "http://127.0.0.1:" + port + "/";
    serve = new ServeCommand();
    CommandLine cli = new CommandLine(serve);
    serving =
        new Thread(
            () -> cli.execute("--simulate", "--port", Integer.toString(port), "--speed", "60"),
            "serve-simulate");
    serving.setDaemon(true);
    serving.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (serve.context == null || !answers(url + "v1/console/clock")) {
      assertThat(System.nanoTime()).as("serve --simulate did not start").isLessThan(deadline);
      assertThat(serving.isAlive()).as("serve --simulate exited").isTrue();
      Thread.sleep(200);
    }

    profileDir = Files.createTempDirectory("tandem-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,800",
        "--user-data-dir=" + profileDir);
    // the driver is given explicitly, so Selenium Manager never looks for (or downloads) one
    System.setProperty("webdriver.chrome.driver", DRIVER);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 800));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (serve != null && serve.context != null) {
      serve.context.close();
      serving.join(Duration.ofSeconds(30).toMillis());
    }
    if (profileDir != null) {
      try (var files = Files.walk(profileDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void theOverviewListsTheDeploymentsWithModeHealthReplicasAndGpus() throws Exception {
    browser.get(url);
    WebElement row = waitFor(By.cssSelector("tr[data-deployment='simulation/tandem']"));
    until(() -> row().findElement(By.cssSelector("td.gpus")).getText().matches("\\d+ / 16"));
    WebElement r = row();
    assertThat(r.findElement(By.cssSelector(".mode")).getText()).isEqualTo("active");
    assertThat(r.findElement(By.cssSelector("td.health-ok")).getText()).startsWith("healthy");
    assertThat(r.findElement(By.cssSelector("td[data-role='prefill'] .desired")).getText())
        .matches("\\d+");
    assertThat(r.findElement(By.cssSelector("td[data-role='decode'] .ready")).getText())
        .matches("\\d+");
    assertThat(r.findElement(By.cssSelector("td.reason")).getText()).contains("prefill");
    assertThat(browser.findElement(By.id("sim-time")).getText()).startsWith("T+");
    screenshot("overview");

    browser.manage().window().setSize(new Dimension(420, 900));
    try {
      until(() -> width("document.documentElement.scrollWidth") <= width("window.innerWidth"));
      assertThat(r.findElement(By.cssSelector("a.deployment-link")).isDisplayed()).isTrue();
      screenshot("overview-narrow");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 800));
    }
  }

  @Test
  @Order(2)
  void theDeploymentPagesChartsGainPointsAsSimulatedTimeAdvances() throws Exception {
    browser.get(url);
    waitFor(By.cssSelector("a.deployment-link")).click();
    waitFor(By.cssSelector("#chart-load canvas"));
    until(() -> points("load") >= 3);
    assertThat((Boolean) js("return typeof uPlot === 'function'")).isTrue();
    int before = points("load");
    Instant lastBefore = Instant.parse(lastTime("load"));
    until(() -> points("load") > before && Instant.parse(lastTime("load")).isAfter(lastBefore));
    for (String chart : List.of("load", "replicas", "ttft", "itl", "gpus")) {
      assertThat(browser.findElements(By.cssSelector("#chart-" + chart + " canvas")))
          .as(chart)
          .isNotEmpty();
      assertThat(points(chart)).as(chart).isGreaterThan(before);
    }
    // the replica series hold numbers, not only gaps
    Object decided =
        js(
            "return document.querySelector('#chart-replicas .plot') && window.getComputedStyle("
                + "document.querySelector('#chart-replicas .u-legend')).display");
    assertThat(decided).isNotNull();
    assertThat(browser.findElement(By.id("now-prefill")).getText()).matches("(?s).*\\d+ / \\d+.*");
    until(() -> !browser.findElements(By.cssSelector("#decisions tr[data-seq]")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#chart-load .plot")).getAttribute("aria-label"))
        .as("the chart's text alternative")
        .startsWith("Request rate")
        .containsPattern("Latest: observed \\d");
    screenshot("deployment");
    assertThat(points("load")).isPositive();
    assertThat(
            (Long)
                js(
                    "return window.document.querySelectorAll('#chart-load .u-legend .u-series').length"))
        .as("time, observed, forecast mean, forecast peak, capacity")
        .isEqualTo(5L);
    // the whole page at 1280 wide (for the README), then on a narrow window: no sideways scrolling
    long height = width("document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 160, 4000)));
    try {
      Thread.sleep(500); // one poll: the charts redraw at the new size
      screenshot("deployment-full");
      browser.manage().window().setSize(new Dimension(420, 900));
      until(() -> width("document.documentElement.scrollWidth") <= width("window.innerWidth"));
      Thread.sleep(500);
      screenshot("deployment-narrow");
      // the charts shrink with the window (one per row below 1000 px)
      js("document.getElementById('chart-load').scrollIntoView()");
      until(
          () ->
              width("document.querySelector('#chart-load canvas').getBoundingClientRect().right")
                  <= width("window.innerWidth"));
      screenshot("deployment-narrow-charts");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 800));
    }

    // the speed control: 300× from the page, as the API then reports it
    new Select(browser.findElement(By.id("speed"))).selectByValue("300");
    browser.findElement(By.id("speed-set")).click();
    until(() -> browser.findElement(By.id("speed-now")).getText().equals("at 300×"));
    assertThat(get("v1/console/clock").get("speed").asDouble()).isEqualTo(300.0);
    Instant simBefore = Instant.parse(get("v1/console/clock").get("now").asString());
    Thread.sleep(1000);
    Instant simAfter = Instant.parse(get("v1/console/clock").get("now").asString());
    assertThat(Duration.between(simBefore, simAfter)).isGreaterThan(Duration.ofSeconds(200));
    put("v1/console/clock", "{\"speed\":60}");
    HttpResponse<String> refused =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "v1/console/clock"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"speed\":0}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("speed").contains("[1.0, 600.0]");
  }

  @Test
  @Order(3)
  void theWhatIfPanelShowsTheRestApisPlanForTheSameLoad() throws Exception {
    openDeployment();
    for (String[] field :
        List.of(
            new String[] {"whatif-rate", "35"},
            new String[] {"whatif-isl", "2500"},
            new String[] {"whatif-osl", "250"})) {
      WebElement input = browser.findElement(By.id(field[0]));
      input.clear();
      input.sendKeys(field[1]);
    }
    browser.findElement(By.id("whatif-submit")).click();
    waitFor(By.id("whatif-plan"));
    JsonNode rest =
        post(
            "v1/recommendations",
            "{\"policy\":{\"namespace\":\"simulation\",\"name\":\"tandem\"},"
                + "\"load\":{\"rate\":35,\"isl\":2500,\"osl\":250}}");
    assertThat(rest.get("roles")).hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode role : rest.get("roles")) {
      String name = role.get("role").asString();
      WebElement tr =
          browser.findElement(By.cssSelector("#whatif-plan tr[data-role='" + name + "']"));
      assertThat(value(tr, "next"))
          .as(name + " next step")
          .isEqualTo(role.at("/nextStep/replicas").asString());
      assertThat(value(tr, "sla"))
          .as(name + " SLA size")
          .isEqualTo(role.at("/slaSized/replicas").asString());
      assertThat(predicted(tr, "predicted"))
          .as(name + " predicted")
          .isEqualTo(millis(role.get("predicted")));
      assertThat(predicted(tr, "predicted-sla"))
          .as(name + " predicted at SLA size")
          .isEqualTo(millis(role.get("predictedAtSlaSize")));
    }
    assertThat(browser.findElement(By.id("whatif-gpus-next")).getAttribute("data-value"))
        .isEqualTo(rest.at("/gpus/nextStep").asString());
    assertThat(browser.findElement(By.id("whatif-gpus-sla")).getAttribute("data-value"))
        .isEqualTo(rest.at("/gpus/slaSized").asString());
    assertThat(browser.findElements(By.cssSelector("#whatif-reasons li")))
        .hasSize(rest.get("reasons").size());
    js("document.getElementById('whatif-h').scrollIntoView()");
    screenshot("deployment-whatif");
  }

  @Test
  @Order(4)
  void pauseFromTheKeyboardAndResumeChangeTheModeShown() throws Exception {
    openDeployment();
    until(() -> mode().equals("active"));
    // keyboard only: Tab through the page until the Pause button has focus, then Enter
    Actions keys = new Actions(browser);
    boolean reached = false;
    for (int i = 0; i < 30 && !reached; i++) {
      keys.sendKeys(Keys.TAB).perform();
      reached = "pause".equals(js("return document.activeElement.id"));
    }
    assertThat(reached).as("the Pause button is reachable with Tab").isTrue();
    keys.sendKeys(Keys.ENTER).perform();
    until(() -> mode().equals("paused"));
    assertThat(get("v1/deployments/simulation/tandem").get("paused").asBoolean()).isTrue();
    assertThat(browser.findElement(By.id("resume")).isEnabled()).isTrue();
    screenshot("deployment-paused");
    browser.findElement(By.id("resume")).click();
    until(() -> mode().equals("active"));
    assertThat(get("v1/deployments/simulation/tandem").get("paused").asBoolean()).isFalse();
  }

  // ---- helpers

  private static void openDeployment() {
    browser.get(url + "deployment.html?namespace=simulation&name=tandem");
    until(() -> points("load") > 0);
  }

  private static WebElement row() {
    return browser.findElement(By.cssSelector("tr[data-deployment='simulation/tandem']"));
  }

  private static String mode() {
    return browser.findElement(By.id("mode")).getText();
  }

  private static int points(String chart) {
    return Integer.parseInt(
        browser.findElement(By.id("chart-" + chart)).getAttribute("data-points"));
  }

  private static String lastTime(String chart) {
    return browser.findElement(By.id("chart-" + chart)).getAttribute("data-last-time");
  }

  private static String value(WebElement tr, String field) {
    return tr.findElement(By.cssSelector("td[data-field='" + field + "']"))
        .getAttribute("data-value");
  }

  private static String predicted(WebElement tr, String field) {
    return tr.findElement(By.cssSelector("td[data-field='" + field + "'] [data-value]"))
        .getAttribute("data-value");
  }

  /** The prediction as the page writes it: the number JavaScript prints, or "overloaded". */
  private static String millis(JsonNode prediction) {
    if (prediction.get("overloaded").asBoolean() || prediction.get("millis").isNull()) {
      return "overloaded";
    }
    return String.valueOf(js("return String(" + prediction.get("millis").asString() + ")"));
  }

  private static long width(String expression) {
    return ((Number) js("return " + expression)).longValue();
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static WebElement waitFor(By by) {
    return new WebDriverWait(browser, WAIT).until(d -> d.findElement(by));
  }

  private static void until(java.util.function.Supplier<Boolean> condition) {
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(NumberFormatException.class)
        .until(d -> condition.get());
  }

  private static void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean answers(String address) {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(address)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  private static JsonNode post(String path, String body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonNode put(String path, String body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonNode send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
