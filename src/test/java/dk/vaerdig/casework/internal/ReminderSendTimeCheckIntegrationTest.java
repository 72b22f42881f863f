package dk.vaerdig.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.MessagingSettings;
import dk.vaerdig.messaging.internal.Dispatcher;
import dk.vaerdig.platform.PlatformSettings;

/**
 * The dispatcher checks a meeting reminder again when it takes it to send (issue 13): a reminder queued for a meeting
 * that was cancelled or moved before the dispatcher got to it is CANCELLED with the reason, never sent; one whose
 * meeting still holds is sent. The reminder job's own clean-up does not run here: only the dispatcher's check.
 */
@IntegrationTest
class ReminderSendTimeCheckIntegrationTest {

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

	@Autowired
	PlatformSettings platform;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Dispatcher dispatcher;

	/** The reminder job at 15:00 Copenhagen time today: tomorrow's meetings are due for their reminder. */
	Reminders today() {
		Instant at = Instant.now().atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate()
			.atTime(16, 30).atZone(java.time.ZoneId.of("Europe/Copenhagen")).toInstant();
		return new Reminders(jdbc, casework, messaging, texts, settings, platform, tx, Clock.fixed(at, ZoneOffset.UTC));
	}

	long meetingTomorrow(long candidateId) {
		Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		return jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status)
				VALUES (?, 'sagsbehandler', ?, 'IN_PERSON', 'PLANNED') RETURNING id""")
			.params(candidateId, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Map<String, Object> reminder(long meetingId) {
		return jdbc.sql("""
				SELECT status, cancelled_reason FROM outgoing_message
				WHERE purpose = 'meeting-reminder' AND idempotency_key LIKE ?""")
			.param(Reminders.MEETING + ":" + meetingId + ":%")
			.query()
			.singleRow();
	}

	/** Runs the dispatcher until the reminder has left the queue (the background run may take it first: same result). */
	Map<String, Object> dispatched(long meetingId) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			dispatcher.deliverDue();
			Map<String, Object> r = reminder(meetingId);
			if (!"QUEUED".equals(r.get("status"))) {
				return r;
			}
			Thread.sleep(100);
		}
		return reminder(meetingId);
	}

	@Test
	void aMeetingCancelledOrMovedBetweenEnqueueAndDispatchIsNotRemindedButOneThatHoldsIs() throws Exception {
		long cancelledCandidate = candidates.make("sagsbehandler").id();
		long movedCandidate = candidates.make("sagsbehandler").id();
		long keptCandidate = candidates.make("sagsbehandler").id();
		long cancelled = meetingTomorrow(cancelledCandidate);
		long moved = meetingTomorrow(movedCandidate);
		long kept = meetingTomorrow(keptCandidate);
		// queued and then changed before any dispatcher may see the reminders (one transaction), so that the job's own
		// clean-up of stale reminders has had no chance: only the check at send time stands between them and the SMS
		tx.executeWithoutResult(s -> {
			today().meetings();
			assertThat(reminder(cancelled).get("status")).isEqualTo("QUEUED");
			assertThat(reminder(moved).get("status")).isEqualTo("QUEUED");
			jdbc.sql("UPDATE meeting SET status = 'CANCELLED' WHERE id = ?").param(cancelled).update();
			jdbc.sql("UPDATE meeting SET planned_at = planned_at + interval '2 hours' WHERE id = ?").param(moved).update();
		});
		Map<String, Object> c = dispatched(cancelled);
		assertThat(c.get("status")).isEqualTo("CANCELLED");
		assertThat((String) c.get("cancelled_reason")).contains("cancelled, held or moved");
		assertThat(dispatched(moved).get("status")).isEqualTo("CANCELLED");
		assertThat(dispatched(kept).get("status")).isEqualTo("SENT");
	}

	@Test
	void theCheckNamesOnlyTheRemindersThatNoLongerHold() {
		long candidate = candidates.make("sagsbehandler").id();
		long holds = meetingTomorrow(candidate);
		long gone = meetingTomorrow(candidate);
		jdbc.sql("UPDATE meeting SET status = 'CANCELLED' WHERE id = ?").param(gone).update();
		long holdsAt = jdbc.sql("SELECT CAST(extract(epoch FROM planned_at) AS BIGINT) FROM meeting WHERE id = ?")
			.param(holds).query(Long.class).single();
		String keyHolds = Reminders.MEETING + ":" + holds + ":" + holdsAt;
		String keyMoved = Reminders.MEETING + ":" + holds + ":" + (holdsAt + 3600);
		String keyGone = Reminders.MEETING + ":" + gone + ":" + holdsAt;
		assertThat(today().stale(Reminders.MEETING, java.util.List.of(keyHolds, keyMoved, keyGone)))
			.containsOnlyKeys(keyMoved, keyGone);
	}
}
