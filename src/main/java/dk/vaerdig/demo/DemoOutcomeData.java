package dk.vaerdig.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dk.vaerdig.platform.PlatformSettings;

/**
 * Closed courses with outcomes for the demo municipality (about one in eight candidates whose course has run a while;
 * half of them closed some time in the last year, their later meetings taken out), a few of them reopened as a new course (the person came back) or as a correction, and the progression in ordinary
 * hours for some candidates, so the outcome figures have something to show. The outcome does not depend on the team:
 * the demo invents no association between the ratings and the outcomes.
 */
@Component
class DemoOutcomeData {

	private static final String[] OUTCOMES = { "ORDINARY_JOB", "REDUCED_HOURS_JOB", "FLEXJOB", "EDUCATION", "OTHER_BENEFIT",
			"MOVED", "OTHER" };

	private static final int[] WEIGHTS = { 40, 14, 8, 14, 12, 6, 6 };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	DemoOutcomeData(JdbcTemplate jdbc, Clock clock, PlatformSettings platform) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = platform.zone();
	}

	record Course(long id, long teamId, String targetGroup, LocalDate started, LocalDate lastMeeting, String caseworker) {
	}

	void generate(Random random) {
		LocalDate today = LocalDate.now(clock);
		List<Course> courses = jdbc.query("""
				SELECT id, team_id, target_group_code, course_started, last_meeting_on, caseworker FROM candidate
				WHERE last_meeting_on IS NOT NULL AND course_started < ? ORDER BY id""",
				(rs, n) -> new Course(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
						rs.getDate(5).toLocalDate(), rs.getString(6)),
				Date.valueOf(today.minusDays(90)));
		List<Object[]> outcomes = new ArrayList<>();
		List<Object[]> closed = new ArrayList<>();
		List<Object[]> reopened = new ArrayList<>();
		List<Object[]> cuts = new ArrayList<>();
		for (Course c : courses) {
			if (random.nextInt(8) != 0) {
				continue;
			}
			// half closed some time in the last year (their later meetings are taken out below), the others a few days
			// after the last meeting held; never in the future
			LocalDate earlier = today.minusDays(30 + random.nextInt(300));
			boolean cut = random.nextBoolean() && earlier.isAfter(c.started().plusDays(30)) && earlier.isBefore(c.lastMeeting());
			LocalDate closedOn = cut ? earlier : c.lastMeeting().plusDays(1 + random.nextInt(10));
			if (closedOn.isAfter(today)) {
				closedOn = today;
			}
			String outcome = pick(random);
			BigDecimal hours = switch (outcome) {
				case "ORDINARY_JOB" -> BigDecimal.valueOf(37);
				case "REDUCED_HOURS_JOB" -> BigDecimal.valueOf(15 + random.nextInt(18));
				case "FLEXJOB" -> BigDecimal.valueOf(8 + random.nextInt(12));
				default -> null;
			};
			Timestamp closedAt = Timestamp.from(closedOn.atTime(12, 0).atZone(zone).toInstant());
			// about one in six came back: a new course began 1 to 14 months later; one in 25 was closed by mistake
			LocalDate back = closedOn.plusDays(30 + random.nextInt(400));
			int fate = random.nextInt(25);
			String kind = fate < 4 && !back.isAfter(today) ? "NEW_COURSE" : fate == 4 ? "CORRECTION" : null;
			LocalDate reopenedOn = "NEW_COURSE".equals(kind) ? back : "CORRECTION".equals(kind) ? closedOn.plusDays(2) : null;
			if (reopenedOn != null && reopenedOn.isAfter(today)) {
				kind = null;
				reopenedOn = null;
			}
			outcomes.add(new Object[] { c.id(), Date.valueOf(c.started()), Date.valueOf(closedOn), outcome, hours, c.teamId(),
					c.targetGroup(), c.caseworker(), closedAt, UUID.randomUUID(), kind,
					reopenedOn == null ? null : Date.valueOf(reopenedOn),
					kind == null ? null : "NEW_COURSE".equals(kind) ? "Mistede jobbet og er tilbage på ydelse" : "Afsluttet på den forkerte sag",
					kind == null ? null : c.caseworker(),
					reopenedOn == null ? null : Timestamp.from(reopenedOn.atTime(9, 0).atZone(zone).toInstant()),
					"NEW_COURSE".equals(kind) ? !back.isAfter(closedOn.plusMonths(3)) : null,
					"NEW_COURSE".equals(kind) ? !back.isAfter(closedOn.plusMonths(12)) : null });
			if (cut && !"CORRECTION".equals(kind)) {
				// no meeting of this course after its closing; a new course has its own from the day it began
				LocalDate until = reopenedOn != null ? reopenedOn : today.plusYears(2);
				cuts.add(new Object[] { c.id(), Timestamp.from(closedOn.plusDays(1).atStartOfDay(zone).toInstant()),
						Timestamp.from(until.atStartOfDay(zone).toInstant()) });
			}
			if (kind == null) {
				closed.add(new Object[] { Date.valueOf(closedOn), c.id() });
			}
			else if (kind.equals("NEW_COURSE")) {
				reopened.add(new Object[] { Date.valueOf(reopenedOn), c.id() });
			}
		}
		jdbc.batchUpdate("""
				DELETE FROM agreement WHERE meeting_id IN (SELECT id FROM meeting WHERE candidate_id = ?
				  AND coalesce(held_at, planned_at) >= ? AND coalesce(held_at, planned_at) < ?)""", cuts);
		jdbc.batchUpdate("""
				DELETE FROM meeting WHERE candidate_id = ? AND coalesce(held_at, planned_at) >= ?
				  AND coalesce(held_at, planned_at) < ?""", cuts);
		jdbc.batchUpdate("""
				UPDATE candidate c SET last_meeting_on = (SELECT CAST(max(held_at) AS DATE) FROM meeting m
				  WHERE m.candidate_id = c.id AND m.status = 'HELD') WHERE id = ?""",
				cuts.stream().map(r -> new Object[] { r[0] }).toList());
		jdbc.batchUpdate("""
				INSERT INTO course_outcome (candidate_id, course_started, closed_on, outcome, weekly_hours, team_id,
				  target_group_code, closed_by, closed_at, request_id, reopen_kind, reopened_on, reopen_reason, reopened_by,
				  reopened_at, back_within_3_months, back_within_12_months)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", outcomes);
		jdbc.batchUpdate("""
				UPDATE candidate SET course_closed_on = ?, next_meeting_due = NULL, due_rule_id = NULL WHERE id = ?""", closed);
		jdbc.batchUpdate("UPDATE candidate SET course_started = ? WHERE id = ?", reopened);
		jdbc.update("""
				UPDATE meeting m SET status = 'CANCELLED' FROM candidate c
				WHERE c.id = m.candidate_id AND c.course_closed_on IS NOT NULL AND m.status = 'PLANNED'""");
		hours(random, today, courses);
	}

	/** Ordinary hours rising over a few months for some candidates whose course is open. */
	private void hours(Random random, LocalDate today, List<Course> courses) {
		List<Object[]> rows = new ArrayList<>();
		for (Course c : courses) {
			if (random.nextInt(15) != 0) {
				continue;
			}
			int h = 2 + random.nextInt(6);
			LocalDate from = c.started().plusDays(20);
			for (int i = 0; i < 4 && !from.isAfter(today); i++) {
				rows.add(new Object[] { c.id(), Date.valueOf(from), BigDecimal.valueOf(h), c.caseworker(),
						Timestamp.from(from.atTime(13, 0).atZone(zone).toInstant()) });
				h += 2 + random.nextInt(5);
				from = from.plusDays(28 + random.nextInt(30));
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO ordinary_hours (candidate_id, from_date, weekly_hours, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?)""", rows);
	}

	private static String pick(Random random) {
		int total = 0;
		for (int w : WEIGHTS) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < WEIGHTS.length; i++) {
			r -= WEIGHTS[i];
			if (r < 0) {
				return OUTCOMES[i];
			}
		}
		return OUTCOMES[0];
	}
}
