package dk.vaerdig.casework.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.vaerdig.casework.internal.ReformPeople.Window;
import dk.vaerdig.casework.internal.ReformRules.GroupRule;
import dk.vaerdig.casework.internal.ReformRules.Rule;
import dk.vaerdig.platform.WorkingDays;

/**
 * The first day a window may list its person as at risk ({@link ReformCounts#atRisk}), kept with the window
 * ({@code reform_window.at_risk_from}, V205), so the list reads by index only the windows that may be at risk today
 * instead of every window in progress. The day is found by asking the list's own question for each day of the window
 * (the rules, the contact interval and the held conversations as on that day), and then moved {@link #SLACK_DAYS}
 * earlier: the list asks the exact question again of every window it reads, so an early day costs a row read, never a
 * person missed (a closing day added to the calendar, which moves the true day a little earlier, is covered by it).
 */
@Component
class ReformRiskStart {

	/** Calendar days the kept day lies before the first day found. */
	static final int SLACK_DAYS = 21;

	private final ReformRules rules;

	private final Timeliness timeliness;

	private final WorkingDays workingDays;

	ReformRiskStart(ReformRules rules, Timeliness timeliness, WorkingDays workingDays) {
		this.rules = rules;
		this.timeliness = timeliness;
		this.workingDays = workingDays;
	}

	/** What the rules say on a day of a window's group: null when no one in the group can be at risk that day. */
	private record DayRule(int required, int interval, int margin) {
	}

	/** Answers per group and day, for one batch of windows. */
	final class Memo {

		private final Map<String, Map<LocalDate, Optional<DayRule>>> days = new HashMap<>();

		Optional<DayRule> on(String code, LocalDate day) {
			return days.computeIfAbsent(code, c -> new HashMap<>()).computeIfAbsent(day, d -> {
				Optional<Rule> rule = rules.ruleOn(d);
				Optional<GroupRule> group = rules.groupRuleOn(code, d);
				if (rule.isEmpty() || group.isEmpty() || !group.get().underConversationRule()) {
					return Optional.empty();
				}
				int interval = timeliness.ruleOn(rules.groupOn(code, d), d)
					.map(Timeliness.ContactRule::meetingIntervalWorkingDays)
					.orElse(0);
				return Optional.of(new DayRule(group.get().requiredConversations(), interval, rule.get().riskWorkingDays()));
			});
		}
	}

	Memo memo() {
		return new Memo();
	}

	/**
	 * The day from which the window may be at risk ({@link #SLACK_DAYS} before the first day it is), or null when it
	 * is at risk on none of its days.
	 */
	LocalDate of(Window w, Memo memo) {
		LocalDate last = w.lastDay();
		int length = (int) ChronoUnit.DAYS.between(w.start(), w.cut());
		if (length <= 0) {
			return null;
		}
		// left[i]: working days from the window's i-th day up to and including its last day
		int span = (int) ChronoUnit.DAYS.between(w.start(), last) + 1;
		int[] left = new int[span + 1];
		for (int i = span - 1; i >= 0; i--) {
			left[i] = left[i + 1] + (workingDays.isWorkingDay(w.start().plusDays(i)) ? 1 : 0);
		}
		int heldIndex = 0;
		long held = 0;
		for (int i = 0; i < length; i++) {
			LocalDate day = w.start().plusDays(i);
			while (heldIndex < w.held().size() && !w.held().get(heldIndex).isAfter(day)) {
				if (!w.held().get(heldIndex).isBefore(w.start())) {
					held++;
				}
				heldIndex++;
			}
			Optional<DayRule> rule = memo.on(w.code(), day);
			if (rule.isEmpty() || w.exemptedFromConversationsOn(day) || w.sickOn(day)) {
				continue;
			}
			long needed = rule.get().required() - held;
			if (needed <= 0) {
				continue;
			}
			int daysLeft = left[i];
			if ((needed - 1) * rule.get().interval() >= daysLeft || daysLeft < rule.get().margin()) {
				return day.minusDays(SLACK_DAYS);
			}
		}
		return null;
	}
}
