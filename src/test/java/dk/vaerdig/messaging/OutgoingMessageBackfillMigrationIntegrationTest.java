package dk.vaerdig.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.employment.internal.Popups;

/**
 * V105 traces the messages queued before it to their candidate and team through the reference in their idempotency
 * key: its UPDATEs, run again here on messages whose candidate and team are wiped (as they were before V105), give
 * back what the senders now store, and leave a message that cannot be traced without either.
 */
@IntegrationTest
class OutgoingMessageBackfillMigrationIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Messaging messaging;

	@Autowired
	Popups popups;

	Map<String, Object> row(String key) {
		return jdbc.sql("SELECT candidate_id, team_id FROM outgoing_message WHERE idempotency_key = ?").param(key)
			.query().singleRow();
	}

	@Test
	void theBackfillFindsTheCandidateAndTeamOfEveryKindOfMessageAndLeavesTheUntraceableWithout() throws Exception {
		// a caseworker change (with its message, as the case file sends it) to a caseworker of another team
		var moved = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/reassign", moved.id()).with(user("sagsbehandler").roles("CASEWORKER")).with(csrf())
			.param("caseworker", "rikke.friis").param("reason", "Flytter").param("version", "0"));
		long handover = jdbc.sql("SELECT id FROM handover WHERE candidate_id = ?").param(moved.id()).query(Long.class).single();
		long movedTeam = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(moved.id()).query(Long.class).single();
		// a survey invitation and a change request, with the messages their modules send
		var invited = candidates.make("sagsbehandler");
		long team = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(invited.id()).query(Long.class).single();
		long invitation = jdbc.sql("""
				INSERT INTO survey_invitation (token_sha256, meeting_id, candidate_id, team_id, target_group_code,
				  meeting_on, created_at, expires_at)
				VALUES (?, ?, ?, ?, 'LAB02', current_date, now(), now() + interval '14 days') RETURNING id""")
			.params("backfill-" + System.nanoTime(), 800_000_000L + invited.id(), invited.id(), team)
			.query(Long.class).single();
		messaging.sendSms(Addressee.candidate(invited.id(), team), "20304050", "Hej", "survey-invitation",
				"survey-invitation:" + invitation);
		long request = jdbc.sql("""
				INSERT INTO caseworker_change_request (candidate_id, requested_on, registered_by, registered_at)
				VALUES (?, current_date, 'sagsbehandler', now()) RETURNING id""").param(invited.id()).query(Long.class).single();
		messaging.sendSms(Addressee.candidate(invited.id(), team), "20304050", "Hej", "change-request-invitation",
				"change-request-invitation:request:" + request);
		// a pop-up booking of a session the company consultant made
		long session = popups.create("Pop-up: backfill " + System.nanoTime(), Instant.now().plus(Duration.ofDays(2)),
				"Jobcentret", 5, "virksomhed");
		String link = jdbc.sql("SELECT link_key FROM popup_session WHERE id = ?").param(session).query(String.class).single();
		popups.book(link, "Bo Booker", "20 30 40 58", Locale.forLanguageTag("da"));
		long booking = jdbc.sql("SELECT id FROM popup_booking WHERE session_id = ?").param(session).query(Long.class).single();
		long consultantsTeam = jdbc.sql("SELECT team_id FROM staff_user WHERE username = 'virksomhed'").query(Long.class)
			.single();
		// and one whose reference leads nowhere
		String untraceable = "test:backfill-" + System.nanoTime();
		messaging.sendSms(Addressee.candidate(invited.id(), team), "20304050", "Hej", "test", untraceable);

		List<String> keys = List.of("caseworker-changed:handover:" + handover, "survey-invitation:" + invitation,
				"change-request-invitation:request:" + request, "popup-booking:" + booking, untraceable);
		jdbc.sql("UPDATE outgoing_message SET candidate_id = NULL, team_id = NULL WHERE idempotency_key IN (:keys)")
			.param("keys", keys).update();
		String migration = new ClassPathResource("db/migration/V105__link_outgoing_messages_to_candidate_and_team.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> updates = Arrays.stream(migration.split(";"))
			.map(String::strip)
			.map(s -> s.substring(Math.max(0, s.indexOf("UPDATE outgoing_message"))))
			.filter(s -> s.startsWith("UPDATE outgoing_message"))
			.toList();
		assertThat(updates).hasSize(4);
		updates.forEach(update -> jdbc.sql(update).update());

		assertThat(row(keys.get(0))).containsEntry("candidate_id", moved.id()).containsEntry("team_id", movedTeam);
		assertThat(row(keys.get(1))).containsEntry("candidate_id", invited.id()).containsEntry("team_id", team);
		assertThat(row(keys.get(2))).containsEntry("candidate_id", invited.id()).containsEntry("team_id", team);
		assertThat(row(keys.get(3))).containsEntry("candidate_id", null).containsEntry("team_id", consultantsTeam);
		assertThat(row(untraceable)).containsEntry("candidate_id", null).containsEntry("team_id", null);
	}
}
