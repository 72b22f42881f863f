package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.MeetingTimeliness;
import dk.vaerdig.casework.internal.Timeliness;

/**
 * The measure "meetings held on time" counts each due date once per call instead of once per meeting; its figures
 * must stay those of counting every meeting on its own. A varied data set in 2015 and 2016 (no other test has
 * meetings then; nothing here touches 2017, which MeetingTimelinessIntegrationTest counts): candidates of every LAB
 * group and one of a 2027 group (no rule in force, not counted), courses starting in both years, meetings before the
 * course, on the due day, a day late, long gaps (beyond the year the query looks back), two on one day, late in the
 * evening (another day in Copenhagen than in UTC), and meetings that were not held; and some with exemptions that
 * pause the due date (job conversations, sick leave, one ended early) or do not (offers alone). The reference below is
 * the computation before the change, verbatim but for the pause rule (Timeliness#paused with the candidate's own
 * pauses, as the stored due date has it). Hand-computed cases with pauses across a weekend and Easter are in 2018.
 */
@IntegrationTest
class MeetingTimelinessSameFiguresIntegrationTest {

	static final List<String> GROUPS = List.of("LAB01", "LAB02", "LAB03", "LAB04", "LAB05", "LAB06", "LAB07", "LAB08",
			"LAB09", "LAB10", "G2027_JOBPARAT");

	static final LocalDate LAST = LocalDate.of(2016, 12, 30);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Timeliness timeliness;

	@Autowired
	MeetingTimeliness meetingTimeliness;

	void meeting(long candidate, LocalDateTime at, String status) {
		jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at)
				VALUES (?, 'sagsbehandler', ?, 'IN_PERSON', ?, ?)""")
			.params(candidate, java.sql.Timestamp.valueOf(at), status, java.sql.Timestamp.valueOf(at))
			.update();
	}

	LocalDateTime at(Random random, LocalDate day) {
		// every fifth late in the evening: 23:30 in the JVM's zone may be the next day in Copenhagen or not
		return random.nextInt(5) == 0 ? day.atTime(23, 30) : day.atTime(8 + random.nextInt(8), 15);
	}

	static final List<String> KINDS = List.of("CONVERSATIONS", "SICK_LEAVE", "CONVERSATIONS_AND_OFFERS", "OFFERS");

	void exemption(long candidate, String kind, LocalDate first, LocalDate last, LocalDate endedOn) {
		jdbc.sql("""
				INSERT INTO reform_exemption (candidate_id, kind, reason, starts_on, ends_on, expected_back, created_by,
				  created_at, request_id, ended_on) VALUES (?, ?, 'test', ?, ?, ?, 'sagsbehandler', now(), ?, ?)""")
			.params(candidate, kind, first, last, kind.equals("SICK_LEAVE") ? last.plusDays(1) : null,
					java.util.UUID.randomUUID(), endedOn)
			.update();
	}

	void makeVariedData() {
		Random random = new Random(15);
		// a random source of its own for the exemptions, so the meetings are those of before
		Random pauses = new Random(16);
		for (int i = 0; i < 120; i++) {
			String group = GROUPS.get(i % GROUPS.size());
			long id = candidates.make("sagsbehandler", group).id();
			LocalDate started = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(640));
			jdbc.sql("UPDATE candidate SET course_started = ? WHERE id = ?").params(started, id).update();
			if (i % 4 == 1) {
				for (int e = 0; e < 1 + pauses.nextInt(2); e++) {
					LocalDate first = started.plusDays(pauses.nextInt(300));
					LocalDate last = first.plusDays(2 + pauses.nextInt(40));
					exemption(id, KINDS.get(pauses.nextInt(KINDS.size())), first, last,
							pauses.nextInt(5) == 0 ? first.plusDays(1) : null);
				}
			}
			LocalDate day = started.plusDays(random.nextInt(40) - 30);
			for (int n = 0; n < 14 && !day.isAfter(LAST); n++) {
				meeting(id, at(random, day), "HELD");
				switch (random.nextInt(12)) {
					case 0 -> meeting(id, at(random, day), "HELD"); // two on one day
					case 1 -> meeting(id, at(random, day.plusDays(3).isAfter(LAST) ? day : day.plusDays(3)), "CANCELLED");
					default -> {
					}
				}
				Optional<Timeliness.Due> due = day.isBefore(started) ? timeliness.firstMeetingDue(group, started)
						: timeliness.nextMeetingDue(group, day);
				LocalDate next = due.map(Timeliness.Due::date).orElse(day.plusDays(40));
				int r = random.nextInt(10);
				day = r == 0 ? day.plusDays(380 + random.nextInt(60)) // a gap beyond the year looked back
						: r < 3 ? next.plusDays(random.nextInt(2)) // on the due day or a day late
								: next.plusDays(random.nextInt(30) - 20);
				if (!day.isAfter(started.minusDays(60))) {
					day = started;
				}
			}
		}
	}

	/**
	 * The computation before due dates were counted once per call: every meeting counted on its own; with the pause
	 * rule since exemptions pause the due date.
	 */
	Map<YearMonth, long[]> everyMeetingOnItsOwn(YearMonth from, YearMonth to) {
		Map<YearMonth, long[]> counts = new TreeMap<>();
		LocalDate start = from.atDay(1);
		jdbc.sql("""
				SELECT c.id, c.target_group_code, c.course_started, x.held_on, x.previous FROM (
				  SELECT m.candidate_id, CAST(m.held_at AT TIME ZONE 'Europe/Copenhagen' AS DATE) AS held_on,
				         CAST(lag(m.held_at) OVER (PARTITION BY m.candidate_id ORDER BY m.held_at)
				              AT TIME ZONE 'Europe/Copenhagen' AS DATE) AS previous
				  FROM meeting m
				  WHERE m.status = 'HELD' AND m.held_at >= :since AND m.held_at < :to) x
				JOIN candidate c ON c.id = x.candidate_id
				WHERE x.held_on >= :from AND x.held_on >= c.course_started""")
			.param("since", java.sql.Timestamp.valueOf(start.minusYears(1).atStartOfDay()))
			.param("to", java.sql.Timestamp.valueOf(to.plusMonths(1).atDay(1).atStartOfDay()))
			.param("from", java.sql.Date.valueOf(start))
			.query(rs -> {
				String group = rs.getString("target_group_code");
				LocalDate started = rs.getDate("course_started").toLocalDate();
				LocalDate held = rs.getDate("held_on").toLocalDate();
				java.sql.Date prev = rs.getDate("previous");
				LocalDate previous = prev == null ? null : prev.toLocalDate();
				Optional<Timeliness.Due> due = previous == null || previous.isBefore(started)
						? timeliness.firstMeetingDue(group, started) : timeliness.nextMeetingDue(group, previous);
				if (due.isEmpty()) {
					return;
				}
				LocalDate countedFrom = previous == null || previous.isBefore(started) ? started : previous;
				LocalDate dueDate = timeliness.paused(countedFrom, due.get().date(), timeliness.pausesOf(rs.getLong("id")));
				long[] c = counts.computeIfAbsent(YearMonth.from(held), k -> new long[2]);
				c[1]++;
				if (!held.isAfter(dueDate)) {
					c[0]++;
				}
			});
		return counts;
	}

	@Test
	void theFiguresAreThoseOfCountingEveryMeetingOnItsOwn() {
		makeVariedData();
		List<YearMonth[]> periods = List.of(new YearMonth[] { YearMonth.of(2015, 1), YearMonth.of(2016, 12) },
				new YearMonth[] { YearMonth.of(2016, 1), YearMonth.of(2016, 12) },
				new YearMonth[] { YearMonth.of(2016, 3), YearMonth.of(2016, 5) },
				new YearMonth[] { YearMonth.of(2015, 7), YearMonth.of(2015, 7) });
		for (YearMonth[] p : periods) {
			Map<YearMonth, long[]> expected = everyMeetingOnItsOwn(p[0], p[1]);
			Map<YearMonth, long[]> actual = meetingTimeliness.heldOnTime(p[0], p[1]);
			assertThat(actual.keySet()).as(p[0] + "–" + p[1]).isEqualTo(expected.keySet());
			expected.forEach((m, c) -> assertThat(actual.get(m)).as(m.toString()).containsExactly(c));
		}
		// the data set is varied enough to tell: many meetings, some on time and some late in 2016
		long[] year = everyMeetingOnItsOwn(YearMonth.of(2016, 1), YearMonth.of(2016, 12)).values()
			.stream()
			.reduce(new long[2], (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
		assertThat(year[1]).isGreaterThan(300);
		assertThat(year[0]).isGreaterThan(50).isLessThan(year[1] - 50);
	}

	@Test
	void aPauseAcrossAWeekendAndEasterMovesTheDueDateOfTheMeasureAsOfTheStoredDueDate() {
		// LAB02 before 1 July 2026: the first meeting within 10 working days. Course started Monday 19 March 2018:
		// 20, 21, 22, 23, 26, 27, 28 March, (Maundy Thursday 29, Good Friday 30, the weekend, Easter Monday 2 April),
		// 3, 4, 5 April: due Thursday 5 April. An exemption Wednesday 28 March to Tuesday 3 April pauses 2 working
		// days (28 March, 3 April): due Monday 9 April (Friday 6, the weekend, Monday 9).
		LocalDate started = LocalDate.of(2018, 3, 19);
		LocalDate first = LocalDate.of(2018, 3, 28);
		LocalDate last = LocalDate.of(2018, 4, 3);
		long paused = candidate(started);
		exemption(paused, "CONVERSATIONS", first, last, null);
		meeting(paused, LocalDate.of(2018, 4, 9).atTime(10, 0), "HELD"); // on time, late without the pause
		long none = candidate(started);
		meeting(none, LocalDate.of(2018, 4, 9).atTime(10, 0), "HELD"); // late
		long offers = candidate(started);
		exemption(offers, "OFFERS", first, last, null); // an exemption from offers alone pauses nothing
		meeting(offers, LocalDate.of(2018, 4, 9).atTime(10, 0), "HELD"); // late
		long dayAfter = candidate(started);
		exemption(dayAfter, "SICK_LEAVE", first, last, null);
		meeting(dayAfter, LocalDate.of(2018, 4, 10).atTime(10, 0), "HELD"); // late even with the pause
		long endedEarly = candidate(started);
		exemption(endedEarly, "CONVERSATIONS", first, last, LocalDate.of(2018, 3, 27)); // ended before it began
		meeting(endedEarly, LocalDate.of(2018, 4, 6).atTime(10, 0), "HELD"); // late: due 5 April

		assertThat(timeliness.dueFor(paused, "LAB02", started, null).orElseThrow().date())
			.isEqualTo(LocalDate.of(2018, 4, 9));
		assertThat(timeliness.dueFor(endedEarly, "LAB02", started, null).orElseThrow().date())
			.isEqualTo(LocalDate.of(2018, 4, 5));
		Map<YearMonth, long[]> april = meetingTimeliness.heldOnTime(YearMonth.of(2018, 4), YearMonth.of(2018, 4));
		assertThat(april.get(YearMonth.of(2018, 4))).containsExactly(1, 5);
	}

	long candidate(LocalDate started) {
		long id = candidates.make("sagsbehandler", "LAB02").id();
		jdbc.sql("UPDATE candidate SET course_started = ? WHERE id = ?").params(started, id).update();
		return id;
	}
}
