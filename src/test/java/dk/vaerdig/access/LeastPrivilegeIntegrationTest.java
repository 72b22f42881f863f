package dk.vaerdig.access;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.WebSession;
import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.Messaging;

/**
 * Least privilege on the pages addressed by an id: a letter and a message to a candidate open by the case rule (not
 * for an administrator), and a record of another team answers exactly as one that does not exist.
 */
@IntegrationTest
class LeastPrivilegeIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	static final RequestPostProcessor OTHER_TEAM_LEAD = user("teamleder.syg").roles("TEAM_LEAD");

	/** An id no row has. */
	static final long MISSING = 987_654_321L;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Messaging messaging;

	@Autowired
	dk.vaerdig.letters.internal.LetterTemplates templates;

	@LocalServerPort
	int port;

	long sendLetter(TestCandidates.Made c) throws Exception {
		long invitation = templates.approved(1).orElseThrow().id();
		mvc.perform(post("/letters/send/" + c.id()).param("versionId", String.valueOf(invitation))
			.param("meetingTime", "tirsdag den 4. marts kl. 10.00").param("meetingPlace", "Jobcentret, Ringstedgade 1")
			.param("deadline", "1. april")
			.param("requestId", UUID.randomUUID().toString()).with(METTE).with(csrf()))
			.andExpect(status().is3xxRedirection());
		return jdbc.sql("SELECT id FROM letter_outbox WHERE candidate_id = ?").param(c.id()).query(Long.class).single();
	}

	@Test
	void anAdministratorReadsNoLetterAndAnotherTeamGetsTheAnswerForAMissingOne() throws Exception {
		var c = candidates.make("sagsbehandler");
		long letter = sendLetter(c);
		// the caseworker who sent it, and a colleague of the team, read it by the case rule; the read is logged
		mvc.perform(get("/letters/outbox/{id}", letter).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(c.firstName())));
		mvc.perform(get("/letters/outbox/{id}", letter).with(user("sagsbehandler2").roles("CASEWORKER")))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE candidate_id = ? AND detail = ?")
			.params(c.id(), "letter in outbox " + letter)
			.query(Long.class)
			.single()).isEqualTo(2);
		// the administrator sees no cases, so no letters: neither the list nor the letter
		mvc.perform(get("/letters/outbox").with(ADMIN)).andExpect(status().isForbidden());
		mvc.perform(get("/letters/outbox/{id}", letter).with(ADMIN)).andExpect(status().isNotFound());
		// another team's lead: as for a letter that does not exist
		mvc.perform(get("/letters/outbox/{id}", letter).with(OTHER_TEAM_LEAD)).andExpect(status().isNotFound());
		mvc.perform(get("/letters/outbox/{id}", MISSING).with(METTE)).andExpect(status().isNotFound());
		// the list shows the letters the user sent to candidates they may open
		mvc.perform(get("/letters/outbox").with(METTE)).andExpect(content().string(containsString("/letters/outbox/" + letter)));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + AuditLog.ABOUT_CANDIDATE
				+ " AND actor IN ('admin', 'teamleder.syg')")
			.params(c.id(), c.id())
			.query(Long.class)
			.single()).isZero();
	}

	/** Queues an SMS to the candidate through the published API, as the case file does; returns the message's id. */
	long sendMessage(TestCandidates.Made c, String text) {
		long team = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(c.id()).query(Long.class).single();
		String key = "least-privilege-" + UUID.randomUUID();
		messaging.sendSms(Addressee.candidate(c.id(), team), "+45 61 72 83 95", text, "test", key);
		return jdbc.sql("SELECT id FROM outgoing_message WHERE idempotency_key = ?").param(key).query(Long.class).single();
	}

	@Test
	void anAdministratorReadsNoMessageToACandidateAsForLetters() throws Exception {
		var c = candidates.make("sagsbehandler");
		String text = "Hej Testa. Svar her: http://localhost:8080/s/admin-ser-ikke-" + System.nanoTime();
		long message = sendMessage(c, text);
		// the administrator, the politician and communication staff see no cases, so no messages: neither the list
		// nor a message, which answers as one that does not exist
		for (RequestPostProcessor noCases : List.of(ADMIN, user("politiker").roles("POLITICIAN"),
				user("kommunikation").roles("COMMUNICATION"))) {
			mvc.perform(get("/messaging/outbox").param("purpose", "test").with(noCases)).andExpect(status().isForbidden());
			mvc.perform(get("/messaging/outbox/{id}", message).with(noCases)).andExpect(status().isNotFound());
		}
		// the candidate's caseworker reads it, and the read is recorded for the candidate
		mvc.perform(get("/messaging/outbox/{id}", message).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsText(c.firstName() + " " + c.lastName())));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE candidate_id = ? AND detail = ? AND actor = ?")
			.params(c.id(), "message in outbox " + message, "sagsbehandler")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + AuditLog.ABOUT_CANDIDATE + " AND actor <> 'sagsbehandler'")
			.params(c.id(), c.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aMessageOfAnotherTeamAnswersExactlyAsAMissingOneAndIsNotListed() {
		var other = candidates.make("teamleder.syg", "LAB05");
		String text = "Hej " + other.firstName() + ". Kun for dit team " + System.nanoTime();
		long message = sendMessage(other, text);
		var session = WebSession.login(URI.create("http://localhost:" + port), "sagsbehandler", "demo");
		HttpResponse<byte[]> ofOtherTeam = session.get("/messaging/outbox/" + message);
		HttpResponse<byte[]> missing = session.get("/messaging/outbox/" + MISSING);
		assertThat(ofOtherTeam.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
		assertThat(normalised(ofOtherTeam, message)).isEqualTo(normalised(missing, MISSING))
			.contains("Enten findes det ikke, eller også har du ikke adgang til det.");
		assertThat(WebSession.text(session.get("/messaging/outbox?purpose=test"))).doesNotContain(text)
			.doesNotContain("/messaging/outbox/" + message + "\"")
			.doesNotContain(other.firstName());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + AuditLog.ABOUT_CANDIDATE).params(other.id(), other.id()).query(Long.class)
			.single()).isZero();
		// the candidate's own team lists and reads it
		var own = WebSession.login(URI.create("http://localhost:" + port), "teamleder.syg", "demo");
		assertThat(WebSession.text(own.get("/messaging/outbox?purpose=test"))).contains(text);
		assertThat(own.get("/messaging/outbox/" + message).statusCode()).isEqualTo(200);
	}

	@Test
	void theRecordOfAnotherTeamAnswersExactlyAsAMissingOne() {
		var other = candidates.make("teamleder.syg", "LAB05");
		var session = WebSession.login(URI.create("http://localhost:" + port), "sagsbehandler", "demo");
		List<String> pages = List.of("/cases/%d", "/cases/%d/plan", "/cases/%d/story", "/cases/%d/story/versions",
				"/cases/%d/meetings/new", "/cases/%d/reassign", "/cases/%d/change-request", "/cases/%d/employment",
				"/letters/send/%d", "/letters/outbox/%d");
		for (String page : pages) {
			HttpResponse<byte[]> ofOtherTeam = session.get(page.formatted(other.id()));
			HttpResponse<byte[]> missing = session.get(page.formatted(MISSING));
			assertThat(ofOtherTeam.statusCode()).as(page).isEqualTo(404).isEqualTo(missing.statusCode());
			assertThat(normalised(ofOtherTeam, other.id())).as(page).isEqualTo(normalised(missing, MISSING))
				.contains("Enten findes det ikke, eller også har du ikke adgang til det.");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + AuditLog.ABOUT_CANDIDATE).params(other.id(), other.id()).query(Long.class)
			.single()).isZero();
	}

	/** The page with the id and the per-request CSRF mask taken out: what else differs would tell the two apart. */
	private static String normalised(HttpResponse<byte[]> response, long id) {
		return WebSession.text(response)
			.replace(Long.toString(id), "ID")
			.replaceAll("(name=\"_csrf\"[^>]*value=\")[^\"]*", "$1")
			.replaceAll("(value=\")[^\"]*(\"[^>]*name=\"_csrf\")", "$1$2")
			.replaceAll("(<meta name=\"_csrf\" content=\")[^\"]*", "$1");
	}
}
