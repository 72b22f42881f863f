package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.portal.MinSideTestData;

/**
 * The candidate walks every page of Min side in a real browser by the candidate's menu, on a 390 × 844 phone and at
 * 320 px wide without sideways scrolling, in Danish and in English, each page checked with axe-core (WCAG 2.1 A and
 * AA): the overview, the story, the plan, the meetings, the letters and one letter, the complaints, who has looked at
 * the data, the download page, and the candidate's own not-found page. No JavaScript is needed: every step is a link.
 */
class MinSidePagesBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noCandidateSession() {
		open("/min-side/login");
		driver.manage().deleteAllCookies();
	}

	void assertReflows() {
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		viewport(390, 844, 3);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "da, Min historie, Vi kan ikke finde siden", "en, My story, We cannot find the page" })
	void aCandidateWalksEveryPageByTheMenu(String lang, String storyLink, String notFound) {
		viewport(390, 844, 3);
		open("/min-side/test-login?lang=" + lang);
		WebElement fifth = driver.findElement(By.cssSelector("ul.test-logins li:nth-child(5) form"));
		long id = Long.parseLong(fifth.findElement(By.name("candidateId")).getAttribute("value"));
		MinSideTestData.plain(jdbc, id);
		submit("ul.test-logins li:nth-child(5) form");
		assertThat(driver.getCurrentUrl()).endsWith("/min-side");
		List<String> pages = driver.findElements(By.cssSelector("nav.candidate-nav a"))
			.stream()
			.map(a -> a.getAttribute("href"))
			.toList();
		assertThat(pages).hasSize(9);
		assertThat(driver.findElement(By.cssSelector("nav.candidate-nav")).getText()).contains(storyLink);
		for (String page : pages) {
			open(page.replaceFirst("^https?://[^/]+", ""));
			assertThat(driver.findElement(By.cssSelector("nav.candidate-nav a[aria-current=page]")).getAttribute("href"))
				.isEqualTo(page);
			assertAccessible();
			assertReflows();
			screenshot("min-side-" + page.replaceAll(".*/", "") + "-" + lang);
		}
		// one letter, read on the page
		open("/min-side/breve");
		find("ul.letter-list li a").click();
		waitFor(d -> d.getCurrentUrl().matches(".*/min-side/breve/\\d+$"));
		assertThat(find("h1").getText()).isEqualTo("Tid til et møde");
		assertAccessible();
		assertReflows();
		// the candidate's own not-found page
		open("/min-side/breve/999999999");
		assertThat(find("h1").getText()).isEqualTo(notFound);
		assertThat(driver.findElements(By.cssSelector("nav.candidate-nav a"))).hasSize(9);
		assertAccessible();
		assertReflows();
	}
}
