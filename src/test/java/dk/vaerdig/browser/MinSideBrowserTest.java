package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The candidate's way in and first page, in a real browser: the candidates' login page, the demo's test login and the
 * overview, in Danish and English, checked with axe-core, on a 390 × 844 phone and at 320 px without sideways
 * scrolling; and the friendly page for a candidate without an open case.
 */
class MinSideBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	/** The candidate's cookie is only sent to /min-side, so it is deleted there too. */
	@BeforeEach
	void noCandidateSession() {
		open("/min-side/login");
		driver.manage().deleteAllCookies();
	}

	void phone() {
		viewport(390, 844, 3);
	}

	void assertReflows() {
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		phone();
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "da, Hej, Dit næste møde, Det har vi aftalt", "en, Hello, Your next meeting, What we have agreed" })
	void aCandidateLogsInThroughTheTestLoginAndSeesTheirOverview(String lang, String hello, String meeting,
			String agreed) {
		phone();
		open("/min-side");
		assertThat(driver.getCurrentUrl()).contains("/min-side/login");
		open("/min-side/login?lang=" + lang);
		assertAccessible();
		assertReflows();
		find("a[href='/min-side/test-login']").click();
		waitFor(d -> d.getCurrentUrl().contains("/min-side/test-login"));
		assertAccessible();
		assertReflows();
		submit("ul.test-logins li:first-child form");
		assertThat(driver.getCurrentUrl()).endsWith("/min-side");
		assertThat(find("h1").getText()).startsWith(hello);
		assertThat(text()).contains(meeting).contains(agreed);
		assertAccessible();
		assertReflows();
		screenshot("min-side-overview-" + lang);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "da, Vi kan ikke finde et forløb til dig", "en, We cannot find a course for you" })
	void aCandidateWithoutAnOpenCaseGetsAFriendlyAccessiblePage(String lang, String heading) {
		long id = jdbc.sql("""
				SELECT c.id FROM candidate c WHERE c.course_closed_on IS NULL
				  AND EXISTS (SELECT 1 FROM meeting m WHERE m.candidate_id = c.id AND m.status = 'PLANNED' AND m.planned_at > now())
				  AND EXISTS (SELECT 1 FROM agreement a WHERE a.candidate_id = c.id AND a.status = 'OPEN')
				ORDER BY c.id OFFSET 3 LIMIT 1""").query(Long.class).single();
		phone();
		open("/min-side/test-login?lang=" + lang);
		submit("ul.test-logins li:nth-child(4) form");
		try {
			jdbc.sql("UPDATE candidate SET course_closed_on = current_date WHERE id = ?").param(id).update();
			driver.navigate().refresh();
			assertThat(find("h1").getText()).isEqualTo(heading);
			assertAccessible();
			assertReflows();
		}
		finally {
			jdbc.sql("UPDATE candidate SET course_closed_on = NULL WHERE id = ?").param(id).update();
		}
	}
}
