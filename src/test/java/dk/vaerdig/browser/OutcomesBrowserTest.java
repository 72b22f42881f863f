package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.TestCandidates;

/**
 * Closing a course (the form with its errors, the confirmation step, the closed case), reopening it, the ordinary
 * hours and the outcome figures, in Danish and English: axe-core (WCAG 2.1 A and AA), and no sideways scrolling on a
 * phone or at 200 % zoom for the figures' wide tables.
 */
class OutcomesBrowserTest extends BrowserTest {

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCaseworkerClosesACourseThroughTheConfirmationAndReopensIt() {
		long id = candidates.make("sagsbehandler").id();
		login("sagsbehandler");
		open("/cases/" + id);
		driver.findElement(By.linkText("Afslut forløbet")).click();
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + id + "/close"));
		assertAccessible();
		// a job without its hours, and a day in the future: both named
		new Select(find("#outcome")).selectByVisibleText("Fleksjob");
		setValue("closedOn", LocalDate.now().plusDays(2).toString());
		submit("form.form");
		assertThat(text()).contains("Afsluttet den: Datoen må ikke ligge ude i fremtiden.",
				"Timer om ugen: Skriv timerne om ugen, når resultatet er et job.");
		assertAccessible();
		setValue("closedOn", LocalDate.now().toString());
		type("weeklyHours", "12,5");
		submit("form.form");
		assertThat(text()).contains("Er oplysningerne rigtige?", "Fleksjob", "12,5");
		assertAccessible();
		submit("form.form");
		assertThat(text()).contains("Forløbet er afsluttet.", "Forløbet blev afsluttet den", "Resultat: Fleksjob.");
		assertAccessible();
		driver.findElement(By.linkText("Genåbn forløbet")).click();
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + id + "/reopen"));
		submit("form.form");
		assertThat(text()).contains("Hvorfor genåbnes forløbet?: Udfyld feltet.", "Begrundelse: Udfyld feltet.");
		assertAccessible();
		new Select(find("#kind")).selectByValue("CORRECTION");
		type("reason", "Afsluttet på den forkerte sag");
		submit("form.form");
		assertThat(text()).contains("Forløbet er genåbnet.", "Forløbet genåbnet: afsluttet ved en fejl");
	}

	@ParameterizedTest(name = "ordinary hours ({0})")
	@CsvSource({ "da, Gem timerne, Timer om ugen: Skriv et tal", "en, Save the hours, Hours a week: Enter a number" })
	void theOrdinaryHoursAreAccessible(String lang, String button, String error) {
		long id = candidates.make("sagsbehandler").id();
		jdbc.sql("""
				INSERT INTO ordinary_hours (candidate_id, from_date, weekly_hours, recorded_by, recorded_at)
				VALUES (?, current_date - 20, 6, 'sagsbehandler', now())""").param(id).update();
		login("sagsbehandler");
		open("/cases/" + id + "/hours?lang=" + lang);
		assertAccessible();
		setValue("fromDate", LocalDate.now().toString());
		type("weeklyHours", "seks");
		assertThat(find("form.form button[type=submit]").getText()).isEqualTo(button);
		submit("form.form");
		assertThat(text()).contains(error);
		assertAccessible();
	}

	@ParameterizedTest(name = "/insights/outcomes as {0} ({1})")
	@CsvSource({ "teamleder, da, Forløbenes resultater, ikke en virkning",
			"politiker, en, Outcomes of courses, not an effect", "leder, da, Forløbenes resultater, Værdighed og resultater" })
	void theFiguresAreReachedFromTheMenuAndAccessible(String user, String lang, String menu, String text) {
		login(user);
		open("/?lang=" + lang);
		driver.findElement(By.linkText(menu)).click();
		waitFor(d -> d.getCurrentUrl().endsWith("/insights/outcomes"));
		assertThat(text()).contains(text);
		assertAccessible();
		screenshot("outcomes-" + user + "-" + lang);
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		viewport(640, 450, 2);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}
}
