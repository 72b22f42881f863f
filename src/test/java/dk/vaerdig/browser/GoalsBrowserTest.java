package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The year's goals, the committee's report, the dialogue meetings and the regional comparison, reached from the menu as politician, manager and team lead, in Danish
 * and English: axe-core (WCAG 2.1 A and AA) and no sideways scrolling on a phone or at 200 % zoom; and a manager's goal
 * form with its errors.
 */
class GoalsBrowserTest extends BrowserTest {

	@org.springframework.beans.factory.annotation.Autowired
	dk.vaerdig.TestCandidates candidates;

	@ParameterizedTest(name = "{2} as {0} ({1})")
	@CsvSource({ "politiker, da, Årets mål, /insights/goals", "leder, en, The year's goals, /insights/goals",
			"teamleder, da, Årets mål, /insights/goals", "politiker, da, Rapport til udvalget, /insights/committee-report",
			"leder, da, Rapport til udvalget, /insights/committee-report",
			"teamleder, en, Committee report, /insights/committee-report", "politiker, da, Dialogmøder, /insights/dialogue",
			"leder, en, Dialogue meetings, /insights/dialogue", "teamleder, da, Dialogmøder, /insights/dialogue",
			"politiker, en, Regional comparison, /insights/rar", "leder, da, Regional sammenligning, /insights/rar",
			"teamleder, da, Regional sammenligning, /insights/rar" })
	void thePagesAreReachedFromTheMenuAndAccessible(String user, String lang, String menu, String path) {
		login(user);
		open("/?lang=" + lang);
		driver.findElement(By.linkText(menu)).click();
		waitFor(d -> d.getCurrentUrl().contains(path));
		assertAccessible();
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		viewport(640, 450, 2);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}

	@Test
	void aTeamLeadPlansADialogueMeetingAndACaseworkerRecordsAConsent() {
		var c = candidates.make("sagsbehandler");
		login("sagsbehandler");
		open("/cases/" + c.id() + "/dialogue-consent");
		assertAccessible();
		submit("form.form");
		assertThat(text()).contains("Kandidatens ja er registreret.");
		assertAccessible();
		driver.manage().deleteAllCookies();
		login("teamleder");
		open("/insights/dialogue");
		submit("form.form");
		assertThat(text()).contains("Formularen har fejl");
		assertAccessible();
		setValue("heldOn", java.time.LocalDate.now().plusDays(14).toString());
		setValue("startsAt", "16:30");
		type("place", "Rådhuset");
		type("politicians", "Anna Andersen");
		submit("form.form");
		assertThat(text()).contains("Mødet er planlagt.", c.firstName() + " " + c.lastName());
		assertAccessible();
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}

	@org.springframework.beans.factory.annotation.Autowired
	dk.vaerdig.insights.internal.dialogue.DialogueMeetings meetings;

	@Test
	void aTeamLeadMovesADialogueMeetingAfterCorrectingTheErrorsAndThenCancelsIt() {
		long meeting = meetings.plan(java.time.LocalDate.now().plusDays(21), java.time.LocalTime.of(16, 0),
				"Rådhuset (browser)", "Anna Andersen", java.util.UUID.randomUUID(), "teamleder");
		login("teamleder");
		open("/insights/dialogue/" + meeting);
		find("a[href$='/insights/dialogue/" + meeting + "/edit']").click();
		waitFor(d -> d.getCurrentUrl().endsWith("/edit"));
		assertAccessible();
		find("#place").clear();
		submit("#change-form");
		assertThat(text()).contains("Formularen har fejl");
		assertAccessible();
		type("place", "Biblioteket (browser)");
		submit("#change-form");
		assertThat(text()).contains("Mødet er ændret.", "Biblioteket (browser)");
		open("/insights/dialogue/" + meeting + "/edit");
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		normalViewport();
		driver.navigate().refresh();
		submit("#cancel-form");
		assertThat(text()).contains("Formularen har fejl");
		assertAccessible();
		type("reason", "Udvalget har flyttet sit møde");
		submit("#cancel-form");
		assertThat(text()).contains("Mødet er aflyst.", "Udvalget har flyttet sit møde");
		assertAccessible();
	}

	@Test
	void aManagerRecordsAGoalAfterCorrectingTheErrors() {
		login("leder");
		open("/insights/goals");
		type("title", "Flere føler sig mødt med respekt (browser)");
		new Select(find("#measureCode")).selectByValue("DIGNITY_POSITIVE");
		type("target", "120");
		type("owner", "Jobcenterchefen");
		submit("form.form");
		assertThat(text()).contains("Formularen har fejl", "En andel kan højst være 100 %.");
		assertAccessible();
		find("#target").clear();
		type("target", "80");
		submit("form.form");
		assertThat(text()).contains("Målet er gemt.", "Flere føler sig mødt med respekt (browser)",
				"Årets mål " + Year.now().getValue());
		assertAccessible();
	}
}
