package dk.vaerdig.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
import dk.vaerdig.platform.PlatformSettings;

/**
 * Reminders of meetings and agreements, found from the data and queued in the outbox, driven with a clock of the
 * test's own: 16:00 the day before by the Copenhagen wall clock (summer and winter), never in the night (21–08),
 * once per meeting however many runs or nodes, not for a cancelled meeting, and a queued one cancelled when its
 * meeting is cancelled or moved; by the channel the candidate prefers.
 */
@IntegrationTest
class RemindersIntegrationTest {

	static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

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
	ContactPreferences preferences;

	Reminders at(String instant) {
		return new Reminders(jdbc, casework, messaging, texts, settings, platform, tx,
				Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

	long meeting(long candidateId, String plannedAt) {
		return jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status)
				VALUES (?, 'sagsbehandler', ?, 'IN_PERSON', 'PLANNED') RETURNING id""")
			.params(candidateId, Timestamp.from(Instant.parse(plannedAt)))
			.query(Long.class)
			.single();
	}

	record Queued(String idempotencyKey, String channel, String recipient, String status, String body) {
	}

	List<Queued> reminders(long meetingId) {
		return jdbc.sql("""
				SELECT idempotency_key, channel, recipient, status, body FROM outgoing_message
				WHERE purpose = 'meeting-reminder' AND idempotency_key LIKE ? ORDER BY id""")
			.param(Reminders.MEETING + ":" + meetingId + ":%")
			.query(Queued.class)
			.list();
	}

	@Test
	void aMeetingIsRemindedAtSixteenTheDayBeforeOnceHoweverOftenTheJobRuns() {
		long c = candidates.make("sagsbehandler").id();
		// Thursday 12 November 2026 at 10:00 in Copenhagen (UTC+1): the reminder is due at 16:00 on the 11th (15:00Z)
		long m = meeting(c, "2026-11-12T09:00:00Z");
		at("2026-11-11T14:59:00Z").meetings();
		assertThat(reminders(m)).isEmpty();
		at("2026-11-11T15:00:00Z").meetings();
		at("2026-11-11T15:01:00Z").meetings();
		at("2026-11-12T07:30:00Z").meetings();
		List<Queued> queued = reminders(m);
		assertThat(queued).hasSize(1);
		assertThat(queued.get(0).channel()).isEqualTo("SMS");
		assertThat(queued.get(0).recipient()).isEqualTo("+4511223344");
		// plain Danish, the day and time, no name or CPR
		assertThat(queued.get(0).body()).startsWith("Husk dit møde med jobcentret torsdag den 12. november kl. 10:00.")
			.doesNotContain("Testa").doesNotContain("Prøvesen");
	}

	@Test
	void twoNodesRunningAtOnceQueueEachReminderOnce() throws Exception {
		long c = candidates.make("sagsbehandler").id();
		long m = meeting(c, "2026-11-19T09:00:00Z");
		Reminders one = at("2026-11-18T15:30:00Z");
		Reminders two = at("2026-11-18T15:30:00Z");
		CompletableFuture<Integer> a = CompletableFuture.supplyAsync(one::meetings);
		CompletableFuture<Integer> b = CompletableFuture.supplyAsync(two::meetings);
		a.get();
		b.get();
		assertThat(reminders(m)).hasSize(1);
	}

	@Test
	void theDayBeforeIsByTheWallClockAcrossDaylightSavingTime() {
		long c = candidates.make("sagsbehandler").id();
		// Monday 30 March 2026 09:00 CEST; clocks went forward on the 29th, so 16:00 that day is 14:00Z
		long spring = meeting(c, "2026-03-30T07:00:00Z");
		at("2026-03-29T13:59:00Z").meetings();
		assertThat(reminders(spring)).isEmpty();
		at("2026-03-29T14:00:00Z").meetings();
		assertThat(reminders(spring)).hasSize(1);
		// Monday 26 October 2026 09:00 CET; clocks went back on the 25th, so 16:00 that day is 15:00Z
		long autumn = meeting(c, "2026-10-26T08:00:00Z");
		at("2026-10-25T14:59:00Z").meetings();
		assertThat(reminders(autumn)).isEmpty();
		at("2026-10-25T15:00:00Z").meetings();
		assertThat(reminders(autumn)).hasSize(1);
	}

	@Test
	void nothingGoesAtNightAMeetingPlannedLateIsRemindedInTheMorning() {
		long c = candidates.make("sagsbehandler").id();
		// planned in the evening for 10:00 the next day: the due time (16:00) has passed, but 21:30 is quiet
		long m = meeting(c, "2026-11-26T09:00:00Z");
		at("2026-11-25T20:30:00Z").meetings();
		at("2026-11-26T05:00:00Z").meetings();
		assertThat(reminders(m)).isEmpty();
		at("2026-11-26T07:00:00Z").meetings(); // 08:00 in Copenhagen
		assertThat(reminders(m)).hasSize(1);
	}

	@Test
	void aCancelledMeetingIsNotRemindedAndAQueuedReminderIsCancelledWhenTheMeetingIsCancelledOrMoved() {
		long c = candidates.make("sagsbehandler").id();
		long cancelledFirst = meeting(c, "2026-12-10T09:00:00Z");
		jdbc.sql("UPDATE meeting SET status = 'CANCELLED' WHERE id = ?").param(cancelledFirst).update();
		at("2026-12-09T15:30:00Z").run();
		assertThat(reminders(cancelledFirst)).isEmpty();

		long cancelledLater = meeting(c, "2026-12-11T09:00:00Z");
		at("2026-12-10T15:30:00Z").meetings();
		assertThat(reminders(cancelledLater)).extracting(Queued::status).containsExactly("QUEUED");
		jdbc.sql("UPDATE meeting SET status = 'CANCELLED' WHERE id = ?").param(cancelledLater).update();
		at("2026-12-10T15:31:00Z").run();
		assertThat(reminders(cancelledLater)).extracting(Queued::status).containsExactly("CANCELLED");

		long moved = meeting(c, "2026-12-14T09:00:00Z");
		at("2026-12-13T15:30:00Z").meetings();
		jdbc.sql("UPDATE meeting SET planned_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.parse("2026-12-14T13:00:00Z")), moved)
			.update();
		at("2026-12-13T15:31:00Z").run();
		// the old time's reminder is cancelled, the new time's is queued: the candidate hears the time that holds
		assertThat(reminders(moved)).extracting(Queued::status).containsExactly("CANCELLED", "QUEUED");
		assertThat(reminders(moved).get(1).body()).contains("kl. 14:00");
	}

	@Test
	void theReminderGoesByThePreferredChannelAndFallsBackWhenTheCaseHasNoAddressForIt() {
		long byEmail = candidates.make("sagsbehandler").id();
		jdbc.sql("UPDATE candidate SET email = 'testa@eksempel.dk' WHERE id = ?").param(byEmail).update();
		preferences.save(byEmail, new dk.vaerdig.casework.ContactPreference(dk.vaerdig.messaging.PreferredChannel.EMAIL,
				"en", null, false, 0, null, null), ContactPreferences.CANDIDATE);
		long wantsEmailButHasNone = candidates.make("sagsbehandler").id();
		preferences.save(wantsEmailButHasNone, new dk.vaerdig.casework.ContactPreference(
				dk.vaerdig.messaging.PreferredChannel.EMAIL, "da", null, false, 0, null, null), ContactPreferences.CANDIDATE);
		long noAddress = candidates.make("sagsbehandler").id();
		jdbc.sql("UPDATE candidate SET phone = NULL WHERE id = ?").param(noAddress).update();
		long m1 = meeting(byEmail, "2026-12-17T09:00:00Z");
		long m2 = meeting(wantsEmailButHasNone, "2026-12-17T09:00:00Z");
		long m3 = meeting(noAddress, "2026-12-17T09:00:00Z");
		at("2026-12-16T15:30:00Z").meetings();
		assertThat(reminders(m1)).extracting(Queued::channel, Queued::recipient)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("EMAIL", "testa@eksempel.dk"));
		// in the language the candidate chose
		assertThat(reminders(m1).get(0).body()).contains("Remember your meeting with the job centre on Thursday 17 December at 10:00");
		assertThat(reminders(m2)).extracting(Queued::channel).containsExactly("SMS");
		assertThat(reminders(m3)).isEmpty();
	}

	@Test
	void theCandidatesOpenAgreementIsRemindedTwoDaysBeforeItsDeadlineOnce() {
		long c = candidates.make("sagsbehandler").id();
		long own = agreement(c, "CANDIDATE", "2026-12-18");
		long caseworkers = agreement(c, "CASEWORKER", "2026-12-18");
		at("2026-12-16T08:59:00Z").agreements(); // 09:59 in Copenhagen
		assertThat(agreementReminders(own)).isZero();
		at("2026-12-16T09:00:00Z").agreements();
		at("2026-12-16T12:00:00Z").agreements();
		assertThat(agreementReminders(own)).isOne();
		assertThat(agreementReminders(caseworkers)).isZero();
	}

	long agreement(long candidateId, String responsible, String due) {
		return jdbc.sql("""
				INSERT INTO agreement (candidate_id, responsible, what, due_date, status, created_at)
				VALUES (?, ?, 'Sende CV', ?, 'OPEN', now()) RETURNING id""")
			.params(candidateId, responsible, java.sql.Date.valueOf(due))
			.query(Long.class)
			.single();
	}

	int agreementReminders(long agreementId) {
		return jdbc.sql("SELECT count(*) FROM outgoing_message WHERE idempotency_key LIKE ?")
			.param(Reminders.AGREEMENT + ":" + agreementId + ":%")
			.query(Integer.class)
			.single();
	}
}
