package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.casework.ReformFigures.Month;
import dk.vaerdig.casework.ReformFigures.PersonAtRisk;

/**
 * The reform's figures against hand-computed cases. Each test makes its own team, so the demo municipality and other
 * tests do not count; the figures are read per team and "today" is given, so nothing depends on the clock.
 */
@IntegrationTest
class ReformFiguresIntegrationTest {

	static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	ReformFigures figures;

	@Autowired
	JdbcClient jdbc;

	long team() {
		return jdbc.sql("INSERT INTO team (name, department) VALUES (?, 'Reformtest') RETURNING id")
			.param("Reformhold " + UUID.randomUUID())
			.query(Long.class)
			.single();
	}

	long person(long team, String group, String started, String closedOn) {
		int n = SERIAL.incrementAndGet();
		String cpr = String.format("%02d0%d%02d-%04d", 1 + n % 28, 1 + n % 9, 30 + n % 10, 7000 + n);
		return jdbc.sql("""
				INSERT INTO candidate (cpr, first_name, last_name, target_group_code, course_started, course_closed_on,
				  caseworker, team_id) VALUES (?, ?, 'Reformsen', ?, ?, ?, 'sagsbehandler', ?) RETURNING id""")
			.params(cpr, "Rie" + n, group, LocalDate.parse(started), closedOn == null ? null : LocalDate.parse(closedOn),
					team)
			.query(Long.class)
			.single();
	}

	void held(long candidate, String... days) {
		for (String day : days) {
			jdbc.sql("""
					INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at)
					VALUES (?, 'sagsbehandler', ?, 'IN_PERSON', 'HELD', ?)""")
				.params(candidate, LocalDate.parse(day).atTime(10, 0), LocalDate.parse(day).atTime(10, 0))
				.update();
		}
	}

	void exempt(long candidate, String kind, String from, String to) {
		jdbc.sql("""
				INSERT INTO reform_exemption (candidate_id, kind, reason, starts_on, ends_on, expected_back, created_by,
				  created_at, request_id) VALUES (?, ?, 'Test', ?, ?, ?, 'sagsbehandler', now(), ?)""")
			.params(candidate, kind, LocalDate.parse(from), LocalDate.parse(to),
					kind.equals("SICK_LEAVE") ? LocalDate.parse(to).plusDays(1) : null, UUID.randomUUID())
			.update();
	}

	void change(long candidate, String from, String to, String day) {
		jdbc.sql("""
				INSERT INTO target_group_change (candidate_id, from_code, to_code, changed_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, 'sagsbehandler', now())""")
			.params(candidate, from, to, LocalDate.parse(day))
			.update();
		jdbc.sql("UPDATE candidate SET target_group_code = ? WHERE id = ?").params(to, candidate).update();
	}

	Month month(long team, String month, String today) {
		YearMonth m = YearMonth.parse(month);
		return figures.sum(figures.perTeamOn(m, m, LocalDate.parse(today), team), m, m).get(0);
	}

	/**
	 * Windows that end in June 2026 fall under no rule; July 2026 is the first month of the 75 % rule. July's cohort:
	 * A (LAB02, 4 held: met), B (LAB02, 3 held: not met), C (LAB01 dagpenge, 2 held: met), H (LAB02, none: not met, no
	 * first conversation), I (LAB02, exempted from conversations, none held: in the cohort, not met, not asked for a
	 * first conversation). Not in it: D (window ended in June), E (LAB03, not under the rule), F (closed before the
	 * window ended), G (a day of sick leave in the window).
	 */
	@Test
	void theSeventyFivePerCentRuleBeginsOnTheFirstOfJuly2026() {
		long team = team();
		long a = person(team, "LAB02", "2026-01-10", null);
		held(a, "2026-01-20", "2026-03-02", "2026-05-04", "2026-07-01");
		long b = person(team, "LAB02", "2026-01-20", null);
		held(b, "2026-02-02", "2026-04-01", "2026-06-01", "2026-07-20");
		long c = person(team, "LAB01", "2026-01-05", null);
		held(c, "2026-03-02", "2026-06-01");
		person(team, "LAB02", "2026-01-08", null);
		long i = person(team, "LAB02", "2026-01-03", null);
		exempt(i, "CONVERSATIONS", "2026-02-01", "2026-03-31");
		long d = person(team, "LAB02", "2025-12-15", null);
		held(d, "2026-01-05");
		person(team, "LAB03", "2026-01-12", null);
		person(team, "LAB02", "2026-01-25", "2026-05-01");
		long g = person(team, "LAB02", "2026-01-15", null);
		exempt(g, "SICK_LEAVE", "2026-03-01", "2026-03-20");

		Month june = month(team, "2026-06", "2027-03-01");
		assertThat(june.rule().inForce()).isFalse();
		assertThat(june.cohort()).isZero();

		Month july = month(team, "2026-07", "2027-03-01");
		assertThat(july.rule().inForce()).isTrue();
		assertThat(july.rule().floorPercent()).isEqualTo(75);
		assertThat(july.cohort()).isEqualTo(5);
		assertThat(july.met()).isEqualTo(2);
		assertThat(july.exemptedFromConversations()).isEqualTo(1);
		assertThat(july.firstRequired()).isEqualTo(3);
		assertThat(july.withoutFirst()).isEqualTo(1);
	}

	/**
	 * A dagpenge recipient whose window ends in December 2026 needs 2 conversations (LAB01); one whose window ends in
	 * January 2027 is in the new group G2027_JOBPARAT on its last day and needs 4 and the first conversation.
	 */
	@Test
	void theFirstOfJanuary2027MovesDagpengeRecipientsIntoTheNewJobReadyGroup() {
		long team = team();
		long k = person(team, "LAB01", "2026-06-20", null);
		held(k, "2026-09-01", "2026-11-02");
		long j = person(team, "LAB01", "2026-07-20", null);
		held(j, "2026-09-01", "2026-11-02");

		Month december = month(team, "2026-12", "2027-06-30");
		assertThat(december.cohort()).isEqualTo(1);
		assertThat(december.met()).isEqualTo(1);
		assertThat(december.firstRequired()).isZero();

		Month january = month(team, "2027-01", "2027-06-30");
		assertThat(january.rule().legalBasis()).contains("2027");
		assertThat(january.cohort()).isEqualTo(1);
		assertThat(january.met()).isZero();
		assertThat(january.firstRequired()).isEqualTo(1);
		assertThat(january.withoutFirst()).isZero();
	}

	/**
	 * A person who changes from dagpenge to job-ready kontanthjælp on 1 May 2026 begins new first 6 months then: the
	 * window of LAB01 is cut short (no cohort), the window of LAB02 ends on 31 October 2026 and needs 4 conversations
	 * held since the change (the 2 of March do not count, 3 after it: not met). In May 2026 no rule applies; in July
	 * the person is in the group that may be exempted.
	 */
	@Test
	void aChangeOfGroupBeginsNewFirstSixMonths() {
		long team = team();
		long l = person(team, "LAB01", "2026-03-01", null);
		change(l, "LAB01", "LAB02", "2026-05-01");
		held(l, "2026-03-10", "2026-03-20", "2026-05-15", "2026-07-01", "2026-09-01");

		assertThat(month(team, "2026-09", "2027-03-01").cohort()).isZero();
		Month october = month(team, "2026-10", "2027-03-01");
		assertThat(october.cohort()).isEqualTo(1);
		assertThat(october.met()).isZero();
		assertThat(month(team, "2026-05", "2027-03-01").group()).isZero();
		assertThat(month(team, "2026-07", "2027-03-01").group()).isEqualTo(1);
	}

	/**
	 * The exemption share across month ends, with the group of each day: P1 exempted 20 July – 10 August counts in both
	 * months; P2 on sick leave July – September is out of the group then; P6 (LAB04, education-ready) is in the group
	 * until 2027, when its successor G2027_UNGE is not; P7 (LAB01) is in G2027_JOBPARAT in January 2027.
	 */
	@Test
	void theExemptionShareCountsEachMonthWithTheGroupOfEachDay() {
		long team = team();
		long p1 = person(team, "LAB02", "2026-07-01", null);
		exempt(p1, "CONVERSATIONS", "2026-07-20", "2026-08-10");
		long p2 = person(team, "LAB02", "2026-07-01", null);
		exempt(p2, "SICK_LEAVE", "2026-07-01", "2026-09-30");
		person(team, "LAB02", "2026-07-01", null);
		person(team, "LAB02", "2026-07-01", null);
		person(team, "LAB03", "2026-07-01", null);
		person(team, "LAB04", "2026-07-01", null);
		person(team, "LAB01", "2026-12-01", null);
		person(team, "LAB04", "2026-12-01", null);
		String today = "2027-06-30";

		assertThat(month(team, "2026-06", today).group()).isZero();
		Month july = month(team, "2026-07", today);
		assertThat(List.of(july.group(), july.exempted())).containsExactly(4L, 1L);
		Month august = month(team, "2026-08", today);
		assertThat(List.of(august.group(), august.exempted())).containsExactly(4L, 1L);
		Month september = month(team, "2026-09", today);
		assertThat(List.of(september.group(), september.exempted())).containsExactly(4L, 0L);
		assertThat(month(team, "2026-10", today).group()).isEqualTo(5);
		assertThat(month(team, "2026-12", today).group()).isEqualTo(7);
		assertThat(month(team, "2027-01", today).group()).isEqualTo(1);
	}

	/**
	 * The month in progress counts up to today: an exemption that begins after today does not count yet.
	 */
	@Test
	void theMonthInProgressCountsUpToToday() {
		long team = team();
		long p = person(team, "LAB02", "2026-08-03", null);
		exempt(p, "OFFERS", "2026-09-20", "2026-10-31");
		person(team, "LAB02", "2026-08-03", null);
		assertThat(month(team, "2026-09", "2026-09-15").exempted()).isZero();
		assertThat(month(team, "2026-09", "2026-09-25").exempted()).isEqualTo(1);
	}

	/**
	 * At risk on Tuesday 15 September 2026: R1 (LAB02, from 1 July, none held) cannot have 4 conversations 30 working
	 * days apart by 31 December; R2 (LAB02, from 15 August) still can; R3 (LAB01, window ends Saturday 19 September,
	 * 1 of 2 held) has 4 working days left; R4 is exempted from conversations; R5 had its 4.
	 */
	@Test
	void personsAtRiskAreThoseWhoseConversationsCannotFitOrWhoseTimeRunsOut() {
		long team = team();
		long r1 = person(team, "LAB02", "2026-07-01", null);
		person(team, "LAB02", "2026-08-15", null);
		long r3 = person(team, "LAB01", "2026-03-20", null);
		held(r3, "2026-06-01");
		long r4 = person(team, "LAB02", "2026-07-01", null);
		exempt(r4, "CONVERSATIONS_AND_OFFERS", "2026-07-01", "2026-12-31");
		long r5 = person(team, "LAB02", "2026-07-01", null);
		held(r5, "2026-07-02", "2026-08-03", "2026-09-01", "2026-09-14");

		List<PersonAtRisk> risks = figures.atRiskOn(LocalDate.of(2026, 9, 15), team);
		assertThat(risks).extracting(PersonAtRisk::candidateId).containsExactly(r3, r1);
		PersonAtRisk three = risks.get(0);
		assertThat(three.workingDaysLeft()).isEqualTo(4);
		assertThat(three.cannotFit()).isFalse();
		assertThat(three.held()).isEqualTo(1);
		assertThat(three.required()).isEqualTo(2);
		assertThat(risks.get(1).cannotFit()).isTrue();
		assertThat(risks.get(1).windowLastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	/**
	 * Cohort boundaries: a window from 1 February 2026 ends on 31 July (July's cohort), one from 2 February on
	 * 1 August (August's). A window whose last day is today is still running and not counted yet; the next day it is.
	 */
	@Test
	void aWindowBelongsToTheMonthOfItsLastDayOnceThatDayHasPassed() {
		long team = team();
		long july = person(team, "LAB02", "2026-02-01", null);
		held(july, "2026-02-10", "2026-03-10", "2026-05-11", "2026-07-31");
		long august = person(team, "LAB02", "2026-02-02", null);
		held(august, "2026-02-10", "2026-03-10", "2026-05-11", "2026-08-03");

		Month inJuly = month(team, "2026-07", "2026-12-01");
		assertThat(List.of(inJuly.cohort(), inJuly.met())).containsExactly(1L, 1L);
		Month inAugust = month(team, "2026-08", "2026-12-01");
		assertThat(List.of(inAugust.cohort(), inAugust.met())).as("3 August is outside the window").containsExactly(1L, 0L);
		assertThat(month(team, "2026-07", "2026-07-31").cohort()).isZero();
		assertThat(month(team, "2026-07", "2026-08-01").cohort()).isEqualTo(1);
	}

	/**
	 * A person whose course from 5 January 2026 (LAB02) was closed on 20 August and who came back on 1 September:
	 * the earlier course's window (to 4 July, 4 held) is in July's cohort and met; the new course begins new first 6
	 * months (in the group in September, not in August).
	 */
	@Test
	void anEarlierCourseFollowedByANewOneCountsWithItsOwnDates() {
		long team = team();
		long p = person(team, "LAB02", "2026-09-01", null);
		jdbc.sql("""
				INSERT INTO course_outcome (candidate_id, course_started, closed_on, outcome, team_id, target_group_code,
				  closed_by, closed_at, request_id, reopen_kind, reopened_on, reopen_reason, reopened_by, reopened_at)
				VALUES (?, DATE '2026-01-05', DATE '2026-08-20', 'EDUCATION', ?, 'LAB02', 'sagsbehandler',
				  TIMESTAMP '2026-08-20 12:00', ?, 'NEW_COURSE', DATE '2026-09-01', 'Kom tilbage', 'sagsbehandler',
				  TIMESTAMP '2026-09-01 09:00')""")
			.params(p, team, UUID.randomUUID())
			.update();
		held(p, "2026-01-12", "2026-02-16", "2026-04-01", "2026-06-01");

		Month july = month(team, "2026-07", "2026-12-01");
		assertThat(List.of(july.cohort(), july.met())).containsExactly(1L, 1L);
		assertThat(month(team, "2026-08", "2026-12-01").group()).as("between the two windows")
			.isEqualTo(0);
		assertThat(month(team, "2026-09", "2026-12-01").group()).isEqualTo(1);
	}
}
