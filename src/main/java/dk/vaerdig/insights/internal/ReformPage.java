package dk.vaerdig.insights.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.access.Team;
import dk.vaerdig.casework.ReformFigures;
import dk.vaerdig.casework.ReformFigures.Month;
import dk.vaerdig.casework.ReformFigures.MonthRule;
import dk.vaerdig.casework.ReformFigures.PersonAtRisk;
import dk.vaerdig.platform.Anonymity;
import dk.vaerdig.surveys.SurveySettings;

/**
 * The reform page's figures: per month the share exempted against the ceiling and the share who had the required job
 * conversations against the floor, each under the rule in force that month, with Wilson intervals and the anonymity
 * threshold of the survey dashboard; per team for one month (the rule on the teams and their complement); and the
 * persons at risk, grouped by team and caseworker, or as counts per team for those who may not read cases.
 */
@Service
public class ReformPage {

	/** One month: the rule, the two shares (hidden below the threshold) and whether the rule is kept. */
	public record MonthLine(YearMonth month, MonthRule rule, long group, Rate exemption, boolean overCeiling,
			long cohort, Rate conversations, boolean belowFloor, long firstRequired, long withoutFirst,
			boolean firstHidden) {
	}

	/** One team in the chosen month. */
	public record TeamLine(String team, Rate exemption, Rate conversations) {
	}

	/** The persons at risk of one caseworker, with names. */
	public record CaseworkerRisks(String team, String caseworker, List<RiskLine> people) {
	}

	public record RiskLine(long candidateId, String name, PersonAtRisk risk) {
	}

	/** The number of persons at risk in a team, for those who see no names (hidden below the threshold). */
	public record TeamRiskCount(String team, long count, boolean hidden) {
	}

	public record Figures(YearMonth from, YearMonth to, YearMonth month, List<MonthLine> months, List<TeamLine> teams,
			int threshold) {
	}

	private final ReformFigures reform;

	private final StaffDirectory staff;

	private final SurveySettings settings;

	private final Clock clock;

	ReformPage(ReformFigures reform, StaffDirectory staff, SurveySettings settings, Clock clock) {
		this.reform = reform;
		this.staff = staff;
		this.settings = settings;
		this.clock = clock;
	}

	/** The default period: the last 12 months, this one included. */
	public YearMonth[] defaultPeriod() {
		YearMonth now = YearMonth.now(clock);
		return new YearMonth[] { now.minusMonths(11), now };
	}

	public Figures figures(YearMonth from, YearMonth to, YearMonth month) {
		int threshold = settings.anonymityThreshold();
		if (from.isAfter(to) || from.plusYears(5).isBefore(to)) {
			from = to.minusMonths(11);
		}
		YearMonth chosen = month == null || month.isBefore(from) || month.isAfter(to) ? to : month;
		List<Month> perTeam = reform.perTeamOn(from, to, reform.today(), null);
		List<MonthLine> months = new ArrayList<>();
		for (Month m : reform.sum(perTeam, from, to)) {
			months.add(line(m, threshold));
		}
		List<Month> teamsOfMonth = perTeam.stream().filter(m -> m.month().equals(chosen)).toList();
		return new Figures(from, to, chosen, months, teams(teamsOfMonth, threshold), threshold);
	}

	private static MonthLine line(Month m, int threshold) {
		Rate exemption = Rate.of(m.exempted(), m.group(), threshold);
		Rate conversations = Rate.of(m.met(), m.cohort(), threshold);
		MonthRule r = m.rule();
		boolean over = r.inForce() && !exemption.hidden() && m.exempted() * 100 > (long) r.ceilingPercent() * m.group();
		boolean below = r.inForce() && !conversations.hidden() && m.met() * 100 < (long) r.floorPercent() * m.cohort();
		return new MonthLine(m.month(), r, m.group(), exemption, over, m.cohort(), conversations, below,
				m.firstRequired(), m.withoutFirst(), m.firstRequired() < threshold);
	}

	private List<TeamLine> teams(List<Month> rows, int threshold) {
		Map<Long, String> names = teamNames();
		boolean[] byGroup = Anonymity.suppress(rows, Month::group, threshold, true).cells();
		boolean[] byCohort = Anonymity.suppress(rows, Month::cohort, threshold, true).cells();
		List<TeamLine> lines = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Month m = rows.get(i);
			Rate e = Rate.of(m.exempted(), m.group(), threshold);
			Rate c = Rate.of(m.met(), m.cohort(), threshold);
			lines.add(new TeamLine(names.getOrDefault(m.teamId(), String.valueOf(m.teamId())), byGroup[i] ? e.hide() : e,
					byCohort[i] ? c.hide() : c));
		}
		lines.sort(Comparator.comparing(TeamLine::team));
		return lines;
	}

	private Map<Long, String> teamNames() {
		Map<Long, String> names = new HashMap<>();
		for (Team t : staff.teams()) {
			names.put(t.id(), t.name());
		}
		return names;
	}

	/** The persons at risk whose names the viewer may see, by team and caseworker; names from {@code names}. */
	public List<CaseworkerRisks> atRisk(List<PersonAtRisk> risks, Map<Long, String> names) {
		Map<Long, String> teams = teamNames();
		Map<String, CaseworkerRisks> groups = new LinkedHashMap<>();
		risks.stream()
			.filter(r -> names.containsKey(r.candidateId()))
			.sorted(Comparator.comparing((PersonAtRisk r) -> teams.getOrDefault(r.teamId(), ""))
				.thenComparing(PersonAtRisk::caseworker)
				.thenComparingInt(PersonAtRisk::workingDaysLeft))
			.forEach(r -> {
				String team = teams.getOrDefault(r.teamId(), String.valueOf(r.teamId()));
				String caseworker = staff.find(r.caseworker()).map(StaffMember::displayName).orElse(r.caseworker());
				groups.computeIfAbsent(team + "/" + r.caseworker(), k -> new CaseworkerRisks(team, caseworker, new ArrayList<>()))
					.people()
					.add(new RiskLine(r.candidateId(), names.get(r.candidateId()), r));
			});
		return List.copyOf(groups.values());
	}

	/** The persons at risk counted per team, under the anonymity rule (for those who see no names). */
	public List<TeamRiskCount> atRiskCounts(List<PersonAtRisk> risks) {
		Map<Long, String> teams = teamNames();
		Map<String, Long> counts = new TreeMap<>();
		risks.forEach(r -> counts.merge(teams.getOrDefault(r.teamId(), String.valueOf(r.teamId())), 1L, Long::sum));
		List<Map.Entry<String, Long>> cells = new ArrayList<>(counts.entrySet());
		int threshold = settings.anonymityThreshold();
		boolean[] hidden = Anonymity.suppress(cells, Map.Entry::getValue, threshold, true).cells();
		List<TeamRiskCount> lines = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			lines.add(new TeamRiskCount(cells.get(i).getKey(), cells.get(i).getValue(), hidden[i]));
		}
		return lines;
	}

	public List<ReformFigures.GroupRule> groupRules() {
		return reform.groupRules();
	}

	public List<PersonAtRisk> risks(Long team) {
		return reform.atRisk(team);
	}
}
