package dk.vaerdig.messaging;

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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.employment.internal.Popups;

/**
 * The outbox page by team and by the case rule: each user sees the messages of the candidates whose cases they may
 * open (and the pop-up bookings of their own team), every candidate shown is recorded, and a message follows its
 * candidate's case to a new team.
 */
@IntegrationTest
class MessageOutboxIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor SYG_LEAD = user("teamleder.syg").roles("TEAM_LEAD");

	static final RequestPostProcessor RESSOURCE_LEAD = user("teamleder.ressource").roles("TEAM_LEAD");

	static final RequestPostProcessor MANAGER = user("leder").roles("MANAGER");

	static final Pattern CASE_LINK = Pattern.compile("/cases/(\\d+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Messaging messaging;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Popups popups;

	long teamOf(long candidate) {
		return jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(candidate).query(Long.class).single();
	}

	long send(TestCandidates.Made c, String purpose, String text) {
		String key = purpose + ":" + System.nanoTime();
		assertThat(messaging.sendSms(Addressee.candidate(c.id(), teamOf(c.id())), "+45 61 72 83 96", text, purpose, key))
			.isEqualTo(QueueResult.QUEUED);
		return jdbc.sql("SELECT id FROM outgoing_message WHERE idempotency_key = ?").param(key).query(Long.class).single();
	}

	long lastAuditSeq() {
		return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
	}

	String page(String url, RequestPostProcessor as) throws Exception {
		return mvc.perform(get(url).with(as))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aCaseworkerListsTheMessagesOfTheirTeamsCandidatesOnlyAndEachCandidateShownIsRecorded() throws Exception {
		var mine = candidates.make("sagsbehandler");
		var colleagues = candidates.make("sagsbehandler2");
		var otherTeam = candidates.make("teamleder.syg", "LAB05");
		String tag = Long.toString(System.nanoTime());
		send(mine, "outbox-list", "Til min kandidat " + tag);
		send(colleagues, "outbox-list", "Til min kollegas kandidat " + tag);
		long foreign = send(otherTeam, "outbox-list", "Til et andet teams kandidat " + tag);
		long before = lastAuditSeq();
		String body = page("/messaging/outbox?purpose=outbox-list", METTE);
		assertThat(body).contains("Til min kandidat " + tag, "Til min kollegas kandidat " + tag,
				mine.firstName() + " " + mine.lastName(), "/cases/" + mine.id(), "/cases/" + colleagues.id())
			.doesNotContain("Til et andet teams kandidat " + tag)
			.doesNotContain("/messaging/outbox/" + foreign + "\"")
			.doesNotContain(otherTeam.firstName());
		// one VIEW_LIST entry naming every candidate on the page, and no one else
		Set<Long> shown = new LinkedHashSet<>();
		Matcher link = CASE_LINK.matcher(body);
		while (link.find()) {
			shown.add(Long.valueOf(link.group(1)));
		}
		List<Map<String, Object>> entries = jdbc.sql("""
				SELECT c AS candidate_id, action, detail, occurred_at FROM audit_entry e,
				  unnest(coalesce(e.candidate_ids, ARRAY[e.candidate_id])) AS c
				WHERE seq > ? AND actor = 'sagsbehandler' ORDER BY seq""").param(before).query().listOfRows();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE seq > ? AND actor = 'sagsbehandler'").param(before)
			.query(Long.class).single()).isOne();
		assertThat(entries).extracting(e -> ((Number) e.get("candidate_id")).longValue())
			.containsExactlyInAnyOrderElementsOf(shown)
			.contains(mine.id(), colleagues.id())
			.doesNotContain(otherTeam.id());
		assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("action", "VIEW_LIST")
			.containsEntry("detail", "messages outbox"));
		assertThat(entries.stream().map(e -> e.get("occurred_at")).distinct()).hasSize(1);
		// the other team's lead lists it; a manager, who opens every case, lists all three
		assertThat(page("/messaging/outbox?purpose=outbox-list", SYG_LEAD)).contains("Til et andet teams kandidat " + tag)
			.doesNotContain("Til min kandidat " + tag);
		assertThat(page("/messaging/outbox?purpose=outbox-list", MANAGER)).contains("Til min kandidat " + tag,
				"Til min kollegas kandidat " + tag, "Til et andet teams kandidat " + tag);
	}

	@Test
	void theDetailOpensByTheCaseRuleIsRecordedAndAnotherTeamsAnswersAsAMissingOne() throws Exception {
		var mine = candidates.make("sagsbehandler");
		var otherTeam = candidates.make("teamleder.syg", "LAB05");
		long message = send(mine, "outbox-detail", "Hej. Din tid er mandag kl. 10.00.");
		long foreign = send(otherTeam, "outbox-detail", "Hej. Din tid er tirsdag kl. 11.00.");
		long before = lastAuditSeq();
		mvc.perform(get("/messaging/outbox/{id}", message).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Hej. Din tid er mandag kl. 10.00.")))
			.andExpect(content().string(containsText(mine.firstName() + " " + mine.lastName())))
			.andExpect(content().string(containsText("Sms: …96")))
			.andExpect(content().string(not(containsString("61728396"))));
		assertThat(jdbc.sql("SELECT candidate_id, action, detail FROM audit_entry WHERE seq > ? AND actor = 'sagsbehandler'")
			.param(before).query().singleRow()).containsEntry("candidate_id", mine.id())
			.containsEntry("action", "VIEW_DOCUMENT").containsEntry("detail", "message in outbox " + message);
		mvc.perform(get("/messaging/outbox/{id}", foreign).with(METTE)).andExpect(status().isNotFound());
		mvc.perform(get("/messaging/outbox/{id}", Long.MAX_VALUE).with(METTE)).andExpect(status().isNotFound());
		mvc.perform(get("/messaging/outbox/{id}", foreign).with(SYG_LEAD)).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE seq > ? AND candidate_id = ? AND actor = 'sagsbehandler'")
			.params(before, otherTeam.id()).query(Long.class).single()).isZero();
	}

	@Test
	void theFilterByPurposeShowsOnlyThatPurposeAndOffersTheTeamsPurposes() throws Exception {
		var c = candidates.make("sagsbehandler");
		String tag = Long.toString(System.nanoTime());
		send(c, "outbox-filter-a", "Formål A " + tag);
		send(c, "outbox-filter-b", "Formål B " + tag);
		assertThat(page("/messaging/outbox?purpose=outbox-filter-a", METTE)).contains("Formål A " + tag)
			.doesNotContain("Formål B " + tag)
			.contains("<option value=\"outbox-filter-b\">");
		assertThat(page("/messaging/outbox", METTE)).contains("Formål A " + tag, "Formål B " + tag);
		// the other team has no message of these purposes, so its filter does not offer them
		assertThat(page("/messaging/outbox", SYG_LEAD)).doesNotContain("outbox-filter-a");
	}

	@Test
	void aPopupBookingHasNoCandidateAndIsReadByTheTeamThatOwnsTheSession() throws Exception {
		// the company consultant of Mette's team creates the session; someone books it through the public link
		long session = popups.create("Pop-up: CV " + System.nanoTime(), Instant.now().plus(Duration.ofDays(3)),
				"Jobcentret", 5, "virksomhed");
		String key = jdbc.sql("SELECT link_key FROM popup_session WHERE id = ?").param(session).query(String.class).single();
		assertThat(popups.book(key, "Bo Booker", "20 30 40 59", Locale.forLanguageTag("da")).outcome())
			.isEqualTo(Popups.Outcome.BOOKED);
		Map<String, Object> row = jdbc.sql("""
				SELECT m.id, m.candidate_id, m.team_id FROM outgoing_message m JOIN popup_booking b
				  ON m.idempotency_key = 'popup-booking:' || b.id WHERE b.session_id = ?""").param(session).query()
			.singleRow();
		long team = jdbc.sql("SELECT team_id FROM staff_user WHERE username = 'virksomhed'").query(Long.class).single();
		assertThat(row).containsEntry("candidate_id", null).containsEntry("team_id", team);
		long message = ((Number) row.get("id")).longValue();
		long before = lastAuditSeq();
		assertThat(page("/messaging/outbox?purpose=popup-booking", METTE)).contains("/messaging/outbox/" + message + "\"")
			.contains("Ingen sag (booking)");
		mvc.perform(get("/messaging/outbox/{id}", message).with(user("virksomhed").roles("COMPANY_CONSULTANT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Beskeden hører ikke til en sag")));
		// another team neither lists nor reads it; staff who see every team do
		assertThat(page("/messaging/outbox?purpose=popup-booking", SYG_LEAD)).doesNotContain("/messaging/outbox/" + message + "\"");
		mvc.perform(get("/messaging/outbox/{id}", message).with(SYG_LEAD)).andExpect(status().isNotFound());
		mvc.perform(get("/messaging/outbox/{id}", message).with(MANAGER)).andExpect(status().isOk());
		// no candidate, so nothing to record for anyone
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE seq > ? AND detail = ?")
			.params(before, "message in outbox " + message).query(Long.class).single()).isZero();
	}

	@Test
	void aMessageFollowsItsCandidatesCaseToTheNewTeam() throws Exception {
		var c = candidates.make("sagsbehandler");
		long message = send(c, "outbox-move", "Før skiftet " + System.nanoTime());
		mvc.perform(get("/messaging/outbox/{id}", message).with(METTE)).andExpect(status().isOk());
		mvc.perform(get("/messaging/outbox/{id}", message).with(RESSOURCE_LEAD)).andExpect(status().isNotFound());
		// the case goes to a caseworker of another team
		mvc.perform(post("/cases/{id}/reassign", c.id()).with(METTE).with(csrf()).param("caseworker", "rikke.friis")
			.param("reason", "Kandidaten flytter til ressourceforløb").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		long newTeam = teamOf(c.id());
		assertThat(jdbc.sql("SELECT DISTINCT team_id FROM outgoing_message WHERE candidate_id = ?").param(c.id())
			.query(Long.class).list()).containsExactly(newTeam);
		mvc.perform(get("/messaging/outbox/{id}", message).with(METTE)).andExpect(status().isNotFound());
		assertThat(page("/messaging/outbox?purpose=outbox-move", METTE)).doesNotContain("/messaging/outbox/" + message + "\"");
		mvc.perform(get("/messaging/outbox/{id}", message).with(RESSOURCE_LEAD)).andExpect(status().isOk());
		assertThat(page("/messaging/outbox?purpose=outbox-move", RESSOURCE_LEAD)).contains("/messaging/outbox/" + message + "\"");
	}
}
