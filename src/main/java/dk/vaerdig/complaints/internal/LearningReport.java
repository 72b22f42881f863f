package dk.vaerdig.complaints.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.Team;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.complaints.ComplaintSettings;
import dk.vaerdig.platform.Anonymity;

/**
 * The monthly learning report: complaints per 1,000 meetings by team, the themes, the trend over twelve months and
 * the learning actions with their effect. Small counts are hidden (and their complement), so no candidate in a small
 * group can be recognised.
 */
@Service
public class LearningReport {

	public record Row(String label, long complaints, long meetings, boolean hidden) {

		public double perThousand() {
			return meetings == 0 ? 0 : complaints * 1000.0 / meetings;
		}
	}

	/** {@code totalHidden}: the month's number of complaints is below the threshold, or would give a team away. */
	public record Report(YearMonth month, long complaints, long meetings, boolean totalHidden, List<Row> teams,
			List<Row> themes, List<Row> trend, List<LearningActions.Action> actions, int threshold) {

		public double perThousand() {
			return meetings == 0 ? 0 : complaints * 1000.0 / meetings;
		}
	}

	private final JdbcClient jdbc;

	private final Casework casework;

	private final StaffDirectory staff;

	private final LearningActions actions;

	private final ComplaintSettings settings;

	LearningReport(JdbcClient jdbc, Casework casework, StaffDirectory staff, LearningActions actions,
			ComplaintSettings settings) {
		this.jdbc = jdbc;
		this.casework = casework;
		this.staff = staff;
		this.actions = actions;
		this.settings = settings;
	}

	public Report report(YearMonth month) {
		int threshold = settings.anonymityThreshold();
		LocalDate from = month.minusMonths(11).atDay(1);
		LocalDate to = month.plusMonths(1).atDay(1);
		var meetings = casework.meetingsHeld(from, to);
		Map<Long, Map<LocalDate, Long>> complaints = new HashMap<>();
		jdbc.sql("""
				SELECT team_id, CAST(date_trunc('month', received_on) AS DATE) AS month, count(*) AS n FROM complaint
				WHERE received_on >= ? AND received_on < ? GROUP BY 1, 2""")
			.params(from, to)
			.query(rs -> {
				complaints.computeIfAbsent(rs.getLong("team_id"), k -> new HashMap<>())
					.put(rs.getDate("month").toLocalDate(), rs.getLong("n"));
			});
		LocalDate first = month.atDay(1);
		List<Row> teams = new ArrayList<>();
		for (Team t : staff.teams()) {
			teams.add(new Row(t.name(), complaints.getOrDefault(t.id(), Map.of()).getOrDefault(first, 0L),
					meetings.getOrDefault(t.id(), Map.of()).getOrDefault(first, 0L), false));
		}
		List<Row> trend = new ArrayList<>();
		for (YearMonth m = month.minusMonths(11); !m.isAfter(month); m = m.plusMonths(1)) {
			LocalDate d = m.atDay(1);
			trend.add(new Row(m.toString(), complaints.values().stream().mapToLong(x -> x.getOrDefault(d, 0L)).sum(),
					meetings.values().stream().mapToLong(x -> x.getOrDefault(d, 0L)).sum(), false));
		}
		List<Row> themes = jdbc.sql("""
				SELECT t.theme AS label, count(*) AS complaints, 0 AS meetings, FALSE AS hidden
				FROM complaint_theme t JOIN complaint c ON c.id = t.complaint_id
				WHERE c.received_on >= ? AND c.received_on < ? GROUP BY t.theme ORDER BY count(*) DESC, t.theme""")
			.params(first, month.plusMonths(1).atDay(1))
			.query(Row.class)
			.list();
		long total = teams.stream().mapToLong(Row::complaints).sum();
		long totalMeetings = teams.stream().mapToLong(Row::meetings).sum();
		// a theme's rate is per 1,000 of all the month's meetings
		themes = themes.stream().map(t -> new Row(t.label(), t.complaints(), totalMeetings, false)).toList();
		Anonymity.Suppression byTeam = suppression(teams, threshold, true);
		// a complaint can have several themes or none, but where they add up to the total, subtraction works on them too
		Anonymity.Suppression byTheme = suppression(themes, threshold, true);
		// no total of the twelve months is shown, so each month stands on its own (this month's is the total above)
		Anonymity.Suppression byMonth = suppression(trend, threshold, false);
		return new Report(month, total, totalMeetings, byTeam.total(), apply(teams, byTeam), apply(themes, byTheme),
				apply(trend, byMonth), actions.all(), threshold);
	}

	/**
	 * The anonymity rule ({@link Anonymity}) on the non-empty rows of a breakdown: small counts are hidden, and so is
	 * their complement; empty rows reveal nothing and stay. The suppression's cells are indexed by row.
	 */
	static Anonymity.Suppression suppression(List<Row> rows, int threshold, boolean totalShown) {
		List<Row> nonEmpty = rows.stream().filter(r -> r.complaints() > 0).toList();
		Anonymity.Suppression s = Anonymity.suppress(nonEmpty, Row::complaints, threshold, totalShown);
		boolean[] byRow = new boolean[rows.size()];
		int i = 0;
		for (int r = 0; r < rows.size(); r++) {
			byRow[r] = rows.get(r).complaints() > 0 && s.cell(i++);
		}
		return new Anonymity.Suppression(byRow, totalShown && s.total());
	}

	private static List<Row> apply(List<Row> rows, Anonymity.Suppression s) {
		List<Row> out = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			Row row = rows.get(r);
			out.add(new Row(row.label(), row.complaints(), row.meetings(), s.cell(r)));
		}
		return out;
	}
}
