package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.internal.Timeliness;
import dk.vaerdig.insights.GoalMeasure.Count;

/**
 * The measure "meetings held on time" in 2017 (no other test and no demo data has meetings then), at the edges of the
 * due days the contact rules give (LAB02 in 2017: the first meeting within 10 working days of the course's start, the
 * next within 30 of the one before): a first meeting on its due day is on time, the next one a day after its
 * due day is late, another candidate's first meeting a day late is late, and a meeting before the course's start is
 * not counted.
 */
@IntegrationTest
class MeetingTimelinessIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Timeliness timeliness;

	@Autowired
	java.util.List<GoalMeasure> measures;

	long candidate(LocalDate started) {
		long id = candidates.make("sagsbehandler", "LAB02").id();
		jdbc.sql("UPDATE candidate SET course_started = ? WHERE id = ?").params(started, id).update();
		return id;
	}

	void held(long candidate, LocalDate day) {
		jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at)
				VALUES (?, 'sagsbehandler', ?, 'IN_PERSON', 'HELD', ?)""")
			.params(candidate, java.sql.Timestamp.valueOf(day.atTime(10, 0)), java.sql.Timestamp.valueOf(day.atTime(10, 0)))
			.update();
	}

	@Test
	void aMeetingOnItsDueDayIsOnTimeAndADayLaterIsLate() {
		LocalDate start = LocalDate.of(2017, 5, 1);
		LocalDate firstDue = timeliness.firstMeetingDue("LAB02", start).orElseThrow().date();
		long a = candidate(start);
		held(a, start.minusDays(20)); // before the course: not counted, and not the meeting before the first
		held(a, firstDue);
		LocalDate secondDue = timeliness.nextMeetingDue("LAB02", firstDue).orElseThrow().date();
		LocalDate secondHeld = secondDue.plusDays(1);
		held(a, secondHeld);
		long b = candidate(start);
		held(b, firstDue.plusDays(1));

		Map<YearMonth, long[]> expected = new HashMap<>();
		expected.computeIfAbsent(YearMonth.from(firstDue), k -> new long[2])[0]++;
		expected.get(YearMonth.from(firstDue))[1]++;
		expected.computeIfAbsent(YearMonth.from(secondHeld), k -> new long[2])[1]++;
		expected.computeIfAbsent(YearMonth.from(firstDue.plusDays(1)), k -> new long[2])[1]++;

		GoalMeasure onTime = measures.stream().filter(m -> m.code().equals("MEETINGS_ON_TIME")).findFirst().orElseThrow();
		Map<YearMonth, Count> counts = onTime.monthly(YearMonth.of(2017, 1), YearMonth.of(2017, 12));
		assertThat(counts).hasSize(expected.size());
		expected.forEach((m, c) -> assertThat(counts.get(m)).as(m.toString()).isEqualTo(new Count(c[0], c[1])));
		assertThat(counts.values().stream().mapToLong(Count::base).sum()).isEqualTo(3);
		assertThat(counts.values().stream().mapToLong(Count::events).sum()).isEqualTo(1);
	}
}
