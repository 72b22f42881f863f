package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import dk.vaerdig.TestCandidates;

/** Registering a complaint, the reassessment, forwarding and learning actions in a real browser, with axe-core. */
class ComplaintsBrowserTest extends BrowserTest {

	@Autowired
	TestCandidates candidates;

	@Test
	void aComplaintHandlerRegistersReassessesAndForwardsAComplaint() {
		var c = candidates.make("sagsbehandler");
		login("klage");
		open("/complaints/new?candidate=" + c.id());
		assertAccessible();
		new Select(find("#channel")).selectByValue("LETTER");
		type("decisionRef", "Sanktion af 2. november");
		setValue("decisionReceivedOn", LocalDate.now().minusDays(5).toString());
		setValue("receivedOn", LocalDate.now().toString());
		new Select(find("#categoryId")).selectByValue("7");
		type("whatCandidateSays", "Jeg var syg den dag og meldte det");
		submit("form.form");
		assertThat(text()).contains("Klagen er registreret", "Jeg var syg den dag og meldte det");
		assertAccessible();
		new Select(find("#outcome")).selectByValue("NOT_UPHELD");
		type("reassessment", "Der er ikke dokumentation for sygdommen");
		submit("form[action$='/reassessment']");
		assertThat(text()).contains("Genvurderingen er gemt", "Send klagen til Ankestyrelsen");
		submit("form[action$='/forward']");
		assertThat(text()).contains("sendt til Ankestyrelsen");
		assertAccessible();
		open("/complaints");
		assertAccessible();
		open("/complaints/learning");
		assertAccessible();
		open("/complaints/comments");
		assertAccessible();
		open("/complaints/categories");
		assertAccessible();
		open("/complaints/report");
		assertThat(text()).contains("Læringsrapport om klager");
		assertAccessible();
	}
}
