package dk.vaerdig.casework;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.casework.internal.Timeliness;

/**
 * Timeliness as a figure for other modules (insights' goals, the committee report, the RAR export): per month, the
 * meetings held and those held on time, i.e. no later than the day the contact rules made them due (the first meeting
 * of a course counted from its start, every later one from the meeting held before it, each by the rule in force on
 * that day, in working days), moved on by the candidate's exemptions as pauses exactly as the stored due date is
 * ({@link Timeliness#due}). Known limits: the target group is the candidate's now (a change of group is not
 * replayed); a meeting before the current course's start, or where no rule was in force, is not counted; a candidate
 * with no meeting at all appears only on the timeliness page (overdue today), not here.
 */
@Service
public class MeetingTimeliness {

	private final JdbcClient jdbc;

	private final Timeliness timeliness;

	MeetingTimeliness(JdbcClient jdbc, Timeliness timeliness) {
		this.jdbc = jdbc;
		this.timeliness = timeliness;
	}

	/**
	 * A due date asked for: the first meeting of a course that started on {@code day} (no meeting before it since the
	 * course started), or the next one after the meeting held on {@code day}; for a candidate with pauses (an
	 * exemption), that candidate's, else null (shared by all without).
	 */
	private record Asked(String group, LocalDate day, boolean first, Long paused) {
	}

	private record Row(Asked asked, LocalDate held, long n) {
	}

	/**
	 * Per month from {@code from} to {@code to} (both included): {held on time, held and counted}. A year has hundreds of
	 * thousands of meetings but only a few thousand distinct due dates to count (target group × day), and counting
	 * working days asks the holiday calendar for every day it passes; so each due date is counted once per call.
	 */
	public Map<YearMonth, long[]> heldOnTime(YearMonth from, YearMonth to) {
		Map<YearMonth, long[]> counts = new TreeMap<>();
		Map<Asked, Optional<Timeliness.Due>> dues = new HashMap<>();
		LocalDate start = from.atDay(1);
		List<Row> rows = new ArrayList<>();
		// the meetings with the same due date asked for and held on the same day are counted together; a candidate
		// with an exemption that pauses (not one from offers alone) is counted on their own
		jdbc.sql("""
				SELECT y.target_group_code, y.first, y.counted_from, y.held_on, y.paused, count(*) AS n FROM (
				  SELECT c.target_group_code, x.held_on, x.previous IS NULL OR x.previous < c.course_started AS first,
				         CASE WHEN x.previous IS NULL OR x.previous < c.course_started THEN c.course_started
				              ELSE x.previous END AS counted_from,
				         CASE WHEN EXISTS (SELECT 1 FROM reform_exemption e
				                           WHERE e.candidate_id = c.id AND e.kind <> 'OFFERS') THEN c.id END AS paused
				  FROM (
				    SELECT m.candidate_id, CAST(m.held_at AT TIME ZONE 'Europe/Copenhagen' AS DATE) AS held_on,
				           lag(CAST(m.held_at AT TIME ZONE 'Europe/Copenhagen' AS DATE))
				             OVER (PARTITION BY m.candidate_id ORDER BY m.held_at) AS previous
				    FROM meeting m
				    WHERE m.status = 'HELD' AND m.held_at >= :since AND m.held_at < :to) x
				  JOIN candidate c ON c.id = x.candidate_id
				  WHERE x.held_on >= :from AND x.held_on >= c.course_started) y
				GROUP BY y.target_group_code, y.first, y.counted_from, y.held_on, y.paused""")
			.param("since", Timestamp.valueOf(start.minusYears(1).atStartOfDay()))
			.param("to", Timestamp.valueOf(to.plusMonths(1).atDay(1).atStartOfDay()))
			.param("from", Date.valueOf(start))
			.query(rs -> {
				Long paused = rs.getObject("paused") == null ? null : rs.getLong("paused");
				rows.add(new Row(new Asked(rs.getString("target_group_code"), rs.getDate("counted_from").toLocalDate(),
						rs.getBoolean("first"), paused), rs.getDate("held_on").toLocalDate(), rs.getLong("n")));
			});
		Map<Long, List<Timeliness.Pause>> pauses = timeliness
			.pausesOf(rows.stream().map(r -> r.asked().paused()).filter(Objects::nonNull).distinct().toList());
		for (Row row : rows) {
			Optional<Timeliness.Due> due = dues.computeIfAbsent(row.asked(), a -> timeliness.due(a.group(), a.day(),
					a.first(), a.paused() == null ? List.of() : pauses.getOrDefault(a.paused(), List.of())));
			if (due.isEmpty()) {
				continue;
			}
			long[] c = counts.computeIfAbsent(YearMonth.from(row.held()), k -> new long[2]);
			c[1] += row.n();
			if (!row.held().isAfter(due.get().date())) {
				c[0] += row.n();
			}
		}
		return counts;
	}
}
