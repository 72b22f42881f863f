package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.TestCandidates;

/**
 * The pages changed for issue 10 in a real browser, each checked with axe-core: the list's count and bookmarkable
 * filters, a meeting recorded when it was held, the warning about a second planned meeting, error summaries that name
 * their fields, the handover by name, the outbox by purpose, and the complaint handler's read-only case.
 */
class CaseworkTruthBrowserTest extends BrowserTest {

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListCountsTheHitsAndKeepsItsFiltersInTheAddress() {
		var c = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET first_name = 'Søs', last_name = 'Ågesdatter' WHERE id = ?").param(c.id()).update();
		login("sagsbehandler");
		open("/cases");
		type("q", "agesdatter sos");
		waitFor(d -> d.findElement(By.id("results")).getText().contains("Ågesdatter, Søs"));
		assertThat(find("#results .result-count").getText()).isEqualTo("1 kandidat fundet");
		assertThat(driver.getCurrentUrl()).doesNotContain("agesdatter");
		assertAccessible();
		type("q", "");
		new Select(find("#due")).selectByValue("OVERDUE");
		waitFor(d -> d.getCurrentUrl().contains("due=OVERDUE"));
		assertThat(find("#results .result-count").getText()).endsWith("kandidater fundet");
		// the address can be bookmarked: opened again, it shows the same filter
		open(driver.getCurrentUrl().replace(url(""), ""));
		assertThat(new Select(find("#due")).getFirstSelectedOption().getAttribute("value")).isEqualTo("OVERDUE");
		assertAccessible();
		screenshot("candidate-list-filtered");
	}

	@Test
	void aMeetingIsRecordedWhenItWasHeldAndTheErrorSummaryNamesTheField() {
		var c = candidates.make("sagsbehandler");
		long meeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, agenda, status)
				VALUES (?, 'sagsbehandler', now() + interval '6 days', 'IN_PERSON', 'Dagsorden', 'PLANNED') RETURNING id""")
			.param(c.id())
			.query(Long.class)
			.single();
		login("sagsbehandler");
		open("/cases/" + c.id() + "/meetings/new");
		submit("form.form");
		// a meeting is planned already: a warning, not a block
		assertThat(find("#already-planned").getText()).contains("Kandidaten har allerede en planlagt samtale");
		assertAccessible();
		find("#already-planned button").click();
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + c.id()));
		assertThat(text()).contains("Samtalen er planlagt");

		open("/cases/" + c.id() + "/meetings/" + meeting + "/record");
		setValue("heldAt", LocalDateTime.now().plusDays(1).withSecond(0).withNano(0).toString());
		type("talkedAbout", "Vi talte om lagerjob");
		submit("form.form");
		assertThat(find(".error-summary").getText())
			.contains("Tidspunkt for samtalen: Tidspunktet ligger ude i fremtiden", "Næste skridt: Udfyld feltet.");
		assertThat(find("#talkedAbout").getAttribute("value")).isEqualTo("Vi talte om lagerjob");
		assertAccessible();
		screenshot("meeting-record-errors");
		setValue("heldAt", LocalDateTime.now().minusHours(1).withSecond(0).withNano(0).toString());
		type("nextStep", "Du søger tre lagerjob");
		submit("form.form");
		waitFor(d -> d.getCurrentUrl().endsWith("/summary"));
		open("/cases/" + c.id());
		assertThat(find("table").getText()).contains("Holdt");
		assertAccessible();
	}

	@Test
	void theHandoverNamesPeopleAndTheOutboxShowsWhatTheCandidateWasTold() {
		var c = candidates.make("sagsbehandler");
		login("sagsbehandler");
		open("/cases/" + c.id() + "/reassign");
		new Select(find("#caseworker")).selectByValue("sagsbehandler2");
		type("reason", "Mette skifter team");
		submit("form.form");
		waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + c.id()));
		open("/messaging/outbox");
		new Select(find("#purpose")).selectByValue("caseworker-changed");
		submit("form.filters");
		assertThat(text()).contains("Ny jobkonsulent", "Hej " + c.firstName() + ". Du har fået en ny jobkonsulent: Jonas Holm.");
		assertAccessible();

		driver.manage().deleteAllCookies();
		login("sagsbehandler2");
		open("/handovers");
		driver.findElement(By.linkText(c.firstName() + " " + c.lastName())).click();
		assertThat(text()).contains("Fra Mette Kjær (sagsbehandler) til Jonas Holm (sagsbehandler)");
		assertAccessible();
		screenshot("handover");
	}

	@Test
	void theComplaintHandlerReadsTheCaseWithoutForms() {
		var c = candidates.make("sagsbehandler");
		login("klage");
		open("/cases/" + c.id());
		assertThat(text()).contains(c.firstName(), "Tidslinje");
		assertThat(findAll("#timeline form")).isEmpty();
		assertThat(findAll("a[href$='/reassign'], a[href$='/meetings/new'], a[href$='/story']")).isEmpty();
		assertAccessible();
		open("/cases/" + c.id() + "/plan");
		assertThat(findAll("form[action*='/plan/']")).isEmpty();
		assertAccessible();
	}
}
