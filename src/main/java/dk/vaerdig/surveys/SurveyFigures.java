package dk.vaerdig.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Raw counts of the evaluation, read from the rollups (never from the answers), for the dashboards. Callers apply the
 * anonymity threshold; counts here are exact.
 */
@Service
public class SurveyFigures {

	/** A filter on months (first day of month, inclusive), team and target group; null means all. */
	public record Filter(LocalDate fromMonth, LocalDate toMonth, Long teamId, String targetGroupCode) {
	}

	/** Per question: answers with a score (n), of those 4 or 5 (satisfied), and "don't know". */
	public record QuestionCount(long questionId, String code, String text, long n, long satisfied, long dontKnow,
			long scoreSum) {
	}

	/**
	 * Per group (a team, or a month): answers, meetings held, and {@code satisfied} of {@code n}: for one question, its
	 * answers with a score and those positive (4 or 5); for none, the respondents (answers with a score on at least one
	 * question) and those positive on at least half of the questions they gave a score.
	 */
	public record GroupCount(String key, long answers, long invited, long n, long satisfied) {
	}

	private final JdbcClient jdbc;

	private final SurveySettings settings;

	private final Clock clock;

	SurveyFigures(JdbcClient jdbc, SurveySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	private static String where(Filter f, List<Object> params, String alias) {
		StringBuilder w = new StringBuilder(" WHERE TRUE");
		if (f.fromMonth() != null) {
			w.append(" AND ").append(alias).append(".month >= ?");
			params.add(f.fromMonth());
		}
		if (f.toMonth() != null) {
			w.append(" AND ").append(alias).append(".month <= ?");
			params.add(f.toMonth());
		}
		if (f.teamId() != null) {
			w.append(" AND ").append(alias).append(".team_id = ?");
			params.add(f.teamId());
		}
		if (f.targetGroupCode() != null && !f.targetGroupCode().isBlank()) {
			w.append(" AND ").append(alias).append(".target_group_code = ?");
			params.add(f.targetGroupCode());
		}
		return w.toString();
	}

	public List<QuestionCount> byQuestion(Filter f, Locale locale) {
		List<Object> params = new ArrayList<>();
		params.add(locale.getLanguage());
		String where = where(f, params, "r");
		return jdbc.sql("""
				SELECT q.id AS question_id, q.code, coalesce(t.text, d.text) AS text,
				       coalesce(sum(r.n), 0) AS n, coalesce(sum(r.satisfied), 0) AS satisfied,
				       coalesce(sum(r.dont_know), 0) AS dont_know, coalesce(sum(r.score_sum), 0) AS score_sum
				FROM survey_rollup_question r
				JOIN survey_question q ON q.id = r.question_id
				JOIN survey_question_text d ON d.question_id = q.id AND d.lang = 'da'
				LEFT JOIN survey_question_text t ON t.question_id = q.id AND t.lang = ?""" + where
				+ " GROUP BY q.id, q.code, q.position, t.text, d.text ORDER BY q.position, q.id")
			.params(params)
			.query(QuestionCount.class)
			.list();
	}

	/**
	 * Counts per team (key = team id) or per month (key = yyyy-MM-01): with a question code, that question's answers
	 * (each candidate once); without, the respondents and those positive overall (see {@link GroupCount}).
	 */
	public List<GroupCount> byGroup(Filter f, boolean byTeam, String questionCode) {
		String key = byTeam ? "CAST(team_id AS TEXT)" : "CAST(month AS TEXT)";
		List<Object> params = new ArrayList<>();
		String whereA = where(f, params, "a");
		String whereI = where(f, params, "i");
		String q;
		if (questionCode != null) {
			String whereQ = where(f, params, "r");
			params.add(questionCode);
			q = "SELECT " + key + " AS k, sum(n) AS n, sum(satisfied) AS satisfied FROM survey_rollup_question r" + whereQ
					+ " AND r.question_id IN (SELECT id FROM survey_question WHERE code = ?) GROUP BY 1";
		}
		else {
			String whereR = where(f, params, "r");
			q = "SELECT " + key + " AS k, sum(scored_respondents) AS n, sum(positive_respondents) AS satisfied"
					+ " FROM survey_rollup_answer r" + whereR + " GROUP BY 1";
		}
		return jdbc.sql("WITH a AS (SELECT " + key + " AS k, sum(answers) AS answers FROM survey_rollup_answer a" + whereA
				+ " GROUP BY 1), i AS (SELECT " + key + " AS k, sum(invited) AS invited FROM survey_rollup_invited i" + whereI
				+ " GROUP BY 1), q AS (" + q + ") "
				+ "SELECT coalesce(i.k, a.k) AS key, coalesce(a.answers, 0) AS answers, coalesce(i.invited, 0) AS invited, "
				+ "coalesce(q.n, 0) AS n, coalesce(q.satisfied, 0) AS satisfied "
				+ "FROM i FULL JOIN a ON a.k = i.k LEFT JOIN q ON q.k = coalesce(i.k, a.k) ORDER BY 1")
			.params(params)
			.query(GroupCount.class)
			.list();
	}

	/**
	 * Per rollup cell (team, target group, month of the meeting): the respondents and those positive overall (see
	 * {@link GroupCount}). Still counts of anonymous answers: no answer is linked to a meeting or a person.
	 */
	public record CellCount(long teamId, String targetGroupCode, LocalDate month, long respondents, long positive) {
	}

	/** The cells from {@code fromMonth} to {@code toMonth} (first days of months, inclusive) that have respondents. */
	public List<CellCount> respondentsByCell(LocalDate fromMonth, LocalDate toMonth) {
		return jdbc.sql("""
				SELECT team_id, target_group_code, month, sum(scored_respondents) AS respondents,
				       sum(positive_respondents) AS positive
				FROM survey_rollup_answer WHERE month >= ? AND month <= ? AND scored_respondents > 0
				GROUP BY team_id, target_group_code, month""")
			.params(fromMonth, toMonth)
			.query(CellCount.class)
			.list();
	}

	/** An anonymous comment with the random id of its answer, for tagging with themes. */
	public record Comment(UUID answerId, String comment, LocalDate month) {
	}

	/**
	 * The comments of the closed meeting months since {@code since} across the municipality (see
	 * {@link #comments(Filter, int, int)} for which and in what order), if there are at least {@code minimumAnswers}
	 * answers in those months (the stricter threshold for free text).
	 */
	public List<Comment> recentComments(LocalDate since, int minimumAnswers, int limit) {
		Filter f = closed(new Filter(since.withDayOfMonth(1), null, null, null));
		if (f == null || total(f).answers() < minimumAnswers) {
			return List.of();
		}
		return jdbc.sql("SELECT id AS answer_id, comment, meeting_month AS month FROM survey_answer a"
				+ " WHERE comment IS NOT NULL AND meeting_month >= ? AND meeting_month <= ? AND answered_on <= ?"
				+ " ORDER BY meeting_month DESC, id LIMIT " + Math.max(1, Math.min(limit, 200)))
			.params(f.fromMonth(), f.toMonth(), LocalDate.now(clock).minusDays(COMMENT_DELAY_DAYS))
			.query(Comment.class)
			.list();
	}

	/** A comment is shown at the earliest this many days after it was written. */
	public static final int COMMENT_DELAY_DAYS = 7;

	/**
	 * The last closed meeting month: it ended, and every invitation of its meetings has expired since, so no answer
	 * to it can come in any more (save from a meeting recorded late, which the week's delay covers).
	 */
	public LocalDate lastClosedMonth() {
		LocalDate today = LocalDate.now(clock);
		LocalDate month = today.withDayOfMonth(1).minusMonths(1);
		while (today.isBefore(month.plusMonths(1).plusDays(settings.invitationValidDays()))) {
			month = month.minusMonths(1);
		}
		return month;
	}

	/** The filter limited to closed meeting months; null if none is left. */
	Filter closed(Filter f) {
		LocalDate last = lastClosedMonth();
		LocalDate to = f.toMonth() == null || f.toMonth().isAfter(last) ? last : f.toMonth();
		if (f.fromMonth() != null && f.fromMonth().isAfter(to)) {
			return null;
		}
		return new Filter(f.fromMonth(), to, f.teamId(), f.targetGroupCode());
	}

	/** The target groups that have meetings in the rollups, for the dashboard's filter. */
	public List<String> targetGroups() {
		return jdbc.sql("SELECT DISTINCT target_group_code FROM survey_rollup_invited ORDER BY 1").query(String.class).list();
	}

	/** Answers and meetings held in all, for the filter. */
	public GroupCount total(Filter f) {
		List<Object> params = new ArrayList<>();
		String whereA = where(f, params, "a");
		String whereI = where(f, params, "i");
		return jdbc.sql("SELECT 'all' AS key, a.answers, (SELECT coalesce(sum(invited), 0) FROM survey_rollup_invited i"
				+ whereI + ") AS invited, a.n, a.satisfied FROM (SELECT coalesce(sum(answers), 0) AS answers,"
				+ " coalesce(sum(scored_respondents), 0) AS n, coalesce(sum(positive_respondents), 0) AS satisfied"
				+ " FROM survey_rollup_answer a" + whereA + ") a")
			.params(params)
			.query(GroupCount.class)
			.single();
	}

	/**
	 * The free-text comments of the filter's answers, so that none can be tied to a meeting: only of closed meeting
	 * months ({@link #lastClosedMonth()}) and written at least {@value #COMMENT_DELAY_DAYS} days ago; the newest month
	 * first, and within a month in the order of the answers' random ids (fixed, but unrelated to when they came). Only
	 * if the filter's closed months have at least {@code minimumAnswers} answers (comments are more revealing than
	 * numbers, so their threshold is stricter).
	 */
	public List<String> comments(Filter f, int minimumAnswers, int limit) {
		Filter closed = closed(f);
		if (closed == null || total(closed).answers() < minimumAnswers) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		String where = where(closed, params, "a").replace("a.month", "a.meeting_month");
		params.add(LocalDate.now(clock).minusDays(COMMENT_DELAY_DAYS));
		// this order is the order of the indexes of V66, so only the rows shown are read. The limit is written into
		// the SQL: as a parameter, PostgreSQL's generic plan for it was 600 ms slower
		return jdbc.sql("SELECT comment FROM survey_answer a" + where
				+ " AND a.answered_on <= ? AND comment IS NOT NULL ORDER BY a.meeting_month DESC, a.id LIMIT "
				+ Math.max(1, Math.min(limit, 200)))
			.params(params)
			.query(String.class)
			.list();
	}
}
