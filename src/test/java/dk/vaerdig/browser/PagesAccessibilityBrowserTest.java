package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.TestCandidates;
import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.Messaging;

/**
 * Every page of this release, in Danish and English, checked with axe-core, and for sideways scrolling on a phone and
 * at 200 % zoom.
 */
class PagesAccessibilityBrowserTest extends BrowserTest {

	@Autowired
	TestCandidates candidates;

	@Autowired
	Messaging messaging;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{1} as {0} ({2})")
	@CsvSource({ "sagsbehandler, /, da", "sagsbehandler, /cases, en", "sagsbehandler, /cases/new, da",
			"sagsbehandler, /cases/{id}, en", "sagsbehandler, /cases/{id}/story, da",
			"sagsbehandler, /cases/{id}/story/versions, da", "sagsbehandler, /cases/{id}/plan, da",
			"sagsbehandler, /cases/{id}/plan, en", "sagsbehandler, /cases/{id}/change-request, da",
			"sagsbehandler, /timeliness, da", "teamleder, /timeliness, en", "sagsbehandler, /handovers, da",
			"sagsbehandler, /change-requests, da", "teamleder, /change-requests, en", "sagsbehandler, /letters/print, da",
			"sagsbehandler, /letters/print, en",
			"admin, /admin/audit, da", "admin, /admin/audit, en", "politiker, /, da", "sagsbehandler, /accessibility, en",
			"sagsbehandler, /messaging/outbox, da", "virksomhed, /messaging/outbox, en",
			"sagsbehandler, /messaging/outbox/{message}, da", "sagsbehandler, /messaging/outbox/{message}, en",
			"sagsbehandler, /cases/{id}/employment, da", "teamleder, /cases/{id}/employment, en" })
	void pageHasNoWcagViolations(String user, String path, String lang) {
		var c = candidates.make("sagsbehandler");
		if (path.contains("{message}")) {
			path = path.replace("{message}", String.valueOf(message(c)));
		}
		login(user);
		open(path.replace("{id}", String.valueOf(c.id())) + "?lang=" + lang);
		assertThat(driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
		assertAccessible();
		// reflow (WCAG 1.4.10) on a 320 px phone, and 200 % zoom (1.4.4) of a 1280 and a 1366 px window: 640 and
		// 683 CSS px at scale 2
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		viewport(640, 450, 2);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		viewport(683, 384, 2);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}

	/** An SMS to the candidate in the outbox (a survey invitation with its long link, which must wrap); its id. */
	long message(TestCandidates.Made c) {
		long team = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(c.id()).query(Long.class).single();
		String key = "accessibility:" + System.nanoTime();
		messaging.sendSms(Addressee.candidate(c.id(), team), "+45 61 72 83 97",
				"Hej " + c.firstName() + ". Hvordan var din samtale? Svar her: http://localhost:8080/s/"
						+ "Qm9yZ2VyZXZhbHVlcmluZy1sYW5ndC10b2tlbg",
				"survey-invitation", key);
		return jdbc.sql("SELECT id FROM outgoing_message WHERE idempotency_key = ?").param(key).query(Long.class).single();
	}

	@ParameterizedTest(name = "the new-candidate form with errors ({0})")
	@CsvSource({ "da, Skriv CPR-nummeret", "en, Enter the CPR number" })
	void formsWithErrorsHaveNoWcagViolations(String lang, String message) {
		login("sagsbehandler");
		open("/cases/new?lang=" + lang);
		type("cpr", "999999-9999");
		submit("form.form");
		assertThat(text()).contains(message);
		assertAccessible();
	}
}
