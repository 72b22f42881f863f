package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.internal.ExemptionDueDates;

/**
 * Exemptions registered before the pause rule kept their old due date: the job moves it by the pause (by hand: LAB02,
 * course started Monday 19 March 2018, first meeting within 10 working days, due Thursday 5 April over Easter; paused
 * Wednesday 28 March to Tuesday 3 April, 2 working days, so Monday 9 April), once: a second run changes nothing, and
 * an exemption from offers alone or a closed course is left as it is.
 */
@IntegrationTest
class ExemptionDueDatesIntegrationTest {

	static final LocalDate STARTED = LocalDate.of(2018, 3, 19);

	static final LocalDate OLD_DUE = LocalDate.of(2018, 4, 5);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	ExemptionDueDates job;

	long candidate(String exemptionKind) {
		long id = candidates.make("sagsbehandler", "LAB02").id();
		jdbc.sql("UPDATE candidate SET course_started = ?, last_meeting_on = NULL, next_meeting_due = ? WHERE id = ?")
			.params(STARTED, OLD_DUE, id)
			.update();
		jdbc.sql("""
				INSERT INTO reform_exemption (candidate_id, kind, reason, starts_on, ends_on, created_by, created_at,
				  request_id) VALUES (?, ?, 'registreret før pausereglen', DATE '2018-03-28', DATE '2018-04-03',
				  'sagsbehandler', now(), ?)""")
			.params(id, exemptionKind, UUID.randomUUID())
			.update();
		return id;
	}

	LocalDate due(long id) {
		return jdbc.sql("SELECT next_meeting_due FROM candidate WHERE id = ?").param(id).query(LocalDate.class).single();
	}

	int version(long id) {
		return jdbc.sql("SELECT version FROM candidate WHERE id = ?").param(id).query(Integer.class).single();
	}

	@Test
	void anOldExemptionsDueDateIsMovedByThePauseOnceAndOnlyWhereItPauses() {
		long paused = candidate("CONVERSATIONS");
		long offers = candidate("OFFERS");
		long closed = candidate("CONVERSATIONS");
		jdbc.sql("UPDATE candidate SET course_closed_on = DATE '2018-03-26' WHERE id = ?").param(closed).update();
		int before = version(paused);

		assertThat(job.recompute()).isGreaterThanOrEqualTo(1);
		assertThat(due(paused)).isEqualTo(LocalDate.of(2018, 4, 9));
		assertThat(version(paused)).isEqualTo(before + 1);
		assertThat(due(offers)).isEqualTo(OLD_DUE);
		assertThat(due(closed)).isEqualTo(OLD_DUE);

		job.recompute();
		assertThat(due(paused)).isEqualTo(LocalDate.of(2018, 4, 9));
		assertThat(version(paused)).isEqualTo(before + 1);
	}
}
