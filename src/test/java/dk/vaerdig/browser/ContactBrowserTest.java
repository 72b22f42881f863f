package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 in a real browser, each page and state checked with axe-core (WCAG 2.1 A and AA) on a 390 × 844 phone and
 * at 320 px without sideways scrolling, the candidate's pages in Danish and in English: the candidate's messages (empty, with an error, after sending), how they
 * want to be contacted (as shown, with an error, saved), and the staff's thread, the list of unread messages and
 * the case page's card. No JavaScript is needed: every step is a link or a form.
 */
class ContactBrowserTest extends BrowserTest {

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
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		assertAccessible();
		viewport(390, 844, 3);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		screenshot("contact-" + name);
	}

	/** Checks the page as it is now (a form shown again with its errors cannot be reloaded without posting again). */
	void checkAsShown(String name) {
		viewport(390, 844, 3);
		assertAccessible();
		assertNoHorizontalScroll();
		viewport(320, 640, 1);
		assertNoHorizontalScroll();
		viewport(390, 844, 3);
		screenshot("contact-" + name);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"da|Beskeder|Skriv din besked.|Vi har fået din besked|Skriv, hvilket sprog tolken skal tale.|Vi har gemt dit valg",
			"en|Messages|Write your message.|We have your message|Write which language the interpreter should speak.|We have saved your choice" })
	void theCandidateWritesAndChoosesHowToBeContactedAndTheCaseworkerAnswers(String lang, String heading,
			String emptyError, String sent, String interpreterError, String saved) {
		viewport(390, 844, 3);
		open("/min-side/test-login?lang=" + lang);
		WebElement third = driver.findElement(By.cssSelector("ul.test-logins li:nth-child(3) form"));
		long id = Long.parseLong(third.findElement(By.name("candidateId")).getAttribute("value"));
		jdbc.sql("DELETE FROM case_message WHERE candidate_id = ?").param(id).update();
		jdbc.sql("DELETE FROM contact_preference_change WHERE candidate_id = ?").param(id).update();
		jdbc.sql("DELETE FROM contact_preference WHERE candidate_id = ?").param(id).update();
		submit("ul.test-logins li:nth-child(3) form");
		// the menu leads to the messages
		driver.findElement(By.cssSelector("nav.candidate-nav a[href='/min-side/beskeder']")).click();
		waitFor(d -> d.getCurrentUrl().endsWith("/min-side/beskeder"));
		assertThat(find("h1").getText()).isEqualTo(heading);
		check("messages-empty-" + lang);
		// an empty message: the error summary
		submit("form[action='/min-side/beskeder']");
		assertThat(find(".error-summary").getText()).contains(emptyError);
		checkAsShown("messages-error-" + lang);
		type("body", "Kan vi holde mødet i telefonen?");
		submit("form[action='/min-side/beskeder']");
		assertThat(find(".notice--success").getText()).contains(sent);
		assertThat(find(".message-thread").getText()).contains("Kan vi holde mødet i telefonen?");
		check("messages-sent-" + lang);

		// how I want to be contacted
		find("a[href='/min-side/kontakt']").click();
		waitFor(d -> d.getCurrentUrl().endsWith("/min-side/kontakt"));
		check("preference-" + lang);
		find("input[name=channel][value=EMAIL]").click();
		find("input[name=interpreter]").click();
		submit("form[action='/min-side/kontakt']");
		assertThat(find(".error-summary").getText()).contains(interpreterError);
		assertThat(find("input[name=channel][value=EMAIL]").isSelected()).isTrue();
		checkAsShown("preference-error-" + lang);
		type("interpreterLanguage", "tyrkisk");
		submit("form[action='/min-side/kontakt']");
		assertThat(find(".notice--success").getText()).contains(saved);
		check("preference-saved-" + lang);
		if (!"da".equals(lang)) {
			return;
		}

		// the caseworker: the list of unread messages, the thread, the case page's card
		driver.manage().deleteAllCookies();
		String caseworker = jdbc.sql("SELECT caseworker FROM candidate WHERE id = ?").param(id).query(String.class).single();
		login(caseworker);
		open("/beskeder");
		assertThat(find("#unread").getText()).contains("Svar senest");
		check("inbox");
		find("#unread a[href='/cases/" + id + "/beskeder']").click();
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + id + "/beskeder"));
		assertThat(find(".message-thread").getText()).contains("Kan vi holde mødet i telefonen?");
		assertThat(text()).contains("tyrkisk");
		check("staff-thread");
		type("body", "Ja, det kan vi godt. Jeg ringer til dig.");
		submit("form[action='/cases/" + id + "/beskeder']");
		assertThat(find(".notice--success").getText()).contains("Beskeden er sendt");
		check("staff-thread-sent");
		open("/cases/" + id);
		assertThat(find("#contact").getText()).contains("E-mail").contains("tyrkisk");
		assertAccessible();
	}
}
