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
 * The reform page as manager, team lead and politician (reached from the menu, axe-core WCAG 2.1 A and AA, no
 * sideways scrolling on a phone), and the exemption register of a case with its errors.
 */
class ReformBrowserTest extends BrowserTest {

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "/reform as {0} ({1})")
	@CsvSource({ "leder, da, Reformens regler, Personer i risiko", "teamleder, da, Reformens regler, Sådan regner vi",
			"politiker, en, The reform's rules, numbers per team only" })
	void thePageIsReachedFromTheMenuAndAccessible(String user, String lang, String menu, String text) {
		login(user);
		open("/?lang=" + lang);
		driver.findElement(By.linkText(menu)).click();
		waitFor(d -> d.getCurrentUrl().endsWith("/reform"));
		assertThat(text()).contains(text);
		assertAccessible();
		screenshot("reform-" + user + "-" + lang);
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}

	@Test
	void aCaseworkerRegistersAnExemptionWithItsErrorsNamed() {
		long id = candidates.make("sagsbehandler", "LAB02").id();
		login("sagsbehandler");
		open("/cases/" + id);
		driver.findElement(By.linkText("Se og registrér fritagelser og skift af målgruppe")).click();
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + id + "/exemptions"));
		assertAccessible();
		new Select(find("#kind")).selectByValue("OFFERS");
		submit("form.form[action$='/exemptions']");
		assertThat(text()).contains("Begrundelse: Udfyld feltet.", "Fra og med: Udfyld feltet.");
		assertAccessible();
		type("reason", "Starter på et kursus, der fører til job");
		setValue("startsOn", LocalDate.now().toString());
		submit("form.form[action$='/exemptions']");
		assertThat(text()).contains("Fritagelsen er registreret.", "Starter på et kursus");
		assertAccessible();
		// the case page names the exemption in force in words, with a link to the register
		open("/cases/" + id);
		assertThat(find("#exemptions-now").getText()).startsWith("Fritaget nu: Tilbud, til og med");
		assertAccessible();
	}
}
