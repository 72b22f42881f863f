package dk.vaerdig.access;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;

/**
 * Retention on the shared test database. The runs are made as of 1 June 2016 and the records they should remove are
 * dated years before, so the demo municipality (dated around today) is never touched: with the seeded rules, case
 * files closed before 1 June 2011 expire, invitations that expired before 2 May 2016, and so on.
 */
@IntegrationTest
class RetentionIntegrationTest {

	static final LocalDate AS_OF = LocalDate.of(2016, 6, 1);

	@Autowired
	Retention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	TestCandidates candidates;

	@Autowired
	MockMvc mvc;

	/** The ids of one candidate's records in every kind that hangs on the case file. */
	record Case(long candidate, long meeting, long letter, long complaint, long competence) {
	}

	Case caseClosedOn(LocalDate closed) {
		long id = candidates.make("sagsbehandler").id();
		jdbc.sql("UPDATE candidate SET course_closed_on = ? WHERE id = ?").params(closed, id).update();
		long meeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at, talked_about)
				VALUES (?, 'sagsbehandler', ?, 'IN_PERSON', 'HELD', ?, 'Om job') RETURNING id""")
			.params(id, closed.minusMonths(2).atStartOfDay(), closed.minusMonths(2).atStartOfDay())
			.query(Long.class).single();
		jdbc.sql("""
				INSERT INTO agreement (candidate_id, meeting_id, responsible, what, status, created_at)
				VALUES (?, ?, 'CANDIDATE', 'Send CV', 'OPEN', now())""").params(id, meeting).update();
		jdbc.sql("INSERT INTO case_note (candidate_id, written_by, written_at, text) VALUES (?, 'sagsbehandler', now(), 'x')")
			.param(id).update();
		jdbc.sql("""
				INSERT INTO case_story (candidate_id, version, text, written_by, written_at)
				VALUES (?, 1, 'Min historie', 'sagsbehandler', now())""").param(id).update();
		long letter = jdbc.sql("""
				INSERT INTO letter_sent (request_id, candidate_id, version_id, subject, body, channel, sent_by)
				SELECT ?, ?, min(id), 'Emne', 'Brev', 'DIGITAL_POST', 'sagsbehandler' FROM letter_template_version
				RETURNING id""")
			.params(UUID.randomUUID(), id).query(Long.class).single();
		jdbc.sql("INSERT INTO letter_outbox (letter_id, candidate_id, subject, body) VALUES (?, ?, 'Emne', 'Brev')")
			.params(letter, id).update();
		long complaint = jdbc.sql("""
				INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
				  complaint_deadline, late, what_candidate_says, category_id, reassess_by, forward_by, status, registered_by,
				  registered_at)
				SELECT ?, team_id, 'LETTER', ?, 'Afgørelse 12', ?, ?, FALSE, 'Jeg er uenig', 1, ?, ?, 'CLOSED',
				  'klagebehandler', now() FROM candidate WHERE id = ? RETURNING id""")
			.params(id, closed.minusMonths(6), closed.minusMonths(6), closed.minusMonths(5), closed.minusMonths(5),
					closed.minusMonths(5), id)
			.query(Long.class).single();
		long competence = jdbc.sql("""
				INSERT INTO competence (candidate_id, skill, source, created_by, created_at)
				VALUES (?, 'Truckkort', 'WORK', 'sagsbehandler', now()) RETURNING id""")
			.param(id).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO job_wish (candidate_id, hours_per_week, updated_by, updated_at)
				VALUES (?, 37, 'sagsbehandler', now())""").param(id).update();
		return new Case(id, meeting, letter, complaint, competence);
	}

	long invitationExpiring(LocalDate expires) {
		return jdbc.sql("""
				INSERT INTO survey_invitation (token_sha256, meeting_id, candidate_id, team_id, target_group_code, meeting_on,
				  created_at, expires_at)
				VALUES (?, -CAST(random() * 1e15 AS BIGINT), 1, 1, 'LAB02', ?, ?, ?) RETURNING id""")
			.params("test-" + UUID.randomUUID(), expires.minusDays(14), expires.minusDays(14).atStartOfDay(),
					expires.atStartOfDay())
			.query(Long.class).single();
	}

	UUID answerWithComment(LocalDate month) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO survey_answer (id, version_id, team_id, target_group_code, meeting_month, answered_on, channel,
				  lang, comment, wants_contact)
				SELECT ?, id, 1, 'LAB02', ?, ?, 'LINK', 'da', 'Min sagsbehandler lyttede', TRUE FROM survey_version
				WHERE status = 'ACTIVE'""").params(id, month, month.plusDays(3)).update();
		return id;
	}

	long followUpClosed(UUID answer, LocalDate closed) {
		return jdbc.sql("""
				INSERT INTO survey_follow_up (answer_id, candidate_id, team_id, preferred_channel, created_at, due_on, status,
				  closed_at) VALUES (?, 1, 1, 'PHONE', ?, ?, 'RESOLVED', ?) RETURNING id""")
			.params(answer, closed.minusDays(10).atStartOfDay(), closed, closed.atStartOfDay())
			.query(Long.class).single();
	}

	long bookingAtSessionOn(LocalDate day) {
		long session = jdbc.sql("""
				INSERT INTO popup_session (title, starts_at, place, capacity, booked, link_key, created_by)
				VALUES ('CV-hjælp', ?, 'Jobcentret', 10, 1, ?, 'virksomhed') RETURNING id""")
			.params(day.atTime(10, 0), "test-" + UUID.randomUUID()).query(Long.class).single();
		return jdbc.sql("""
				INSERT INTO popup_booking (session_id, name, phone, code, created_at)
				VALUES (?, 'Anna', '+4520304050', ?, ?) RETURNING id""")
			.params(session, "T" + UUID.randomUUID(), day.minusDays(3).atStartOfDay())
			.query(Long.class).single();
	}

	long messageQueuedOn(LocalDate day, String status) {
		return jdbc.sql("""
				INSERT INTO outgoing_message (idempotency_key, channel, recipient, body, purpose, status, created_at,
				  next_attempt_at)
				VALUES (?, 'SMS', '+4520304050', 'Hej', 'test', ?, ?, CASE WHEN ? = 'QUEUED' THEN now() + interval '1 day' END)
				RETURNING id""")
			.params("retention-" + UUID.randomUUID(), status, day.atStartOfDay(), status)
			.query(Long.class).single();
	}

	boolean exists(String table, Object id) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	@Test
	void expiredRecordsGoAndUnexpiredOnesStay() {
		Case expired = caseClosedOn(LocalDate.of(2011, 5, 31));
		Case recent = caseClosedOn(LocalDate.of(2011, 6, 1));
		Case open = caseClosedOn(LocalDate.of(2011, 1, 1));
		jdbc.sql("UPDATE candidate SET course_closed_on = NULL WHERE id = ?").param(open.candidate()).update();
		long oldInvitation = invitationExpiring(LocalDate.of(2016, 5, 1));
		long newInvitation = invitationExpiring(LocalDate.of(2016, 5, 2));
		UUID oldComment = answerWithComment(LocalDate.of(2013, 4, 1));
		UUID newComment = answerWithComment(LocalDate.of(2013, 6, 1));
		long oldFollowUp = followUpClosed(oldComment, LocalDate.of(2015, 5, 31));
		long newFollowUp = followUpClosed(newComment, LocalDate.of(2015, 6, 1));
		long oldBooking = bookingAtSessionOn(LocalDate.of(2016, 5, 1));
		long newBooking = bookingAtSessionOn(LocalDate.of(2016, 5, 2));
		long oldSent = messageQueuedOn(LocalDate.of(2016, 5, 1), "SENT");
		long oldQueued = messageQueuedOn(LocalDate.of(2016, 5, 1), "QUEUED");
		long newSent = messageQueuedOn(LocalDate.of(2016, 5, 2), "SENT");

		Retention.RunResult result = retention.run(AS_OF, Long.MAX_VALUE);

		assertThat(result.outcome()).isEqualTo(Retention.Outcome.DONE);
		// the case file closed more than 5 years ago is gone with everything on it ...
		assertThat(exists("candidate", expired.candidate())).isFalse();
		assertThat(exists("meeting", expired.meeting())).isFalse();
		assertThat(exists("letter_sent", expired.letter())).isFalse();
		assertThat(exists("competence", expired.competence())).isFalse();
		for (String table : new String[] { "agreement", "case_note", "case_story", "letter_outbox", "job_wish" }) {
			assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE candidate_id = ?").param(expired.candidate())
				.query(Long.class).single()).as(table).isZero();
		}
		// ... but its complaint stays for the statistics, without the candidate or what they said
		assertThat(jdbc.sql("SELECT candidate_id, what_candidate_says, decision_ref, category_id, status, anonymised_on IS NOT NULL AS a FROM complaint WHERE id = ?")
			.param(expired.complaint()).query().singleRow())
			.containsEntry("candidate_id", 0L).containsEntry("what_candidate_says", "").containsEntry("decision_ref", "")
			.containsEntry("category_id", 1L).containsEntry("status", "CLOSED").containsEntry("a", true);
		// a case closed a day later, and an open case, keep everything
		for (Case kept : new Case[] { recent, open }) {
			assertThat(exists("candidate", kept.candidate())).isTrue();
			assertThat(exists("meeting", kept.meeting())).isTrue();
			assertThat(exists("letter_sent", kept.letter())).isTrue();
			assertThat(exists("competence", kept.competence())).isTrue();
			assertThat(jdbc.sql("SELECT what_candidate_says FROM complaint WHERE id = ?").param(kept.complaint())
				.query(String.class).single()).isEqualTo("Jeg er uenig");
		}
		assertThat(exists("survey_invitation", oldInvitation)).isFalse();
		assertThat(exists("survey_invitation", newInvitation)).isTrue();
		assertThat(jdbc.sql("SELECT comment IS NULL FROM survey_answer WHERE id = ?").param(oldComment).query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("SELECT comment FROM survey_answer WHERE id = ?").param(newComment).query(String.class).single())
			.isEqualTo("Min sagsbehandler lyttede");
		assertThat(exists("survey_follow_up", oldFollowUp)).isFalse();
		assertThat(exists("survey_follow_up", newFollowUp)).isTrue();
		assertThat(exists("popup_booking", oldBooking)).isFalse();
		assertThat(exists("popup_booking", newBooking)).isTrue();
		assertThat(exists("outgoing_message", oldSent)).isFalse();
		assertThat(exists("outgoing_message", oldQueued)).isTrue();
		assertThat(exists("outgoing_message", newSent)).isTrue();
		// the run is recorded with its counts per kind
		assertThat(retention.removedIn(result.runId())).containsEntry("case-file", 1L).containsEntry("meeting", 1L)
			.containsEntry("letter", 1L).containsEntry("complaint", 1L);
		jdbc.sql("DELETE FROM outgoing_message WHERE id = ?").param(oldQueued).update();
	}

	@Test
	void theDryRunCountsWhatTheJobThenRemoves() {
		caseClosedOn(LocalDate.of(2009, 3, 1));
		caseClosedOn(LocalDate.of(2010, 3, 1));
		invitationExpiring(LocalDate.of(2015, 1, 1));
		answerWithComment(LocalDate.of(2012, 1, 1));
		bookingAtSessionOn(LocalDate.of(2014, 1, 1));
		messageQueuedOn(LocalDate.of(2014, 1, 1), "FAILED");

		Map<String, Retention.Preview> before = retention.dryRun(AS_OF).stream()
			.collect(Collectors.toMap(Retention.Preview::kind, Function.identity()));
		assertThat(before.get("case-file").count()).isGreaterThanOrEqualTo(2);
		assertThat(before.get("case-file").oldest()).isBeforeOrEqualTo(LocalDate.of(2009, 3, 1));
		assertThat(before.get("case-file").cutoff()).isEqualTo(LocalDate.of(2011, 6, 1));
		assertThat(before.get("job-profile").count()).isGreaterThanOrEqualTo(4);

		Retention.RunResult result = retention.run(AS_OF, Long.MAX_VALUE);

		assertThat(result.outcome()).isEqualTo(Retention.Outcome.DONE);
		for (Retention.Preview kind : before.values()) {
			if (kind.enforced()) {
				assertThat(result.removed().getOrDefault(kind.kind(), 0L)).as(kind.kind()).isEqualTo(kind.count());
			}
		}
		for (Retention.Preview kind : retention.dryRun(AS_OF)) {
			if (kind.enforced()) {
				assertThat(kind.count()).as(kind.kind()).isZero();
			}
			else {
				// the audit log is listed and counted, not deleted
				assertThat(kind.kind()).isEqualTo("audit-log");
				assertThat(kind.count()).isEqualTo(before.get("audit-log").count());
			}
		}
	}

	@Test
	void aRunThatFailsMidwayKeepsItsCommittedBatchesAndTheNextRunContinues() {
		// 250 expired invitations; the 201st in the job's order (oldest first) cannot be deleted while the trigger is on
		for (int i = 0; i < 250; i++) {
			invitationExpiring(LocalDate.of(2008, 1, 1).plusDays(i));
		}
		long poisoned = jdbc.sql("SELECT id FROM survey_invitation WHERE expires_at = ?")
			.param(LocalDate.of(2008, 1, 1).plusDays(200).atStartOfDay()).query(Long.class).single();
		Retention.RunResult failed;
		// the trigger is made by the schema's owner: the app's role owns nothing and may not create one
		try (AttackerConnection owner = AttackerConnection.open(postgres)) {
			owner.jdbc().sql("""
					CREATE FUNCTION test_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN RAISE EXCEPTION 'simulated crash'; END; $$""").update();
			owner.jdbc().sql("CREATE TRIGGER test_refuse_delete BEFORE DELETE ON survey_invitation FOR EACH ROW WHEN (OLD.id = "
					+ poisoned + ") EXECUTE FUNCTION test_refuse_delete()").update();
			try {
				failed = retention.run(AS_OF, Long.MAX_VALUE, 100);
			}
			finally {
				owner.jdbc().sql("DROP TRIGGER test_refuse_delete ON survey_invitation").update();
				owner.jdbc().sql("DROP FUNCTION test_refuse_delete()").update();
			}
		}
		assertThat(failed.outcome()).isEqualTo(Retention.Outcome.FAILED);
		// two batches of 100 were committed; the third rolled back whole
		assertThat(retention.removedIn(failed.runId())).containsEntry("survey-invitation", 200L);
		assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE expires_at < '2009-01-01'")
			.query(Long.class).single()).isEqualTo(50);
		assertThat(retention.lastRun().orElseThrow().outcome()).isEqualTo("FAILED");

		Retention.RunResult next = retention.run(AS_OF, Long.MAX_VALUE, 100);

		assertThat(next.outcome()).isEqualTo(Retention.Outcome.DONE);
		assertThat(retention.removedIn(next.runId())).containsEntry("survey-invitation", 50L);
		assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE expires_at < '2009-01-01'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aRunStoppedAtItsLimitContinuesInTheNextRun() {
		for (int i = 0; i < 30; i++) {
			bookingAtSessionOn(LocalDate.of(2007, 1, 1).plusDays(i));
		}
		// meeting, letter, job profile and complaint come first, one batch each; then 2 batches of 10 bookings
		long before = retention.run(AS_OF, 4, 10).runId();
		assertThat(retention.lastRun().orElseThrow().outcome()).isEqualTo("STOPPED");
		assertThat(retention.removedIn(before)).doesNotContainKey("popup-booking");
		Retention.RunResult stopped = retention.run(AS_OF, 6, 10);
		assertThat(stopped.outcome()).isEqualTo(Retention.Outcome.STOPPED);
		assertThat(bookingsBefore2008()).isEqualTo(30 - stopped.removed().getOrDefault("popup-booking", 0L));
		assertThat(retention.run(AS_OF, Long.MAX_VALUE, 10).outcome()).isEqualTo(Retention.Outcome.DONE);
		assertThat(bookingsBefore2008()).isZero();
	}

	long bookingsBefore2008() {
		return jdbc.sql("""
				SELECT count(*) FROM popup_booking b JOIN popup_session s ON s.id = b.session_id
				WHERE s.starts_at < '2008-01-01'""").query(Long.class).single();
	}

	@Test
	void theRuleInForceOnTheDayIsUsed() {
		long booking = bookingAtSessionOn(LocalDate.of(2015, 11, 1));
		// before the first rule applies, nothing has a rule and nothing goes
		assertThat(retention.dryRun(LocalDate.of(2014, 12, 31))).allSatisfy(k -> {
			assertThat(k.rule()).isNull();
			assertThat(k.count()).isZero();
		});
		jdbc.sql("""
				INSERT INTO retention_rule (kind, valid_from, keep_for, legal_basis)
				VALUES ('popup-booking', '2016-01-01', 'P1Y', 'test')""").update();
		try {
			assertThat(retention.ruleInForce("popup-booking", LocalDate.of(2015, 12, 31)).orElseThrow().keepFor())
				.isEqualTo(Period.ofDays(30));
			assertThat(retention.ruleInForce("popup-booking", AS_OF).orElseThrow().keepFor()).isEqualTo(Period.ofYears(1));
			// a booking of 1 November 2015 has expired after 30 days, but not after a year
			assertThat(retention.run(AS_OF, Long.MAX_VALUE).outcome()).isEqualTo(Retention.Outcome.DONE);
			assertThat(exists("popup_booking", booking)).isTrue();
		}
		finally {
			jdbc.sql("DELETE FROM retention_rule WHERE legal_basis = 'test'").update();
		}
		retention.run(AS_OF, Long.MAX_VALUE);
		assertThat(exists("popup_booking", booking)).isFalse();
	}

	@Test
	void everyKindHasARuleAndEveryRuleAKind() {
		Set<String> kinds = retention.sources().stream().map(RetentionSource::kind).collect(Collectors.toCollection(TreeSet::new));
		Set<String> ruled = retention.rules().stream().map(RetentionRule::kind).collect(Collectors.toCollection(TreeSet::new));
		assertThat(kinds).isEqualTo(ruled).contains("case-file", "meeting", "letter", "complaint", "popup-booking",
				"survey-invitation", "follow-up", "survey-comment", "sent-message", "audit-log");
		// the audit log too is removed by the job now (through the owner's function, AuditLogRetentionIntegrationTest)
		assertThat(retention.sources()).filteredOn(s -> !s.enforced()).isEmpty();
	}

	@Test
	void administratorsSeeTheDryRunInBothLanguagesAndNobodyElseDoes() throws Exception {
		mvc.perform(get("/admin/retention").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Sletning og anonymisering")))
			.andExpect(content().string(containsText("5 år efter sagen er afsluttet")))
			.andExpect(content().string(containsText("KLE P1825D (del af sagen)")))
			.andExpect(content().string(containsText("Revisionsloggen")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsText("Slettes endnu ikke af jobbet"))));
		mvc.perform(get("/admin/retention?lang=en").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("30 days after the message was queued")));
		mvc.perform(get("/admin/retention").with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isForbidden());
	}
}
