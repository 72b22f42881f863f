package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.TestCandidates;

/** The caseworker's day in a real browser: log in, find a candidate, read the case, hold a meeting, hand over. */
class CaseworkerJourneyBrowserTest extends BrowserTest {

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginRefusesAWrongPasswordPolitelyAndLetsTheRightOneIn() {
		open("/login");
		assertAccessible();
		type("username", "sagsbehandler");
		type("password", "forkert");
		submit("form.form");
		assertThat(text()).contains("Brugernavn eller adgangskode er forkert");
		assertAccessible();
		login("sagsbehandler");
		assertThat(text()).contains("Velkommen, Mette Kjær");
		assertAccessible();
	}

	@Test
	void searchingForACandidateUpdatesTheListWhileTyping() {
		var c = candidates.make("sagsbehandler");
		login("sagsbehandler");
		open("/cases");
		assertAccessible();
		screenshot("candidate-list");
		type("q", c.firstName());
		waitFor(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 1
				&& d.findElement(By.id("results")).getText().contains(c.firstName()));
		assertThat(driver.getCurrentUrl()).doesNotContain(c.firstName());
		// and by CPR number, which never shows up in the address bar
		type("q", c.cpr());
		waitFor(d -> d.findElement(By.id("results")).getText().contains(c.cpr().substring(0, 6) + "-xxxx"));
		assertThat(driver.getCurrentUrl()).doesNotContain(c.cpr().substring(0, 6));
		assertAccessible();
		find("#results tbody a").click();
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + c.id()));
		assertThat(text()).contains(c.firstName(), "Min historie", "Åbne aftaler", "Tidslinje");
		assertAccessible();
		screenshot("case-page");
	}

	@Test
	void theCasePageRevealsTheCprOnlyOnRequest() {
		var c = candidates.make("sagsbehandler");
		login("sagsbehandler");
		open("/cases/" + c.id());
		assertThat(text()).contains(c.cpr().substring(0, 6) + "-xxxx").doesNotContain(c.cpr());
		find("form[action$='/cpr'] button").click();
		waitFor(d -> d.findElement(By.tagName("body")).getText().contains(c.cpr()));
		assertAccessible();
	}

	@Test
	void planningAndRecordingAMeetingGivesTheCandidateASummary() {
		var c = candidates.make("sagsbehandler");
		login("sagsbehandler");
		open("/cases/" + c.id() + "/meetings/new");
		assertThat(find("#agenda").getAttribute("value")).contains("Dine ønsker og spørgsmål");
		assertAccessible();
		submit("form.form");
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + c.id()));
		assertThat(text()).contains("Samtalen er planlagt");
		find("a[href*='/record']").click();
		assertAccessible();
		// a first try without the next step: the error is shown next to the field and the text stays
		type("talkedAbout", "Vi talte om job i ældreplejen");
		type("agreements0.what", "Besøg plejecentret");
		submit("form.form");
		assertThat(text()).contains("Formularen har fejl", "Udfyld feltet");
		assertThat(find("#agreements0\\.what").getAttribute("value")).isEqualTo("Besøg plejecentret");
		assertAccessible();
		new Select(find("#agreements1\\.responsible")).selectByValue("CASEWORKER");
		type("agreements1.what", "Ring til plejecentret");
		type("nextStep", "Du søger to job i plejen");
		submit("form.form");
		waitFor(d -> d.getCurrentUrl().endsWith("/summary"));
		assertThat(text()).contains("Hej " + c.firstName(), "Besøg plejecentret", "Ring til plejecentret",
				"Du søger to job i plejen", "Ring eller skriv til din jobkonsulent");
		assertAccessible();
		screenshot("meeting-summary");
	}

	@Test
	void aCaseworkerChangeReachesTheNewCaseworkerAsAHandover() {
		var c = candidates.make("sagsbehandler");
		jdbc.sql("INSERT INTO case_story (candidate_id, version, text, own_words, written_by, written_at) "
				+ "VALUES (?, 1, 'Jeg har kørt lastbil i 20 år.', true, 'sagsbehandler', now())").param(c.id()).update();
		login("sagsbehandler");
		open("/cases/" + c.id() + "/reassign");
		assertAccessible();
		submit("form.form");
		assertThat(text()).contains("Udfyld feltet");
		assertAccessible();
		new Select(find("#caseworker")).selectByValue("sagsbehandler2");
		type("reason", "Mette skifter team");
		submit("form.form");
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + c.id()));
		assertThat(text()).contains("Sagen har fået ny sagsbehandler");

		driver.manage().deleteAllCookies();
		login("sagsbehandler2");
		open("/handovers");
		assertAccessible();
		driver.findElement(By.linkText(c.firstName() + " " + c.lastName())).click();
		assertThat(text()).contains("Mette skifter team", "Jeg har kørt lastbil i 20 år.");
		assertAccessible();
		find("form[action$='/acknowledge'] button").click();
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + c.id()));
		assertThat(text()).contains("Overdragelsen er kvitteret");
	}
}
