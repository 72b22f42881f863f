package dk.vaerdig.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import dk.vaerdig.casework.internal.ReformCounts;
import dk.vaerdig.casework.internal.ReformCounts.AtRisk;
import dk.vaerdig.casework.internal.ReformCounts.Cells;
import dk.vaerdig.casework.internal.ReformCounts.ConversationCell;
import dk.vaerdig.casework.internal.ReformCounts.ExemptionCell;

/**
 * The reform's figures for other modules (insights: the reform page, yearly goals, the committee's report): per month
 * the share exempted against the 25 % ceiling and the share who had the required job conversations against the 75 %
 * floor, each month under the rules in force then (none before 1 July 2026), as counts without any person; and the
 * persons at risk now, as ids for pages that may show cases. Callers apply the anonymity rule. How the figures are
 * counted is in README, "The reform's rules".
 */
@Service
public class ReformFigures {

	/**
	 * The rule in force in a month (on its first day): the ceiling and floor in per cent, the window in months and the
	 * legal basis; {@code inForce} false (and the numbers 0) before 1 July 2026.
	 */
	public record MonthRule(YearMonth month, boolean inForce, int ceilingPercent, int floorPercent, int windowMonths,
			String legalBasis) {
	}

	/**
	 * One month's figures.
	 * @param group persons in the group that may be exempted on at least one day of the month
	 * @param exempted of those, exempted from conversations and/or offers on at least one such day
	 * @param cohort persons whose window (first 6 months) ended in the month, in a group under the 75 % rule
	 * @param met of those, who had the required number of job conversations in the window
	 * @param exemptedFromConversations of the cohort, exempted from job conversations in the window
	 * @param firstRequired of the cohort, job-ready persons not exempted, who must have had a first conversation
	 * @param withoutFirst of those, who had none
	 */
	public record Month(MonthRule rule, long teamId, long group, long exempted, long cohort, long met,
			long exemptedFromConversations, long firstRequired, long withoutFirst) {

		public YearMonth month() {
			return rule.month();
		}
	}

	/** A person inside the first 6 months who may be missed; see {@link ReformCounts#atRisk}. */
	public record PersonAtRisk(long candidateId, long teamId, String caseworker, String targetGroupCode,
			LocalDate windowStart, LocalDate windowLastDay, long held, int required, int workingDaysLeft,
			boolean cannotFit) {
	}

	private final ReformCounts counts;

	private final Clock clock;

	ReformFigures(ReformCounts counts, Clock clock) {
		this.counts = counts;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The rule in force in the month. */
	public MonthRule rule(YearMonth month) {
		return counts.rules()
			.ruleOn(month.atDay(1))
			.map(r -> new MonthRule(month, true, r.exemptionCeilingPercent(), r.conversationFloorPercent(),
					r.windowMonths(), r.legalBasis()))
			.orElse(new MonthRule(month, false, 0, 0, 0, ""));
	}

	/**
	 * The whole municipality's figures for the months {@code from} to {@code to} (both included), as they stand today
	 * (the month in progress counts up to today), one per month.
	 */
	public List<Month> months(YearMonth from, YearMonth to) {
		return monthsOn(from, to, today());
	}

	/** As {@link #months}, as they stand on {@code today}. */
	public List<Month> monthsOn(YearMonth from, YearMonth to, LocalDate today) {
		return sum(perTeamOn(from, to, today, null), from, to);
	}

	/** The figures per team and month (team 0 does not occur); a team with nobody counted in a month is left out. */
	public List<Month> perTeamOn(YearMonth from, YearMonth to, LocalDate today, Long team) {
		Cells cells = counts.cells(from, to, today, team);
		List<Month> rows = new ArrayList<>();
		Map<String, long[]> byKey = new TreeMap<>();
		for (ExemptionCell e : cells.exemptions()) {
			long[] v = byKey.computeIfAbsent(e.month() + "/" + e.teamId(), k -> new long[9]);
			v[0] = e.teamId();
			v[1] = e.group();
			v[2] = e.exempted();
		}
		for (ConversationCell c : cells.conversations()) {
			long[] v = byKey.computeIfAbsent(c.month() + "/" + c.teamId(), k -> new long[9]);
			v[0] = c.teamId();
			v[3] = c.cohort();
			v[4] = c.met();
			v[5] = c.exempted();
			v[6] = c.firstRequired();
			v[7] = c.withoutFirst();
		}
		byKey.forEach((key, v) -> rows.add(new Month(rule(YearMonth.parse(key.substring(0, 7))), v[0], v[1], v[2],
				v[3], v[4], v[5], v[6], v[7])));
		return rows;
	}

	/** Team rows summed per month; every month of the period is there (team 0: all teams). */
	public List<Month> sum(List<Month> rows, YearMonth from, YearMonth to) {
		List<Month> months = new ArrayList<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			long[] v = new long[7];
			for (Month r : rows) {
				if (r.month().equals(m)) {
					v[0] += r.group();
					v[1] += r.exempted();
					v[2] += r.cohort();
					v[3] += r.met();
					v[4] += r.exemptedFromConversations();
					v[5] += r.firstRequired();
					v[6] += r.withoutFirst();
				}
			}
			months.add(new Month(rule(m), 0, v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
		}
		return months;
	}

	/** The persons at risk today, of one team or (null) all. Reading their cases is the caller's to check and log. */
	public List<PersonAtRisk> atRisk(Long team) {
		return atRiskOn(today(), team);
	}

	public List<PersonAtRisk> atRiskOn(LocalDate today, Long team) {
		return counts.atRisk(today, team)
			.stream()
			.map((AtRisk a) -> new PersonAtRisk(a.candidateId(), a.teamId(), a.caseworker(), a.targetGroupCode(),
					a.windowStart(), a.windowLastDay(), a.held(), a.required(), a.workingDaysLeft(),
					a.reason() == ReformCounts.RiskReason.CANNOT_FIT))
			.toList();
	}

	/** What the rules say of one target group from a day: see V155. */
	public record GroupRule(String targetGroupCode, LocalDate validFrom, LocalDate validTo, boolean inExemptionGroup,
			Integer requiredConversations, boolean firstConversationRequired) {
	}

	/** The dated rules per target group, for the page's table of the rules. */
	public List<GroupRule> groupRules() {
		return counts.rules()
			.groupRules()
			.stream()
			.map(r -> new GroupRule(r.targetGroupCode(), r.validFrom(), r.validTo(), r.inExemptionGroup(),
					r.requiredConversations(), r.firstConversationRequired()))
			.toList();
	}
}
