package dk.vaerdig.casework;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The closed courses as figures for other modules (insights): no candidate, no name, only the team and target group
 * of the course when it was closed, its dates and outcome, and whether the person came back. A closing that was
 * withdrawn as a mistake (reopened as a correction) is not a closed course. Callers apply the anonymity rule.
 */
@Service
public class ClosedCourses {

	/**
	 * One closed course.
	 * @param returnedOn the day a new course began for the same person, or null while none has
	 * @param backWithin3Months true or false once known: a new course began within 3 months of the closing (true), or
	 * 3 months have passed without one (false); null while neither is the case yet
	 * @param backWithin12Months the same for 12 months
	 */
	public record ClosedCourse(long teamId, String targetGroupCode, LocalDate courseStarted, LocalDate closedOn,
			CourseOutcome outcome, Double weeklyHours, LocalDate returnedOn, Boolean backWithin3Months,
			Boolean backWithin12Months) {
	}

	private final JdbcClient jdbc;

	ClosedCourses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The courses closed from {@code from} up to but not including {@code to}, as they stand on {@code today}. */
	public List<ClosedCourse> closedBetween(LocalDate from, LocalDate to, LocalDate today) {
		return jdbc.sql("""
				SELECT team_id, target_group_code, course_started, closed_on, outcome, weekly_hours,
				       CASE WHEN reopen_kind = 'NEW_COURSE' THEN reopened_on END AS returned_on,
				       CASE WHEN back_within_3_months IS NOT NULL THEN back_within_3_months
				            WHEN closed_on + interval '3 months' <= :today THEN FALSE END AS back3,
				       CASE WHEN back_within_12_months IS NOT NULL THEN back_within_12_months
				            WHEN closed_on + interval '12 months' <= :today THEN FALSE END AS back12
				FROM course_outcome
				WHERE closed_on >= :from AND closed_on < :to AND (reopen_kind IS NULL OR reopen_kind <> 'CORRECTION')
				ORDER BY closed_on, id""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new ClosedCourse(rs.getLong("team_id"), rs.getString("target_group_code"),
					rs.getDate("course_started").toLocalDate(), rs.getDate("closed_on").toLocalDate(),
					CourseOutcome.valueOf(rs.getString("outcome")),
					rs.getBigDecimal("weekly_hours") == null ? null : rs.getBigDecimal("weekly_hours").doubleValue(),
					rs.getDate("returned_on") == null ? null : rs.getDate("returned_on").toLocalDate(),
					(Boolean) rs.getObject("back3"), (Boolean) rs.getObject("back12")))
			.list();
	}
}
