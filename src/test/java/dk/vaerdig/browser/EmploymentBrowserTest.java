package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import dk.vaerdig.TestCandidates;

/** Competences, openings, matching and booking in a real browser, each page checked with axe-core. */
class EmploymentBrowserTest extends BrowserTest {

	@Autowired
	TestCandidates candidates;

	@Test
	void aCaseworkerMapsCompetencesAndSeesJobsThatFit() {
		var c = candidates.make("sagsbehandler");
		login("sagsbehandler");
		open("/cases/" + c.id() + "/employment");
		assertAccessible();
		type("skill", "Laver mad til 40 i spejderlejren");
		new Select(find("#occupationCode")).selectByValue("5120");
		new Select(find("#source")).selectByValue("HOBBY");
		find("label[for='hidden1']").click();
		submit("form[action$='/competences']");
		assertThat(text()).contains("Kompetencen er gemt", "Laver mad til 40 i spejderlejren", "Skjult kompetence",
				"Kok til restauranten", "Har erfaring med netop dette arbejde");
		assertAccessible();
		screenshot("employment-candidate");
		// the wished jobs: ticked in the occupational groups, which open without script
		assertThat(find("#wish-5131").isDisplayed()).isFalse();
		find("#wish-5131").findElement(By.xpath("ancestor::details/summary")).click();
		find("label[for='wish-5131']").click();
		submit("form[action$='/wishes']");
		assertThat(text()).contains("Ønskerne er gemt", "Ønsker netop dette job");
		assertThat(find("#wish-5131").isDisplayed()).isTrue();
		assertThat(find("#wish-5131").isSelected()).isTrue();
		assertThat(find("#wish-7212").isDisplayed()).isFalse();
		assertAccessible();
	}

	@Test
	void theConsultantRegistersACompanyAndAnInvalidCvrIsExplained() {
		login("virksomhed");
		open("/employment");
		assertAccessible();
		type("cvr", "12345678");
		type("name", "Bageriet");
		submit("form[action$='/companies']");
		assertThat(text()).contains("Skriv CVR-nummeret som 8 cifre");
		assertAccessible();
		open("/employment/popups");
		assertAccessible();
		open("/employment");
		find("a[href^='/employment/companies/']").click();
		waitFor(d -> d.getCurrentUrl().contains("/employment/companies/"));
		assertAccessible();
		open("/employment/jobdating");
		assertAccessible();
		type("title", "Jobdating i byggeriet");
		setValue("startsAt", java.time.LocalDateTime.now().plusDays(5).withSecond(0).withNano(0).toString().substring(0, 16));
		type("place", "Jobcentret");
		submit("form.form");
		assertThat(text()).contains("Jobdating i byggeriet", "Inviterede virksomheder");
		assertAccessible();
	}

	@Test
	void aCandidateBooksAPopUpTimeWithoutLoggingIn() {
		open("/book/cv-hjaelp-demo");
		assertThat(text()).contains("Pop-up: Få hjælp til dit CV");
		assertAccessible();
		type("name", "Amira");
		type("phone", "+45 22446688");
		submit("form.form");
		assertThat(text()).contains("Du har fået en tid", "bookingnummer");
		assertAccessible();
	}
}
