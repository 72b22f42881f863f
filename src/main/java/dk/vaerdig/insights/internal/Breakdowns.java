package dk.vaerdig.insights.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dk.vaerdig.insights.internal.SurveyDashboards.GroupRow;
import dk.vaerdig.platform.Anonymity;
import dk.vaerdig.surveys.SurveyFigures.GroupCount;

/**
 * The dashboard's breakdowns (departments and their teams, months) as rows, with the anonymity rule of
 * {@link Anonymity} applied twice: to the answers of each cell, and to the n behind its share (respondents, or the
 * answers to one question), since both could otherwise be worked out by subtraction from the totals shown.
 */
final class Breakdowns {

	private Breakdowns() {
	}

	/** The teams' counts added up per department, in the order of {@code departments}. */
	static List<GroupCount> departments(List<GroupCount> teams, List<String> departments,
			Function<String, String> departmentOfTeam) {
		Map<String, GroupCount> sums = new LinkedHashMap<>();
		departments.forEach(d -> sums.put(d, new GroupCount(d, 0, 0, 0, 0)));
		for (GroupCount c : teams) {
			String d = departmentOfTeam.apply(c.key());
			GroupCount a = sums.get(d);
			sums.put(d, new GroupCount(d, a.answers() + c.answers(), a.invited() + c.invited(), a.n() + c.n(),
					a.satisfied() + c.satisfied()));
		}
		return List.copyOf(sums.values());
	}

	/** Departments and teams, each team in one department: the nested rule, on the answers and then on the n. */
	static List<List<GroupRow>> nested(List<GroupCount> departments, List<GroupCount> teams, int[] departmentOfTeam,
			Function<String, String> teamLabel, int threshold) {
		Anonymity.Suppression[] byAnswers = Anonymity.nested(departments.stream().map(GroupCount::answers).toList(),
				teams.stream().map(GroupCount::answers).toList(), departmentOfTeam, threshold);
		Anonymity.Suppression[] byN = Anonymity.nested(departments.stream().map(GroupCount::n).toList(),
				teams.stream().map(GroupCount::n).toList(), departmentOfTeam, threshold);
		return List.of(rows(departments, k -> k, or(byAnswers[0], byN[0]), threshold),
				rows(teams, teamLabel, or(byAnswers[1], byN[1]), threshold));
	}

	/** One breakdown whose total is shown (such as the months of the period): the rule on the answers and the n. */
	static List<GroupRow> flat(List<GroupCount> cells, Function<String, String> label, int threshold) {
		Anonymity.Suppression byAnswers = Anonymity.suppress(cells, GroupCount::answers, threshold, true);
		Anonymity.Suppression byN = Anonymity.suppress(cells, GroupCount::n, threshold, true, byAnswers.cells());
		return rows(cells, label, or(byAnswers.cells(), byN.cells()), threshold);
	}

	/**
	 * Every month from {@code from} to {@code to} (keys yyyy-MM-01), with zeros where the rollups have nothing, so a
	 * month without answers is a gap in the trend instead of being left out. At most ten years; for a longer period
	 * only the months with figures.
	 */
	static List<GroupCount> everyMonth(List<GroupCount> months, LocalDate from, LocalDate to) {
		if (from == null || to == null || from.isAfter(to) || from.plusYears(10).isBefore(to)) {
			return months;
		}
		Map<String, GroupCount> byKey = new LinkedHashMap<>();
		months.forEach(m -> byKey.put(m.key(), m));
		List<GroupCount> all = new ArrayList<>();
		for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
			all.add(byKey.getOrDefault(m.toString(), new GroupCount(m.toString(), 0, 0, 0, 0)));
		}
		return all;
	}

	private static boolean[] or(Anonymity.Suppression a, Anonymity.Suppression b) {
		return or(a.cells(), b.cells());
	}

	private static boolean[] or(boolean[] a, boolean[] b) {
		boolean[] c = new boolean[a.length];
		for (int i = 0; i < a.length; i++) {
			c[i] = a[i] || b[i];
		}
		return c;
	}

	private static List<GroupRow> rows(List<GroupCount> counts, Function<String, String> label, boolean[] hide,
			int threshold) {
		List<GroupRow> rows = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			GroupCount c = counts.get(i);
			Rate response = Rate.of(Math.min(c.answers(), c.invited()), c.invited(), threshold);
			Rate satisfied = Rate.of(c.satisfied(), c.n(), threshold);
			rows.add(new GroupRow(c.key(), label.apply(c.key()), c.answers(), c.invited(),
					hide[i] ? response.hide() : response, hide[i] ? satisfied.hide() : satisfied, hide[i]));
		}
		return rows;
	}
}
