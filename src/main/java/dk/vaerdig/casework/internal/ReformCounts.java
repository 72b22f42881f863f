package dk.vaerdig.casework.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import dk.vaerdig.casework.internal.ReformPeople.Window;
import dk.vaerdig.casework.internal.ReformRules.GroupRule;
import dk.vaerdig.casework.internal.ReformRules.Rule;
import dk.vaerdig.platform.WorkingDays;

/**
 * The reform's figures counted from the windows ({@link ReformPeople}) under the rules of each day
 * ({@link ReformRules}); how they are counted is in README, "The reform's rules".
 */
@Service
public class ReformCounts {

	/** The exemption share of one team in one month: persons in the group, and those of them exempted. */
	public record ExemptionCell(YearMonth month, long teamId, long group, long exempted) {
	}

	/**
	 * The 75 % rule of one team in one month: the persons whose window ended in the month (the cohort), those who
	 * had the required job conversations, those exempted from conversations, those who must have had a first
	 * conversation and those of them without one.
	 */
	public record ConversationCell(YearMonth month, long teamId, long cohort, long met, long exempted,
			long firstRequired, long withoutFirst) {
	}

	/** Why a person is at risk. */
	public enum RiskReason {
		/** The conversations still needed cannot be held at the group's interval before the window ends. */
		CANNOT_FIT,
		/** Fewer working days are left in the window than the rule's margin. */
		FEW_DAYS_LEFT
	}

	/** A person inside the window who may be missed by the 75 % rule. */
	public record AtRisk(long candidateId, long teamId, String caseworker, String targetGroupCode, LocalDate windowStart,
			LocalDate windowLastDay, long held, int required, int workingDaysLeft, RiskReason reason) {
	}

	private final ReformWindows windows;

	private final ReformRules rules;

	private final Timeliness timeliness;

	private final WorkingDays workingDays;

	private final ReformMonths months;

	ReformCounts(ReformWindows windows, ReformMonths months, ReformRules rules, Timeliness timeliness,
			WorkingDays workingDays) {
		this.windows = windows;
		this.months = months;
		this.rules = rules;
		this.timeliness = timeliness;
		this.workingDays = workingDays;
	}

	public ReformRules rules() {
		return rules;
	}

	private int windowMonths() {
		return rules.rules().stream().mapToInt(Rule::windowMonths).max().orElse(6);
	}

	/** Both figures for the months {@code from} to {@code to} (both included), as they stand on {@code today}. */
	public record Cells(List<ExemptionCell> exemptions, List<ConversationCell> conversations) {
	}

	/**
	 * The cells of the months as kept by {@link ReformMonths} (V204), after the stale candidates are worked out again
	 * ({@link ReformWindows#refresh}): a read sees every change committed before it.
	 */
	public Cells cells(YearMonth from, YearMonth to, LocalDate today, Long team) {
		windows.refresh();
		return months.cells(from, to, today, team);
	}

	/**
	 * The same cells counted from the windows themselves, month by month (what the kept figures must equal; tests
	 * compare the two).
	 */
	public Cells recount(YearMonth from, YearMonth to, LocalDate today, Long team) {
		List<ExemptionCell> exemptions = new ArrayList<>();
		List<ConversationCell> conversations = new ArrayList<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			if (rules.ruleOn(m.atEndOfMonth()).isEmpty() && rules.ruleOn(m.atDay(1)).isEmpty()) {
				continue;
			}
			List<Window> ws = windows.windows(m.atDay(1), m.plusMonths(1).atDay(1), team);
			exemptions.addAll(exemptions(ws, m, today));
			conversations.addAll(conversations(ws, m, today));
		}
		return new Cells(exemptions, conversations);
	}

	/**
	 * Per team: the persons who were in the group that may be exempted on at least one day of the month up to today
	 * (inside their window, the group as the rules of that day define it, not on sick leave), and those of them who
	 * were exempted from conversations and/or offers on at least one of those days.
	 */
	List<ExemptionCell> exemptions(List<Window> windows, YearMonth month, LocalDate today) {
		Map<Long, Set<Long>> group = new TreeMap<>();
		Map<Long, Set<Long>> exempted = new TreeMap<>();
		Map<String, List<Optional<GroupRule>>> memo = new HashMap<>();
		LocalDate last = month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today;
		for (Window w : windows) {
			for (LocalDate d = month.atDay(1); !d.isAfter(last); d = d.plusDays(1)) {
				if (!w.contains(d) || w.sickOn(d)) {
					continue;
				}
				Optional<GroupRule> rule = memo
					.computeIfAbsent(w.code(), code -> month.atDay(1)
						.datesUntil(month.plusMonths(1).atDay(1))
						.map(day -> rules.groupRuleOn(code, day))
						.toList())
					.get(d.getDayOfMonth() - 1);
				if (rule.isEmpty() || !rule.get().inExemptionGroup()) {
					continue;
				}
				group.computeIfAbsent(w.teamId(), k -> new HashSet<>()).add(w.candidateId());
				if (w.exemptedOn(d)) {
					exempted.computeIfAbsent(w.teamId(), k -> new HashSet<>()).add(w.candidateId());
				}
			}
		}
		List<ExemptionCell> cells = new ArrayList<>();
		group.forEach((team, persons) -> cells.add(new ExemptionCell(month, team, persons.size(),
				exempted.getOrDefault(team, Set.of()).size())));
		return cells;
	}

	/**
	 * Per team: the windows that ran their full length and whose last day lies in the month (before today), where the
	 * person's group on that day is under the 75 % rule then; a window with a day of sick leave is left out.
	 */
	List<ConversationCell> conversations(List<Window> windows, YearMonth month, LocalDate today) {
		Map<Long, long[]> counts = new TreeMap<>();
		for (Window w : windows) {
			LocalDate last = w.lastDay();
			if (!w.complete() || !YearMonth.from(last).equals(month) || !last.isBefore(today)
					|| w.sickDuring(w.start(), w.end())) {
				continue;
			}
			Optional<GroupRule> rule = rules.groupRuleOn(w.code(), last);
			if (rule.isEmpty() || !rule.get().underConversationRule()) {
				continue;
			}
			long held = w.heldBetween(w.start(), w.end());
			boolean exempted = dayIn(w, w::exemptedFromConversationsOn);
			long[] c = counts.computeIfAbsent(w.teamId(), k -> new long[5]);
			c[0]++;
			c[1] += held >= rule.get().requiredConversations() ? 1 : 0;
			c[2] += exempted ? 1 : 0;
			if (rule.get().firstConversationRequired() && !exempted) {
				c[3]++;
				c[4] += held == 0 ? 1 : 0;
			}
		}
		List<ConversationCell> cells = new ArrayList<>();
		counts.forEach((team, c) -> cells.add(new ConversationCell(month, team, c[0], c[1], c[2], c[3], c[4])));
		return cells;
	}

	private static boolean dayIn(Window w, Predicate<LocalDate> test) {
		for (LocalDate d = w.start(); d.isBefore(w.end()); d = d.plusDays(1)) {
			if (test.test(d)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The persons inside their window today, in a group under the 75 % rule, not exempted from conversations nor on
	 * sick leave today, who still need conversations, and for whom the conversations still needed cannot be held at
	 * the group's contact interval (the first today at the earliest) before the window ends, or fewer than the rule's
	 * margin of working days is left. Fewest working days left first.
	 */
	public List<AtRisk> atRisk(LocalDate today, Long team) {
		return atRisk(today, team, true);
	}

	/**
	 * As {@link #atRisk(LocalDate, Long)}, reading every window in progress near enough its end instead of only those
	 * whose kept first day at risk has come (what the kept day must never change; tests compare the two).
	 */
	public List<AtRisk> atRiskReadingEveryWindow(LocalDate today, Long team) {
		return atRisk(today, team, false);
	}

	private List<AtRisk> atRisk(LocalDate today, Long team, boolean keptStart) {
		Optional<Rule> rule = rules.ruleOn(today);
		if (rule.isEmpty()) {
			return List.of();
		}
		List<AtRisk> risks = new ArrayList<>();
		WorkingDaysAhead days = new WorkingDaysAhead(today, rule.get().windowMonths());
		// a person with k conversations missing (the number required today for the window's group, less those held
		// up to today) is at risk only with at most max(margin - 1, (k - 1) * interval) working days left: read only
		// the windows that end by then
		Map<String, Integer> requiredOf = new HashMap<>();
		int mostRequired = 0;
		int longestInterval = 0;
		for (String code : windows.codes()) {
			Optional<GroupRule> g = rules.groupRuleOn(code, today);
			if (g.isPresent() && g.get().underConversationRule()) {
				requiredOf.put(code, g.get().requiredConversations());
				mostRequired = Math.max(mostRequired, g.get().requiredConversations());
				longestInterval = Math.max(longestInterval, timeliness.ruleOn(rules.groupOn(code, today), today)
					.map(Timeliness.ContactRule::meetingIntervalWorkingDays)
					.orElse(0));
			}
		}
		List<LocalDate> lastDays = new ArrayList<>();
		for (int k = 1; k <= mostRequired; k++) {
			lastDays.add(days.lastDayWithAtMost(Math.max(rule.get().riskWorkingDays() - 1, (k - 1) * longestInterval)));
		}
		for (Window w : windows.windowsAt(today, requiredOf, lastDays, team, keptStart)) {
			if (!w.contains(today) || w.exemptedFromConversationsOn(today) || w.sickOn(today)) {
				continue;
			}
			Optional<GroupRule> groupRule = rules.groupRuleOn(w.code(), today);
			if (groupRule.isEmpty() || !groupRule.get().underConversationRule()) {
				continue;
			}
			int required = groupRule.get().requiredConversations();
			long held = w.heldBetween(w.start(), today.plusDays(1));
			long needed = required - held;
			if (needed <= 0) {
				continue;
			}
			String group = rules.groupOn(w.code(), today);
			int interval = timeliness.ruleOn(group, today).map(Timeliness.ContactRule::meetingIntervalWorkingDays).orElse(0);
			// the k-th working day from today (today itself the 0th when it is one) is days.get(k)
			int left = days.countThrough(w.lastDay());
			boolean fits = (needed - 1) * interval < left;
			RiskReason reason = !fits ? RiskReason.CANNOT_FIT
					: left < rule.get().riskWorkingDays() ? RiskReason.FEW_DAYS_LEFT : null;
			if (reason != null) {
				risks.add(new AtRisk(w.candidateId(), w.teamId(), w.caseworker(), group, w.start(), w.lastDay(), held,
						required, left, reason));
			}
		}
		risks.sort(Comparator.comparingInt(AtRisk::workingDaysLeft).thenComparingLong(AtRisk::candidateId));
		return risks;
	}

	/**
	 * The working days from today to the end of the longest window, counted once per list (the calendar asks
	 * Jollyday for every day): how many there are from today up to and including a day.
	 */
	private final class WorkingDaysAhead {

		private final LocalDate today;

		private final int[] through;

		WorkingDaysAhead(LocalDate today, int windowMonths) {
			this.today = today;
			int span = (int) ChronoUnit.DAYS.between(today, today.plusMonths(windowMonths + 1)) + 1;
			this.through = new int[span];
			int count = 0;
			for (int i = 0; i < span; i++) {
				count += workingDays.isWorkingDay(today.plusDays(i)) ? 1 : 0;
				through[i] = count;
			}
		}

		/**
		 * The last day up to which at most {@code count} working days lie from today (far in the future when the
		 * longest window ends first).
		 */
		LocalDate lastDayWithAtMost(int count) {
			if (through[through.length - 1] <= count) {
				return LocalDate.of(9999, 1, 1);
			}
			int i = 0;
			while (through[i + 1] <= count) {
				i++;
			}
			return through[0] > count ? today.minusDays(1) : today.plusDays(i);
		}

		/** Working days from today up to and including {@code day} (0 when it lies before today). */
		int countThrough(LocalDate day) {
			long i = ChronoUnit.DAYS.between(today, day);
			if (i < 0) {
				return 0;
			}
			return through[(int) Math.min(i, through.length - 1)];
		}
	}
}
