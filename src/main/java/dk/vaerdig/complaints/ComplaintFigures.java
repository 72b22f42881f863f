package dk.vaerdig.complaints;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.complaints.internal.LearningActions;

/**
 * Complaints and learning as figures for other modules (insights' goals and the committee report): counts per month
 * and the learning actions with their theme and effect. No candidate, no team, no complaint text; callers apply the
 * anonymity rule.
 */
@Service
public class ComplaintFigures {

	/** A learning action as the committee sees it: what was done about which theme, and whether it worked. */
	public record LearningSummary(String theme, String title, String status, LocalDate deadline, String effect,
			LocalDate createdOn) {
	}

	/** A learning action's title and status, for a module that started it (a dialogue meeting's theme). */
	public record ActionState(long id, String title, String status, String effect) {
	}

	private final JdbcClient jdbc;

	private final LearningActions actions;

	ComplaintFigures(JdbcClient jdbc, LearningActions actions) {
		this.jdbc = jdbc;
		this.actions = actions;
	}

	/**
	 * Starts a learning action on a theme raised elsewhere (a dialogue meeting), with an owner, a deadline and the day
	 * its effect is to be checked (not before the deadline); it then lives on the learning page like any other.
	 */
	public long startLearningAction(String theme, String title, String description, String owner,
			LocalDate deadline, LocalDate followUpOn, String by) {
		return actions.create(theme, title, description, owner, deadline, followUpOn, by);
	}

	/** The state of the learning actions by id (those that exist). */
	public Map<Long, ActionState> actionStates(Collection<Long> ids) {
		Map<Long, ActionState> states = new HashMap<>();
		if (ids.isEmpty()) {
			return states;
		}
		jdbc.sql("SELECT id, title, status, effect FROM learning_action WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(ActionState.class)
			.list()
			.forEach(a -> states.put(a.id(), a));
		return states;
	}

	/** The themes in use (on complaints, on survey comments, on learning actions), for choosing one. */
	public List<String> knownThemes() {
		return jdbc.sql("""
				SELECT theme FROM complaint_theme UNION SELECT theme FROM comment_theme
				UNION SELECT theme FROM learning_action ORDER BY 1 LIMIT 200""")
			.query(String.class)
			.list();
	}

	/** Complaints received per month, from {@code from} to {@code to} (months, both included). */
	public Map<YearMonth, Long> receivedPerMonth(YearMonth from, YearMonth to) {
		Map<YearMonth, Long> counts = new TreeMap<>();
		jdbc.sql("""
				SELECT CAST(date_trunc('month', received_on) AS DATE) AS month, count(*) AS n FROM complaint
				WHERE received_on >= ? AND received_on < ? GROUP BY 1""")
			.params(Date.valueOf(from.atDay(1)), Date.valueOf(to.plusMonths(1).atDay(1)))
			.query(rs -> {
				counts.put(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * The learning actions that were open at some time in the period (created before its end, and not finished before
	 * its start as far as the record tells: created in it, still open, or with a deadline in it), oldest first.
	 */
	public List<LearningSummary> learningInPeriod(LocalDate from, LocalDate toExclusive) {
		return jdbc.sql("""
				SELECT theme, title, status, deadline, effect, CAST(created_at AS DATE) AS created_on FROM learning_action
				WHERE created_at < :to AND (created_at >= :from OR status = 'OPEN' OR deadline >= :from)
				ORDER BY created_at, id""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(toExclusive))
			.query(LearningSummary.class)
			.list();
	}
}
