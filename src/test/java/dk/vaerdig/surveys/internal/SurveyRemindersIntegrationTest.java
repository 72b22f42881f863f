package dk.vaerdig.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.MessagingSettings;

/**
 * An unanswered survey invitation is reminded of once, three days after it was made at 10:00 Copenhagen time, not
 * at night, not when it was answered or has expired; the reminder holds no link (only the link's digest is stored).
 */
@IntegrationTest
class SurveyRemindersIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Casework casework;

	@Autowired
	Messaging messaging;

	@Autowired
	MessageSource texts;

	@Autowired
	MessagingSettings settings;

	SurveyReminders at(String instant) {
		return new SurveyReminders(jdbc, casework, messaging, texts, settings,
				Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

	long invitation(long candidateId, String createdAt, String expiresAt, boolean used) {
		long meeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at)
				VALUES (?, 'sagsbehandler', ?, 'IN_PERSON', 'HELD', ?) RETURNING id""")
			.params(candidateId, Timestamp.from(Instant.parse(createdAt)), Timestamp.from(Instant.parse(createdAt)))
			.query(Long.class)
			.single();
		return jdbc.sql("""
				INSERT INTO survey_invitation (token_sha256, meeting_id, candidate_id, team_id, target_group_code,
				  meeting_on, created_at, expires_at, used_on)
				SELECT md5(random()::text) || md5(random()::text), ?, c.id, c.team_id, c.target_group_code,
				  CAST(? AS TIMESTAMPTZ)::date, ?, ?, CASE WHEN ? THEN current_date END
				FROM candidate c WHERE c.id = ? RETURNING id""")
			.params(meeting, Timestamp.from(Instant.parse(createdAt)), Timestamp.from(Instant.parse(createdAt)),
					Timestamp.from(Instant.parse(expiresAt)), used, candidateId)
			.query(Long.class)
			.single();
	}

	int reminders(long invitationId) {
		return jdbc.sql("SELECT count(*) FROM outgoing_message WHERE idempotency_key = ?")
			.param(SurveyReminders.PURPOSE + ":" + invitationId)
			.query(Integer.class)
			.single();
	}

	@Test
	void anUnansweredInvitationIsRemindedOnceThreeDaysLaterInTheDaytime() {
		long c = candidates.make("sagsbehandler").id();
		// made Monday 2 November 2026 at 11:00 (CET); valid 14 days
		long open = invitation(c, "2026-11-02T10:00:00Z", "2026-11-16T10:00:00Z", false);
		long answered = invitation(c, "2026-11-02T10:00:00Z", "2026-11-16T10:00:00Z", true);
		long expired = invitation(c, "2026-11-02T10:00:00Z", "2026-11-04T10:00:00Z", false);
		at("2026-11-05T08:59:00Z").run(); // 09:59 on the 5th: not yet
		assertThat(reminders(open)).isZero();
		at("2026-11-05T09:00:00Z").run(); // 10:00
		at("2026-11-05T15:00:00Z").run();
		at("2026-11-06T09:00:00Z").run();
		assertThat(reminders(open)).isOne();
		assertThat(reminders(answered)).isZero();
		assertThat(reminders(expired)).isZero();
		String body = jdbc.sql("SELECT body FROM outgoing_message WHERE idempotency_key = ?")
			.param(SurveyReminders.PURPOSE + ":" + open).query(String.class).single();
		assertThat(body).contains("Du kan stadig svare").doesNotContain("http");
	}

	@Test
	void nothingAtNight() {
		long c = candidates.make("sagsbehandler").id();
		long open = invitation(c, "2026-11-09T10:00:00Z", "2026-11-23T10:00:00Z", false);
		at("2026-11-12T21:30:00Z").run(); // 22:30
		at("2026-11-13T05:00:00Z").run(); // 06:00
		assertThat(reminders(open)).isZero();
		at("2026-11-13T07:00:00Z").run(); // 08:00
		assertThat(reminders(open)).isOne();
	}
}
