package dk.vaerdig.casework;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.platform.WorkingDays;

/**
 * What the candidate is told about a caseworker change is true at that moment, and goes out through the outbox (SMS,
 * else e-mail) with its purpose: who the new caseworker is and how to reach them at once; that they have read the
 * story and agreements only when they acknowledge the handover.
 */
@IntegrationTest
class CandidateMessagesIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor JONAS = user("sagsbehandler2").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	record Sent(String channel, String recipient, String purpose, String body) {
	}

	List<Sent> outbox(String key) {
		return jdbc.sql("SELECT channel, recipient, purpose, body FROM outgoing_message WHERE idempotency_key = ?")
			.param(key)
			.query(Sent.class)
			.list();
	}

	long reassignToJonas(long candidateId) throws Exception {
		mvc.perform(post("/cases/{id}/reassign", candidateId).with(METTE).with(csrf())
			.param("caseworker", "sagsbehandler2").param("reason", "Mette skifter team").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		return jdbc.sql("SELECT id FROM handover WHERE candidate_id = ?").param(candidateId).query(Long.class).single();
	}

	String jonas(String column) {
		return jdbc.sql("SELECT " + column + " FROM staff_user WHERE username = 'sagsbehandler2'").query(String.class).single();
	}

	@Test
	void theReassignmentTellsWhoTheNewCaseworkerIsAndHowToReachThemButNotThatTheyHaveReadTheStory() throws Exception {
		var c = candidates.make("sagsbehandler");
		long handover = reassignToJonas(c.id());
		assertThat(outbox("caseworker-changed:handover:" + handover)).singleElement().satisfies(m -> {
			assertThat(m.channel()).isEqualTo("SMS");
			assertThat(m.recipient()).isEqualTo("+4511223344");
			assertThat(m.purpose()).isEqualTo("caseworker-changed");
			assertThat(m.body()).startsWith("Hej " + c.firstName() + ". Du har fået en ny jobkonsulent: Jonas Holm.")
				.contains(jonas("phone"), jonas("email"))
				.contains("Vi skriver til dig igen, når Jonas Holm har læst dem")
				.doesNotContain("har læst din historie")
				.doesNotContain("har nu læst");
		});
		assertThat(outbox("handover-acknowledged:handover:" + handover)).isEmpty();
		// staff see it in the outbox, with its purpose, filtered by purpose
		mvc.perform(get("/messaging/outbox").param("purpose", "caseworker-changed").with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Ny jobkonsulent")))
			.andExpect(content().string(containsText("Hej " + c.firstName() + ". Du har fået en ny jobkonsulent")))
			.andExpect(content().string(containsText("<option value=\"caseworker-changed\" selected=\"selected\">Ny jobkonsulent</option>")));
	}

	@Test
	void theAcknowledgementTellsTheCandidateThatTheNewCaseworkerHasReadTheStoryOnce() throws Exception {
		var c = candidates.make("sagsbehandler");
		long handover = reassignToJonas(c.id());
		mvc.perform(post("/cases/{id}/handovers/{h}/acknowledge", c.id(), handover).with(JONAS).with(csrf()))
			.andExpect(flash().attribute("flash", "casework.handover.acknowledged"));
		// a second submit of the same button sends nothing more
		mvc.perform(post("/cases/{id}/handovers/{h}/acknowledge", c.id(), handover).with(JONAS).with(csrf()))
			.andExpect(flash().attribute("flash", "casework.handover.notYours"));
		assertThat(outbox("handover-acknowledged:handover:" + handover)).singleElement().satisfies(m -> {
			assertThat(m.purpose()).isEqualTo("handover-acknowledged");
			assertThat(m.body()).startsWith("Hej " + c.firstName() + ". Jonas Holm, din nye jobkonsulent, har nu læst din historie og jeres aftaler.")
				.contains(jonas("phone"));
		});
		assertThat(jdbc.sql("SELECT count(*) FROM outgoing_message WHERE idempotency_key LIKE ?")
			.param("%:handover:" + handover).query(Long.class).single()).isEqualTo(2);
		mvc.perform(get("/messaging/outbox").with(METTE))
			.andExpect(content().string(containsText("Den nye jobkonsulent har læst sagen")));
	}

	@Test
	void withoutAPhoneNumberTheMessageGoesByEmailAndWithoutEitherTheTimelineSaysItWasNotSent() throws Exception {
		var byEmail = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET phone = NULL, email = 'testa@eksempel.dk' WHERE id = ?").param(byEmail.id()).update();
		long handover = reassignToJonas(byEmail.id());
		assertThat(outbox("caseworker-changed:handover:" + handover)).singleElement()
			.satisfies(m -> assertThat(m.channel()).isEqualTo("EMAIL"));
		mvc.perform(get("/cases/{id}", byEmail.id()).with(JONAS))
			.andExpect(content().string(containsText("E-mail til kandidaten")));

		var unreachable = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET phone = NULL, email = NULL WHERE id = ?").param(unreachable.id()).update();
		long other = reassignToJonas(unreachable.id());
		assertThat(outbox("caseworker-changed:handover:" + other)).isEmpty();
		mvc.perform(get("/cases/{id}", unreachable.id()).with(JONAS))
			.andExpect(content().string(containsText("Besked til kandidaten er ikke sendt")));
	}

	@Test
	void theInvitationToTalkAboutANewCaseworkerGoesThroughTheOutboxToo() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/change-request", c.id()).with(METTE).with(csrf())
			.param("requestedOn", LocalDate.now().toString())
			.param("talkAt", workingDays.plus(LocalDate.now(), 2).atTime(10, 0).toString()))
			.andExpect(status().is3xxRedirection());
		long request = jdbc.sql("SELECT id FROM caseworker_change_request WHERE candidate_id = ?").param(c.id())
			.query(Long.class).single();
		assertThat(outbox("change-request-invitation:request:" + request)).singleElement()
			.satisfies(m -> assertThat(m.body()).contains("Vi vil gerne tale med dig om det"));
	}
}
