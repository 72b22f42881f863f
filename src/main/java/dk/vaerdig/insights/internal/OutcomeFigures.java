package dk.vaerdig.insights.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.Team;
import dk.vaerdig.casework.ClosedCourses;
import dk.vaerdig.casework.ClosedCourses.ClosedCourse;
import dk.vaerdig.casework.CourseOutcome;
import dk.vaerdig.platform.Anonymity;
import dk.vaerdig.surveys.SurveyFigures;
import dk.vaerdig.surveys.SurveyFigures.CellCount;
import dk.vaerdig.surveys.SurveySettings;

/**
 * The outcomes of closed courses per team, target group and month of closing, with Wilson intervals and the anonymity
 * rule of the survey dashboard (a group of fewer courses than the threshold is hidden, and so is its complement), and
 * beside them the dignity figures: the share in job among courses whose meetings were rated better than the
 * municipality's average and among the others.
 * <p>
 * Survey answers are anonymous and never linked to a meeting or a person, so a course's rating is that of the rollup
 * cells it lies in: the respondents about meetings of its team (when closed) with its target group in the months from
 * its start to its closing. That is an association between groups of courses, not a causal effect, and not the
 * person's own answer; the page says so.
 */
@Service
public class OutcomeFigures {

	/** The dignity groups: rated better than the reference, the others, and too few answers to say. */
	public enum Rating {
		BETTER, NOT_BETTER, TOO_FEW_ANSWERS
	}

	/**
	 * A row of a breakdown: the closed courses, the share of each outcome (in the order of {@link CourseOutcome}), the
	 * share in a job, and the shares back on benefits within 3 and 12 months of those whose 3 (12) months are known.
	 */
	public record Row(String key, String label, long courses, boolean hidden, List<Rate> outcomes, Rate job, Rate back3,
			Rate back12) {
	}

	/** A dignity group: its courses and their share in a job. */
	public record DignityRow(Rating rating, long courses, boolean hidden, Rate job) {
	}

	public record Figures(YearMonth from, YearMonth to, Row total, List<Row> teams, List<Row> targetGroups,
			List<Row> months, List<DignityRow> dignity, Rate reference, int threshold) {
	}

	private final ClosedCourses closedCourses;

	private final SurveyFigures surveys;

	private final StaffDirectory staff;

	private final SurveySettings settings;

	private final Clock clock;

	OutcomeFigures(ClosedCourses closedCourses, SurveyFigures surveys, StaffDirectory staff, SurveySettings settings,
			Clock clock) {
		this.closedCourses = closedCourses;
		this.surveys = surveys;
		this.staff = staff;
		this.settings = settings;
		this.clock = clock;
	}

	/** The default period: the last 12 months, this one included. */
	public YearMonth[] defaultPeriod() {
		YearMonth now = YearMonth.now(clock);
		return new YearMonth[] { now.minusMonths(11), now };
	}

	/** The figures of the courses closed in the months {@code from} to {@code to}, both included. */
	public Figures figures(YearMonth from, YearMonth to) {
		int threshold = settings.anonymityThreshold();
		LocalDate today = LocalDate.now(clock);
		List<ClosedCourse> courses = from.isAfter(to) ? List.of()
				: closedCourses.closedBetween(from.atDay(1), to.plusMonths(1).atDay(1), today);
		Map<String, long[]> cells = cells(courses);
		Rate reference = reference(courses, cells);
		Row total = rows(List.of(courses), List.of("total"), k -> k, threshold, false).get(0);
		Map<String, String> teamNames = new HashMap<>();
		for (Team t : staff.teams()) {
			teamNames.put(String.valueOf(t.id()), t.name());
		}
		Map<String, List<ClosedCourse>> byTeam = group(courses, c -> String.valueOf(c.teamId()));
		Map<String, List<ClosedCourse>> byGroup = group(courses, ClosedCourse::targetGroupCode);
		Map<String, List<ClosedCourse>> byMonth = new LinkedHashMap<>();
		if (!from.isAfter(to) && !from.plusYears(10).isBefore(to)) {
			for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
				byMonth.put(m.toString(), new ArrayList<>());
			}
		}
		courses.forEach(c -> byMonth.computeIfAbsent(YearMonth.from(c.closedOn()).toString(), k -> new ArrayList<>()).add(c));
		return new Figures(from, to, total,
				rows(new ArrayList<>(byTeam.values()), new ArrayList<>(byTeam.keySet()),
						k -> teamNames.getOrDefault(k, k), threshold, true),
				rows(new ArrayList<>(byGroup.values()), new ArrayList<>(byGroup.keySet()), k -> k, threshold, true),
				rows(new ArrayList<>(byMonth.values()), new ArrayList<>(byMonth.keySet()), k -> k, threshold, true),
				dignity(courses, cells, reference, threshold), reference, threshold);
	}

	private static Map<String, List<ClosedCourse>> group(List<ClosedCourse> courses, Function<ClosedCourse, String> key) {
		Map<String, List<ClosedCourse>> groups = new TreeMap<>();
		courses.forEach(c -> groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
		return groups;
	}

	/**
	 * The rows of one breakdown whose total is shown: the rule on the courses of each group, then on the courses whose
	 * 3 and 12 months are known (the n of those shares), each adding to what is hidden already.
	 */
	private static List<Row> rows(List<List<ClosedCourse>> groups, List<String> keys, Function<String, String> label,
			int threshold, boolean breakdown) {
		boolean[] hidden = new boolean[groups.size()];
		boolean[] hidden3 = hidden;
		boolean[] hidden12 = hidden;
		if (breakdown) {
			hidden = Anonymity.suppress(groups, g -> g.size(), threshold, true).cells();
			hidden3 = Anonymity.suppress(groups, g -> known(g, true), threshold, true, hidden).cells();
			hidden12 = Anonymity.suppress(groups, g -> known(g, false), threshold, true, hidden).cells();
		}
		else {
			hidden = new boolean[] { groups.get(0).size() < threshold };
			hidden3 = hidden;
			hidden12 = hidden;
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < groups.size(); i++) {
			List<ClosedCourse> g = groups.get(i);
			long n = g.size();
			List<Rate> outcomes = new ArrayList<>();
			for (CourseOutcome o : CourseOutcome.values()) {
				Rate r = Rate.of(g.stream().filter(c -> c.outcome() == o).count(), n, threshold);
				outcomes.add(hidden[i] ? r.hide() : r);
			}
			Rate job = Rate.of(g.stream().filter(c -> c.outcome().isJob()).count(), n, threshold);
			Rate back3 = Rate.of(g.stream().filter(c -> Boolean.TRUE.equals(c.backWithin3Months())).count(), known(g, true),
					threshold);
			Rate back12 = Rate.of(g.stream().filter(c -> Boolean.TRUE.equals(c.backWithin12Months())).count(),
					known(g, false), threshold);
			rows.add(new Row(keys.get(i), label.apply(keys.get(i)), n, hidden[i], outcomes, hidden[i] ? job.hide() : job,
					hidden3[i] ? back3.hide() : back3, hidden12[i] ? back12.hide() : back12));
		}
		return rows;
	}

	private static long known(List<ClosedCourse> g, boolean threeMonths) {
		return g.stream().filter(c -> (threeMonths ? c.backWithin3Months() : c.backWithin12Months()) != null).count();
	}

	/** The courses' rollup cells, keyed by team, target group and month. */
	private Map<String, long[]> cells(List<ClosedCourse> courses) {
		Map<String, long[]> cells = new HashMap<>();
		if (courses.isEmpty()) {
			return cells;
		}
		LocalDate first = courses.stream().map(ClosedCourse::courseStarted).min(LocalDate::compareTo).orElseThrow();
		LocalDate last = courses.stream().map(ClosedCourse::closedOn).max(LocalDate::compareTo).orElseThrow();
		for (CellCount c : surveys.respondentsByCell(first.withDayOfMonth(1), last.withDayOfMonth(1))) {
			cells.put(c.teamId() + "|" + c.targetGroupCode() + "|" + YearMonth.from(c.month()),
					new long[] { c.respondents(), c.positive() });
		}
		return cells;
	}

	/** Respondents and positive ones about the meetings of the course's team and target group in its months. */
	private static long[] ratingOf(ClosedCourse c, Map<String, long[]> cells) {
		long[] sum = new long[2];
		YearMonth last = YearMonth.from(c.closedOn());
		for (YearMonth m = YearMonth.from(c.courseStarted()); !m.isAfter(last); m = m.plusMonths(1)) {
			long[] cell = cells.get(c.teamId() + "|" + c.targetGroupCode() + "|" + m);
			if (cell != null) {
				sum[0] += cell[0];
				sum[1] += cell[1];
			}
		}
		return sum;
	}

	/**
	 * The reference: the share of positive respondents in the cells the courses lie in, each cell counted once, so
	 * "better" means better than the meetings of these courses' teams and target groups on average.
	 */
	private Rate reference(List<ClosedCourse> courses, Map<String, long[]> cells) {
		Set<String> used = new HashSet<>();
		for (ClosedCourse c : courses) {
			YearMonth last = YearMonth.from(c.closedOn());
			for (YearMonth m = YearMonth.from(c.courseStarted()); !m.isAfter(last); m = m.plusMonths(1)) {
				used.add(c.teamId() + "|" + c.targetGroupCode() + "|" + m);
			}
		}
		long respondents = 0;
		long positive = 0;
		for (String key : used) {
			long[] cell = cells.get(key);
			if (cell != null) {
				respondents += cell[0];
				positive += cell[1];
			}
		}
		return Rate.of(positive, respondents, settings.anonymityThreshold());
	}

	private static List<DignityRow> dignity(List<ClosedCourse> courses, Map<String, long[]> cells, Rate reference,
			int threshold) {
		Map<Rating, List<ClosedCourse>> groups = new LinkedHashMap<>();
		for (Rating r : Rating.values()) {
			groups.put(r, new ArrayList<>());
		}
		for (ClosedCourse c : courses) {
			long[] r = ratingOf(c, cells);
			Rating rating = r[0] < threshold || reference.hidden() ? Rating.TOO_FEW_ANSWERS
					: (double) r[1] / r[0] > reference.share() ? Rating.BETTER : Rating.NOT_BETTER;
			groups.get(rating).add(c);
		}
		List<List<ClosedCourse>> cellsOfRule = new ArrayList<>(groups.values());
		boolean[] hidden = Anonymity.suppress(cellsOfRule, g -> g.size(), threshold, true).cells();
		List<DignityRow> rows = new ArrayList<>();
		int i = 0;
		for (Map.Entry<Rating, List<ClosedCourse>> e : groups.entrySet()) {
			List<ClosedCourse> g = e.getValue();
			Rate job = Rate.of(g.stream().filter(c -> c.outcome().isJob()).count(), g.size(), threshold);
			rows.add(new DignityRow(e.getKey(), g.size(), hidden[i], hidden[i] ? job.hide() : job));
			i++;
		}
		return rows;
	}
}
