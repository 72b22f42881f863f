package dk.vaerdig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.casework.MeetingHeld;
import dk.vaerdig.platform.internal.EventRepublication;

/**
 * With several nodes, an event publication another node is handling must not be handed to a listener again: only
 * publications older than the threshold are resubmitted (one node at a time), and the one listener, the survey
 * invitation after a held meeting, handles a repeated event once. The publications are real rows of Spring Modulith's
 * registry, copied from one the app wrote, so the resubmission goes through the registry and the listener as in
 * production.
 */
@IntegrationTest
class EventRepublicationIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EventRepublication republication;

	@Autowired
	TestCandidates candidates;

	static long meetingId() {
		return -ThreadLocalRandom.current().nextLong(1_000_000_000L, 1_000_000_000_000_000L);
	}

	long invitations(long meeting) {
		return jdbc.sql("SELECT count(*) FROM survey_invitation WHERE meeting_id = ?").param(meeting).query(Long.class).single();
	}

	/** The publication of the event for this meeting: its status and whether it was completed. */
	String publication(UUID id) {
		return jdbc.sql("SELECT coalesce(status, '') || '/' || (completion_date IS NOT NULL) FROM event_publication WHERE id = ?")
			.param(id).query(String.class).single();
	}

	/** A copy of a publication the app wrote, for another meeting, published {@code age} ago and not completed. */
	UUID copy(UUID template, long fromMeeting, long toMeeting, Duration age) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				  completion_attempts)
				SELECT ?, listener_id, event_type, replace(serialized_event, ?, ?), now() - CAST(? AS INTERVAL), 'PUBLISHED', 0
				FROM event_publication WHERE id = ?""")
			.params(id, Long.toString(fromMeeting), Long.toString(toMeeting), age.toSeconds() + " seconds", template)
			.update();
		return id;
	}

	void hold(long meeting, long candidate, long team) {
		tx.executeWithoutResult(status -> events.publishEvent(
				new MeetingHeld(meeting, candidate, team, "sagsbehandler", "LAB02", Instant.now())));
	}

	@Test
	void onlyPublicationsOlderThanTheThresholdAreResubmittedAndARepeatedEventInvitesOnce() {
		long candidate = candidates.make("sagsbehandler").id();
		long team = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(candidate).query(Long.class).single();
		long first = meetingId();
		hold(first, candidate, team);
		await().atMost(Duration.ofSeconds(20)).until(() -> invitations(first) == 1);
		UUID template = jdbc.sql("SELECT id FROM event_publication WHERE serialized_event LIKE ?")
			.param("%" + first + "%").query(UUID.class).single();
		await().atMost(Duration.ofSeconds(20)).until(() -> publication(template).endsWith("/true"));

		// one publication as a node that died left it 20 minutes ago, one that another node is handling right now
		long abandoned = meetingId();
		long inFlight = meetingId();
		UUID old = copy(template, first, abandoned, Duration.ofMinutes(20));
		UUID young = copy(template, first, inFlight, Duration.ofSeconds(5));
		try {
			republication.republishOlderThan(Duration.ofMinutes(10));

			await().atMost(Duration.ofSeconds(20)).until(() -> invitations(abandoned) == 1 && publication(old).endsWith("/true"));
			assertThat(publication(young)).isEqualTo("PUBLISHED/false");
			assertThat(invitations(inFlight)).isZero();

			// the same event again (a node that completed the work but died before marking it): still one invitation
			hold(abandoned, candidate, team);
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
					SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NULL""")
				.param("%" + abandoned + "%").query(Long.class).single() == 0);
			assertThat(invitations(abandoned)).isOne();
		}
		finally {
			// the young copy would be resubmitted by the scheduled run in 10 minutes; it was only a stand-in
			jdbc.sql("DELETE FROM event_publication WHERE id = ?").param(young).update();
		}
	}
}
