package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.AfterEach;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.insights.internal.dialogue.DialogueMeetings;

/**
 * Invitations by letter: a candidate with neither phone nor e-mail, or who asked for Digital Post or letters, gets
 * the letters module's approved invitation letter (once), and a letter again when the meeting is cancelled; a
 * candidate who prefers e-mail and has an address gets an e-mail even with a phone number.
 */
@IntegrationTest
class DialogueInvitationByLetterIntegrationTest {

	static final RequestPostProcessor CASEWORKER = user("sagsbehandler").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	DialogueMeetings meetings;

	void consent(long candidate) throws Exception {
		mvc.perform(post("/cases/" + candidate + "/dialogue-consent").with(CASEWORKER).with(csrf())
			.param("givenOn", LocalDate.now().toString())).andExpect(status().is3xxRedirection());
	}

	void prefers(long candidate, String channel) {
		jdbc.sql("""
				INSERT INTO contact_preference (candidate_id, channel, language, changed_by, changed_at)
				VALUES (?, ?, 'da', 'kandidaten', now())""").params(candidate, channel).update();
	}

	List<String> letters(long candidate) {
		return jdbc.sql("SELECT body FROM letter_sent WHERE candidate_id = ? ORDER BY id")
			.param(candidate)
			.query(String.class)
			.list();
	}

	String channel(long meeting, long candidate) {
		return meetings.invited(meeting).stream().filter(i -> i.candidateId() == candidate).findFirst().orElseThrow()
			.channel();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void withoutPhoneOrEmailOrByChoiceTheInvitationGoesAsALetterAndSoDoesTheCancellation() throws Exception {
		var noAddress = candidates.make("sagsbehandler");
		var wantsPost = candidates.make("sagsbehandler");
		var wantsEmail = candidates.make("sagsbehandler");
		for (var c : List.of(noAddress, wantsPost, wantsEmail)) {
			consent(c.id());
		}
		jdbc.sql("UPDATE candidate SET phone = NULL, email = NULL WHERE id = ?").param(noAddress.id()).update();
		prefers(wantsPost.id(), "DIGITAL_POST");
		prefers(wantsEmail.id(), "EMAIL");
		jdbc.sql("UPDATE candidate SET email = 'kandidat@example.org' WHERE id = ?").param(wantsEmail.id()).update();

		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("teamleder", null, "ROLE_TEAM_LEAD"));
		long meeting = meetings.plan(LocalDate.now().plusDays(25), LocalTime.of(15, 0), "Rådhuset, mødesal 2",
				"Anna Andersen", UUID.randomUUID(), "teamleder");
		List<Long> all = List.of(noAddress.id(), wantsPost.id(), wantsEmail.id());
		assertThat(meetings.invite(meeting, all, "teamleder")).isEqualTo(3);
		assertThat(meetings.invite(meeting, all, "teamleder")).isZero();

		assertThat(channel(meeting, noAddress.id())).isEqualTo("LETTER");
		assertThat(channel(meeting, wantsPost.id())).isEqualTo("LETTER");
		assertThat(channel(meeting, wantsEmail.id())).isEqualTo("EMAIL");
		for (var c : List.of(noAddress, wantsPost)) {
			List<String> sent = letters(c.id());
			assertThat(sent).hasSize(1);
			assertThat(sent.get(0)).startsWith("Kære " + c.firstName()).contains("kl. 15.00")
				.contains("Rådhuset, mødesal 2").contains("Du bestemmer selv").doesNotContain("{{");
		}
		assertThat(letters(wantsEmail.id())).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM outgoing_message WHERE candidate_id = ? AND channel = 'EMAIL' AND purpose = 'dialogue-invitation'")
			.param(wantsEmail.id()).query(Long.class).single()).isEqualTo(1);

		meetings.cancel(meeting, meetings.find(meeting).orElseThrow().version(), "Udvalget kan ikke", "teamleder");
		meetings.cancel(meeting, meetings.find(meeting).orElseThrow().version(), "Udvalget kan ikke", "teamleder");
		List<String> sent = letters(noAddress.id());
		assertThat(sent).hasSize(2);
		assertThat(sent.get(1)).contains("Vi har aflyst dialogmødet").contains("kl. 15.00");
	}

	@Test
	void aLetterThatCannotBeMergedLeavesTheOthersInvitedAndAsksForACall() throws Exception {
		var unmergeable = candidates.makeWithCaseworkerWithoutContact();
		var fine = candidates.make("sagsbehandler");
		for (var c : List.of(unmergeable, fine)) {
			consent(c.id());
			jdbc.sql("UPDATE candidate SET phone = NULL, email = NULL WHERE id = ?").param(c.id()).update();
		}

		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("teamleder", null, "ROLE_TEAM_LEAD"));
		long meeting = meetings.plan(LocalDate.now().plusDays(26), LocalTime.of(16, 0), "Rådhuset, mødesal 1",
				"Bo Borg", UUID.randomUUID(), "teamleder");
		assertThat(meetings.invite(meeting, List.of(unmergeable.id(), fine.id()), "teamleder")).isEqualTo(2);

		assertThat(channel(meeting, unmergeable.id())).isEqualTo("NONE");
		assertThat(letters(unmergeable.id())).isEmpty();
		assertThat(channel(meeting, fine.id())).isEqualTo("LETTER");
		assertThat(letters(fine.id())).hasSize(1);
	}
}
