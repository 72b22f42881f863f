package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dk.vaerdig.surveys.Improvements;

/**
 * The pages candidates see without logging in, in Chromium: the lobby on a TV and on a phone, booking and cancelling
 * a time, the accessibility statement, and a focus ring that can be seen on every background.
 */
class PublicPagesBrowserTest extends BrowserTest {

	private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)");

	@Autowired
	Improvements improvements;

	@Test
	void theLobbyFitsATvScreenIsReadableFromAcrossTheRoomAndCyclesThroughWhatWeDid() throws Exception {
		for (int i = 1; i <= 3; i++) {
			improvements.publish("Skærmtest " + i + ": ventetiden i receptionen var lang.",
					"Vi har åbnet en ekstra skranke om mandagen (" + i + ").", "Screen test " + i + ": the wait was long.",
					"We opened another desk on Mondays (" + i + ").", "kommunikation");
		}
		for (String lang : List.of("da", "en")) {
			viewport(1920, 1080, 1);
			open("/lobby?lang=" + lang);
			waitFor(d -> find(".lobby__pause").isDisplayed());
			@SuppressWarnings("unchecked")
			List<Number> size = (List<Number>) script("""
					const e = document.scrollingElement;
					return [e.scrollHeight, window.innerHeight, e.scrollWidth, e.clientWidth];""");
			assertThat(size.get(0).intValue()).as("%s: the page is no taller than the screen", lang)
				.isLessThanOrEqualTo(size.get(1).intValue());
			assertThat(size.get(2).intValue()).as(lang).isLessThanOrEqualTo(size.get(3).intValue());
			List<WebElement> questions = findAll(".lobby__question");
			assertThat(questions).isNotEmpty();
			assertThat(questions).allSatisfy(q -> assertThat(px(q.getCssValue("font-size"))).as(q.getText())
				.isGreaterThanOrEqualTo(40));
			assertThat(find(".lobby__where").getText()).contains("da".equals(lang) ? "scan QR-koden på referatet af din samtale"
					: "scan the QR code on the summary of your meeting");
			// nothing overlaps the line at the bottom, and that line is on the screen
			double where = find(".lobby__where").getRect().getY();
			assertThat(find(".lobby__where").getRect().getY() + find(".lobby__where").getRect().getHeight())
				.isLessThanOrEqualTo(1080);
			for (WebElement e : findAll(".lobby__figure, .lobby__said-did h2, .lobby__improvements > li, .lobby__pause")) {
				if (e.isDisplayed()) {
					assertThat(e.getRect().getY() + e.getRect().getHeight()).as("%s: %s", lang, e.getText())
						.isLessThanOrEqualTo((int) where);
				}
			}
		}
		// one "I sagde – vi gjorde" item at a time, and the next one comes by itself
		String first = visibleImprovement();
		assertThat(findAll(".lobby__improvements > li")).hasSizeGreaterThanOrEqualTo(3);
		new WebDriverWait(driver, Duration.ofSeconds(25)).until(d -> !visibleImprovement().equals(first));
		assertAccessible();
		// the button stops the changing (WCAG 2.2.2); the focus ring shows on the dark screen
		new Actions(driver).sendKeys(Keys.TAB).perform();
		assertThat(driver.switchTo().activeElement().getAttribute("class")).isEqualTo("lobby__pause");
		assertFocusRingStandsOut();
		driver.switchTo().activeElement().sendKeys(Keys.ENTER);
		assertThat(find(".lobby__pause").getText()).isEqualTo("Start the changing again");
		String stopped = visibleImprovement();
		Thread.sleep(12_000);
		assertThat(visibleImprovement()).isEqualTo(stopped);
		screenshot("lobby-tv");
		// and on a phone nothing scrolls sideways
		viewport(320, 640, 1);
		open("/lobby");
		assertNoHorizontalScroll();
	}

	String visibleImprovement() {
		List<WebElement> shown = findAll(".lobby__improvements > li").stream().filter(WebElement::isDisplayed).toList();
		assertThat(shown).hasSize(1);
		return shown.get(0).getText();
	}

	@Test
	void aCandidateBooksAndCancelsATimeOnAPhone() {
		viewport(320, 640, 1);
		open("/book/cv-hjaelp-demo");
		assertNoHorizontalScroll();
		submit("form.form");
		assertThat(findAll(".field-error")).hasSize(2);
		assertAccessible();
		assertNoHorizontalScroll();
		type("name", "Amira");
		type("phone", "+45 22446611");
		submit("form.form");
		assertThat(text()).contains("Du har fået en tid", "Kan du ikke komme?");
		assertAccessible();
		assertNoHorizontalScroll();
		find("a[href*='/cancel/']").click();
		waitFor(d -> d.getCurrentUrl().contains("/cancel/"));
		assertThat(text()).contains("Vil du aflyse din tid?");
		assertAccessible();
		assertNoHorizontalScroll();
		submit("form.form");
		assertThat(text()).contains("Din tid er aflyst");
		assertAccessible();
		open("/book/cv-hjaelp-demo/cancel/ingen-saadan-booking");
		assertThat(text()).contains("Vi kan ikke finde din tid");
		assertAccessible();
		assertNoHorizontalScroll();
	}

	@Test
	void theAccessibilityStatementReflowsOnAPhoneAndAt200PercentZoom() {
		for (String lang : List.of("da", "en")) {
			open("/accessibility?lang=" + lang);
			assertAccessible();
			viewport(320, 640, 1);
			driver.navigate().refresh();
			assertNoHorizontalScroll();
			assertThat(find("h1").getRect().getWidth()).isLessThanOrEqualTo(320);
			viewport(640, 450, 2);
			driver.navigate().refresh();
			assertNoHorizontalScroll();
			normalViewport();
		}
	}

	@Test
	void theFocusRingStandsOutOnTheHeaderThePageAndTheFooter() {
		open("/book/cv-hjaelp-demo");
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			new Actions(driver).sendKeys(Keys.TAB).perform();
			WebElement focused = driver.switchTo().activeElement();
			if ("body".equals(focused.getTagName())) {
				break;
			}
			seen.add(focused.getTagName() + ":" + focused.getText() + focused.getAttribute("id"));
			assertFocusRingStandsOut();
		}
		// the ring was checked on the header (the language link), in the page and in the footer
		assertThat(seen).anyMatch(s -> s.startsWith("a:English")).anyMatch(s -> s.equals("input:name"))
			.anyMatch(s -> s.startsWith("a:12 34 56 78"));
	}

	/**
	 * The focused element has an outline of at least 2 px whose colour has a contrast of at least 3:1 with what lies
	 * around it: the colour just outside the ring, left, right, above and below (WCAG 1.4.11).
	 */
	void assertFocusRingStandsOut() {
		@SuppressWarnings("unchecked")
		Map<String, Object> ring = (Map<String, Object>) script("""
				const el = document.activeElement, s = getComputedStyle(el);
				const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
				  if (c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c)) return c; } return 'rgb(255, 255, 255)'; };
				const r = el.getBoundingClientRect(), d = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) + 1;
				const around = [[r.left - d, r.top + r.height / 2], [r.right + d, r.top + r.height / 2],
				  [r.left + r.width / 2, r.top - d], [r.left + r.width / 2, r.bottom + d]]
				  .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
				  .map(([x, y]) => document.elementsFromPoint(x, y).find(e => e !== el && !el.contains(e)))
				  .filter(e => e).map(bg);
				return { color: s.outlineColor, style: s.outlineStyle, width: parseFloat(s.outlineWidth),
				  around: around, what: el.outerHTML.slice(0, 80) };""");
		String what = String.valueOf(ring.get("what"));
		assertThat(ring.get("style")).as(what).isNotEqualTo("none");
		assertThat(((Number) ring.get("width")).doubleValue()).as(what).isGreaterThanOrEqualTo(2);
		@SuppressWarnings("unchecked")
		List<String> around = (List<String>) ring.get("around");
		assertThat(around).as(what).isNotEmpty();
		for (String background : around) {
			assertThat(contrast((String) ring.get("color"), background))
				.as("focus ring %s on %s around %s", ring.get("color"), background, what)
				.isGreaterThanOrEqualTo(3.0);
		}
	}

	static double px(String cssLength) {
		return Double.parseDouble(cssLength.replace("px", ""));
	}

	/** WCAG's contrast ratio of two opaque CSS colours. */
	static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	static double luminance(String css) {
		Matcher m = RGB.matcher(css);
		assertThat(m.matches()).as(css).isTrue();
		double[] c = new double[3];
		for (int i = 0; i < 3; i++) {
			double s = Integer.parseInt(m.group(i + 1)) / 255.0;
			c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	}

	@Test
	void theContrastIsComputedAsWcagDefinesIt() {
		assertThat(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(contrast("rgb(255, 191, 71)", "rgb(255, 255, 255)")).isBetween(1.6, 1.7);
	}
}
