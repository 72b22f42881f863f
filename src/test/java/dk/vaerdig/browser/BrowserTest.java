package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.vaerdig.IntegrationTest;

/**
 * Pages in a real headless Chromium (Debian's chromium and chromium-driver), each checked with axe-core for WCAG 2.1
 * A and AA violations. Without Chromium the tests skip with a notice, except in CI (CI=true), where they fail.
 */
@IntegrationTest
abstract class BrowserTest {

	static final Path CHROMIUM = Path.of(System.getProperty("vaerdig.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("vaerdig.chromedriver", "/usr/bin/chromedriver"));

	static WebDriver driver;

	/** axe-core's experimental rules for WCAG 2.1 A/AA criteria: the accessible name contains the visible label (2.5.3). */
	static final List<String> EXPERIMENTAL = List.of("label-content-name-mismatch");

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String notice = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (Debian: apt-get install chromium chromium-driver)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI must run the browser tests. " + notice);
			}
			System.err.println("NOTICE: SKIPPING BROWSER TESTS. " + notice);
			Assumptions.abort(notice);
		}
		if (driver == null) {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1280,900", "--lang=da",
					"--user-data-dir=" + Files.createTempDirectory("vaerdig-chromium"));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
				.build();
			driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		}
	}

	@AfterAll
	static void keepBrowserForTheNextClass() {
		// one browser for all browser test classes; closed when the JVM ends
		if (driver != null && !Runtime.getRuntime().toString().isEmpty()) {
			Runtime.getRuntime().addShutdownHook(new Thread(BrowserTest::quit));
		}
	}

	static synchronized void quit() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	@BeforeEach
	void freshSession() {
		normalViewport();
		driver.get(url("/login"));
		driver.manage().deleteAllCookies();
	}

	/**
	 * Makes the page {@code cssWidth} × {@code cssHeight} CSS pixels at the given device scale factor, as Chrome's
	 * device metrics override does: 320 × 640 at 1 is a narrow phone (WCAG 1.4.10 reflow), 640 × 450 at 2 is a
	 * 1280 × 900 window zoomed to 200 % (WCAG 1.4.4), 1920 × 1080 at 1 a TV. Media queries see the CSS size, as they
	 * do under real zoom. Until {@link #normalViewport()} (every test starts with it).
	 */
	static void viewport(int cssWidth, int cssHeight, double scale) {
		((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				java.util.Map.of("width", cssWidth, "height", cssHeight, "deviceScaleFactor", scale, "mobile", false));
	}

	static void normalViewport() {
		((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride",
				java.util.Map.of());
	}

	Object script(String js, Object... args) {
		return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
	}

	/**
	 * Nothing on the current page scrolls sideways (WCAG 1.4.10): the document is no wider than the viewport. Wide
	 * content may scroll inside its own container (a table in a labelled, focusable region), not the page.
	 */
	void assertNoHorizontalScroll() {
		Object widths = script("""
				const e = document.scrollingElement; return [e.scrollWidth, e.clientWidth];""");
		@SuppressWarnings("unchecked")
		List<Number> w = (List<Number>) widths;
		assertThat(w.get(0).intValue())
			.as(() -> "the page " + driver.getCurrentUrl() + " scrolls sideways at " + w.get(1)
					+ " CSS px; sticking out:\n" + script(OVERFLOWING))
			.isLessThanOrEqualTo(w.get(1).intValue());
	}

	/** The outermost elements that stick out past the viewport, outside any scroll container, for the message. */
	private static final String OVERFLOWING = """
			const w = document.documentElement.clientWidth, out = [];
			const clipped = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
			  if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
			for (const el of document.querySelectorAll('body *')) {
			  const r = el.getBoundingClientRect();
			  if (r.right > w + 0.5 && r.width > 0 && !clipped(el) && !(el.parentElement && el.parentElement.getBoundingClientRect().right > w + 0.5)) {
			    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '')
			      + ' right=' + Math.round(r.right) + ' "' + (el.textContent || '').trim().slice(0, 40) + '"'); }
			}
			return out.slice(0, 12).join('\\n');""";

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		driver.get(url(path));
	}

	void login(String username) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys("demo");
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor(d -> !d.getCurrentUrl().contains("/login"));
		waitFor(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	void type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Sets a value the way a date picker would (typing into date inputs depends on the browser's locale). */
	void setValue(String id, String value) {
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
	}

	/** Submits the form and waits until the browser has left the page it was on. */
	void submit(String formCss) {
		WebElement page = find("html");
		find(formCss + " button[type=submit]:not([name=addRow])").click();
		waitFor(d -> isGone(page));
		waitFor(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/**
	 * Whether the element's page has been left. While the browser navigates, asking an old element can fail with a
	 * stale reference or with the inspector's "does not belong to the document": both mean it is gone.
	 */
	static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException e) {
			if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw e;
		}
	}

	/** Keeps a picture of the page under target/screenshots, for people to look at. */
	void screenshot(String name) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(dir.resolve(name + ".png"),
					((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	<T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.WebDriverException.class) // e.g. "does not belong to the document" mid-navigation
			.until(condition);
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/**
	 * axe-core finds no WCAG 2.1 A or AA violation on the current page. Its experimental rules of those levels are
	 * switched on too, as {@link #EXPERIMENTAL} lists them (axe leaves them out by default).
	 */
	Results assertAccessible() {
		com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
		com.deque.html.axecore.args.AxeRunOnlyOptions tags = new com.deque.html.axecore.args.AxeRunOnlyOptions();
		tags.setType("tag");
		tags.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
		options.setRunOnly(tags);
		java.util.Map<String, com.deque.html.axecore.args.AxeRuleOptions> rules = new java.util.HashMap<>();
		for (String rule : EXPERIMENTAL) {
			com.deque.html.axecore.args.AxeRuleOptions on = new com.deque.html.axecore.args.AxeRuleOptions();
			on.setEnabled(true);
			rules.put(rule, on);
		}
		options.setRules(rules);
		Results results = new AxeBuilder().withOptions(options).analyze(driver);
		List<Rule> violations = results.getViolations();
		assertThat(violations)
			.as(() -> "WCAG violations on " + driver.getCurrentUrl() + ":\n" + violations.stream()
				.map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
						+ v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
				.collect(Collectors.joining("\n")))
			.isEmpty();
		assertThat(results.getPasses()).as("axe-core ran its checks").isNotEmpty();
		return results;
	}
}
