package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.portal.MinSideTestData;

/**
 * Min side, part 2 (issue 13, part A) in a real browser, without JavaScript being needed, on a 390 × 844 phone and at
 * 320 px wide without sideways scrolling, each page and state checked with axe-core (WCAG 2.1 A and AA): choosing an
 * offer (the form, its errors, the saved choice), preparing the meeting (the page, an error, an item added, an
 * agreement marked done), starting a complaint (the guidance, its errors, the receipt) and asking for a new caseworker
 * (the form and the wish received). Reached from the overview's links.
 */
class MinSideChoicesBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noCandidateSession() {
		open("/min-side/login");
		driver.manage().deleteAllCookies();
	}

	void check(String name) {
		assertAccessible();
		viewport(320, 640, 1);
		assertNoHorizontalScroll();
		viewport(390, 844, 3);
		assertNoHorizontalScroll();
		screenshot("min-side-choices-" + name);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "da, Forbered dit næste møde, 'Skriv kort, hvorfor du vælger det.', Vi har fået din klage",
			"en, Prepare your next meeting, Write briefly why you choose it., We have received your complaint" })
	void theCandidateActsOnEveryNewPage(String lang, String prepareLink, String reasonError, String receipt) {
		viewport(390, 844, 3);
		open("/min-side/test-login?lang=" + lang);
		int nth = "da".equals(lang) ? 1 : 2;
		WebElement login = driver.findElement(By.cssSelector("ul.test-logins li:nth-child(" + nth + ") form"));
		long id = Long.parseLong(login.findElement(By.name("candidateId")).getAttribute("value"));
		MinSideTestData.choices(jdbc, id);
		submit("ul.test-logins li:nth-child(" + nth + ") form");
		assertThat(driver.getCurrentUrl()).endsWith("/min-side");
		check("overview-" + lang);

		// choose an offer: the form, a missing reason, the saved choice
		open("/min-side/plan");
		check("plan-form-" + lang);
		find("form.choose-offer input[type=radio]").click();
		submit("form.choose-offer");
		assertThat(text()).contains(reasonError);
		assertThat(find("form.choose-offer input[type=radio]").isSelected()).isTrue();
		check("plan-error-" + lang);
		type("reason", "Jeg vil gerne prøve et lager.");
		submit("form.choose-offer");
		assertThat(findAll("form.choose-offer")).isEmpty();
		assertThat(find(".notice--ok").getText()).isNotBlank();
		check("plan-chosen-" + lang);

		// prepare the meeting, from the overview's link
		open("/min-side");
		driver.findElement(By.linkText(prepareLink)).click();
		waitFor(d -> d.getCurrentUrl().endsWith("/min-side/forbered"));
		check("prepare-" + lang);
		submit("form[action='/min-side/forbered/punkter']");
		assertThat(find(".error-summary").isDisplayed()).isTrue();
		check("prepare-error-" + lang);
		type("text", "Hvordan søger jeg job i en butik?");
		submit("form[action='/min-side/forbered/punkter']");
		assertThat(findAll("li.agenda-item")).hasSizeGreaterThanOrEqualTo(2);
		check("prepare-added-" + lang);
		WebElement done = find("ul.agreement-marks form");
		done.findElement(By.tagName("textarea")).sendKeys("Det er gjort.");
		WebElement page = find("html");
		done.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(d -> isGone(page));
		assertThat(find(".notice--ok").getText()).isNotBlank();
		check("prepare-done-" + lang);

		// start a complaint: the guidance, the errors, the receipt
		open("/min-side/klager/ny");
		check("complaint-" + lang);
		submit("form[action='/min-side/klager/ny']");
		assertThat(find(".error-summary").isDisplayed()).isTrue();
		check("complaint-error-" + lang);
		type("decisionRef", "Brev om mit forløb");
		setValue("decisionReceivedOn", java.time.LocalDate.now().minusDays(2).toString());
		type("whatYouSay", "Jeg er ikke enig i det, der står.");
		submit("form[action='/min-side/klager/ny']");
		waitFor(d -> d.getCurrentUrl().endsWith("/kvittering"));
		assertThat(find("h1").getText()).isEqualTo(receipt);
		check("complaint-receipt-" + lang);

		// ask for a new caseworker: the form, then the wish received
		jdbc.sql("DELETE FROM caseworker_change_request WHERE candidate_id = ? AND registered_by = 'kandidaten'")
			.param(id).update();
		open("/min-side/ny-jobkonsulent");
		check("caseworker-" + lang);
		submit("form[action='/min-side/ny-jobkonsulent']");
		assertThat(findAll("form[action='/min-side/ny-jobkonsulent']")).isEmpty();
		check("caseworker-sent-" + lang);
		if (!"da".equals(lang)) {
			return;
		}

		// the caseworker's side, checked with axe too: the plan with the candidate's choice, a change with a reason and
		// the history; the case page with the candidate's actions; the record page with the candidate's own items
		driver.manage().deleteAllCookies();
		normalViewport();
		login("leder");
		open("/cases/" + id + "/plan");
		assertThat(text()).contains("Kandidaten selv (Min side)");
		assertAccessible();
		find("form[action$='/plan/decision'] select#offer option:nth-child(2)").click();
		find("form[action$='/plan/decision'] select#status option[value=NOT_CHOSEN]").click();
		type("changeReason", "Praktikstedet lukkede.");
		submit("form[action$='/plan/decision']");
		assertThat(text()).contains("Historik over valg").contains("Praktikstedet lukkede.");
		assertAccessible();
		open("/cases/" + id);
		assertThat(text()).contains("af kandidaten (Min side)").contains("Kandidaten har markeret som gjort");
		assertAccessible();
		Long meeting = jdbc.sql("SELECT id FROM meeting WHERE candidate_id = ? AND status = 'PLANNED' AND planned_at > now() ORDER BY planned_at LIMIT 1")
			.param(id).query(Long.class).single();
		open("/cases/" + id + "/meetings/" + meeting + "/record");
		assertThat(find("fieldset.candidate-items legend").getText()).isEqualTo("Kandidatens egne punkter");
		assertAccessible();
	}
}
