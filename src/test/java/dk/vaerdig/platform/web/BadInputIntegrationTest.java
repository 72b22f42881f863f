package dk.vaerdig.platform.web;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.WebSession;

/**
 * Bad input gets a page with a clear message in the user's language and a 4xx, never a 500, and a form shown again
 * keeps what the user typed. Each case here answered 500 (or JSON) before.
 */
@IntegrationTest
class BadInputIntegrationTest {

	static final RequestPostProcessor CASEWORKER = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	static final RequestPostProcessor COMPLAINTS = user("klage").roles("COMPLAINT_HANDLER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@LocalServerPort
	int port;

	WebSession as(String username) {
		return WebSession.login(URI.create("http://localhost:" + port), username, "demo");
	}

	/** The error page, through Tomcat as a browser gets it: HTML in the layout, with a language, a title and the text. */
	static void errorPage(HttpResponse<byte[]> response, int status, String lang, String text) {
		String html = WebSession.text(response);
		assertThat(response.statusCode()).as(response.uri() + "\n" + html).isEqualTo(status);
		assertThat(WebSession.contentType(response)).startsWith("text/html");
		assertThat(html).contains("<html lang=\"" + lang + "\"").containsPattern("<title>[^<]+</title>");
		assertThat(HtmlUtils.htmlUnescape(html)).contains(text);
	}

	@Test
	void aNulByteInACaseNoteShowsTheFormAgainWithTheTextAndAMessage() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/notes", c.id()).with(CASEWORKER).with(csrf()).param("text", "Mødt\u0000 til samtale om praktik"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("noteForm", "text", "form.controlCharacter"))
			.andExpect(content().string(containsText("Mødt til samtale om praktik")))
			.andExpect(content().string(containsText("usynligt tegn")));
		assertThat(jdbc.sql("SELECT count(*) FROM case_note WHERE candidate_id = ?").param(c.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void aNulByteInAPlanGoalShowsTheFormAgainWithTheText() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/plan/goals", c.id()).with(CASEWORKER).with(csrf()).param("text", "Job som\u0000 tømrer"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("goalForm", "text", "form.controlCharacter"))
			.andExpect(content().string(containsText("Job som tømrer")));
	}

	@Test
	void aNulByteInTheSearchIsABadRequestWithAMessage() throws Exception {
		WebSession session = as("sagsbehandler");
		String token = session.csrf(session.get("/cases"), "/cases");
		errorPage(session.post("/cases", Map.of("q", "Han\u0000sen", "_csrf", token)), 400, "da", "Teksten har et usynligt tegn");
	}

	@Test
	void aPageNumberThatOverflowsIsAnEmptyPageNotAnError() throws Exception {
		mvc.perform(get("/admin/audit").param("page", "42949673").with(ADMIN)).andExpect(status().isOk());
		errorPage(as("admin").get("/admin/audit?page=99999999999"), 400, "da", "Adressen eller formularen har en værdi");
	}

	@Test
	void aDateFarOutsideTheCalendarIsABadRequestWithAMessage() throws Exception {
		WebSession admin = as("admin");
		errorPage(admin.get("/admin/audit?to=-999999999-01-01"), 400, "da", "Datoen skal ligge mellem år 1900 og år 2200");
		errorPage(admin.get("/admin/audit?from=%2B99999-12-31&lang=en"), 400, "en",
				"The date must lie between the year 1900 and the year 2200");
		WebSession complaints = as("klage");
		errorPage(complaints.get("/complaints/report?month=-99999-01"), 400, "da", "Datoen skal ligge mellem år 1900 og år 2200");
		errorPage(complaints.get("/complaints/report.csv?month=2026-13"), 400, "da", "Skriv den som år-måned");
	}

	@Test
	void aDateOutsideTheYearsInAFormIsAFieldErrorAndTheRestIsKept() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/complaints").with(COMPLAINTS).with(csrf()).param("candidateId", String.valueOf(c.id()))
			.param("channel", "PHONE").param("decisionRef", "Sanktion 1/1").param("decisionReceivedOn", "+99999-12-31")
			.param("receivedOn", LocalDate.now().toString()).param("whatCandidateSays", "Jeg forstår ikke afgørelsen")
			.param("categoryId", "7"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "decisionReceivedOn", "form.dateOutOfRange"))
			.andExpect(content().string(containsText("Jeg forstår ikke afgørelsen")));
	}

	@Test
	void unknownIdsAreNotFound() throws Exception {
		WebSession consultant = as("virksomhed");
		errorPage(consultant.get("/employment/openings/99999999"), 404, "da", "Vi kan ikke finde siden");
		errorPage(consultant.get("/employment/jobdating/0"), 404, "da", "Vi kan ikke finde siden");
	}

	@Test
	void theForwardingPackageOfAComplaintNotReassessedIsAConflictWithTheReason() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/complaints").with(COMPLAINTS).with(csrf()).param("candidateId", String.valueOf(c.id()))
			.param("channel", "PHONE").param("decisionRef", "Pakke 2/2").param("decisionReceivedOn", LocalDate.now().minusDays(3).toString())
			.param("receivedOn", LocalDate.now().toString()).param("whatCandidateSays", "Uenig").param("categoryId", "7"));
		long id = jdbc.sql("SELECT id FROM complaint WHERE decision_ref = 'Pakke 2/2'").query(Long.class).single();
		errorPage(as("klage").get("/complaints/" + id + "/package.pdf"), 409, "da",
				"Kun en klage, hvor kandidaten ikke har fået helt medhold");
	}

	@Test
	void anUnknownBookingLinkIsAFriendlyPageInDanishOrEnglish() throws Exception {
		URI base = URI.create("http://localhost:" + port);
		errorPage(WebSession.anonymous(base).get("/book/no-such-session"), 404, "da", "Vi kan ikke finde siden");
		errorPage(WebSession.anonymous(base).get("/book/no-such-session?lang=en"), 404, "en", "We cannot find the page");
	}
}
