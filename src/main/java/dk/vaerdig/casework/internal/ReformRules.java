package dk.vaerdig.casework.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * The reform's rules as dated data ({@code reform_rule}, {@code reform_group_rule}, V155), like the contact rules: the
 * rule of a day is the row valid that day, and a target group that no longer exists on a day (the 13 groups end on 1
 * January 2027) counts as its successor ({@code target_group.successor_code}). Read at most once a minute.
 */
@Service
public class ReformRules {

	/** The numbers that hold for the whole municipality on a day. */
	public record Rule(long id, LocalDate validFrom, LocalDate validTo, int exemptionCeilingPercent,
			int conversationFloorPercent, int windowMonths, int riskWorkingDays, int sickLeaveMaxWeeks,
			String legalBasis) {

		boolean validOn(LocalDate day) {
			return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
		}
	}

	/** What the rule says of one target group on a day. */
	public record GroupRule(long id, String targetGroupCode, LocalDate validFrom, LocalDate validTo,
			boolean inExemptionGroup, Integer requiredConversations, boolean firstConversationRequired) {

		boolean validOn(LocalDate day) {
			return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
		}

		/** Under the 75 % rule (a number of job conversations is required in the window). */
		public boolean underConversationRule() {
			return requiredConversations != null;
		}
	}

	private record Tables(List<Rule> rules, List<GroupRule> groupRules) {
	}

	private final LoadingCache<Boolean, Tables> tables;

	private final TargetGroups targetGroups;

	ReformRules(JdbcClient jdbc, TargetGroups targetGroups) {
		this.targetGroups = targetGroups;
		this.tables = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(1))
			.build(k -> new Tables(jdbc.sql("SELECT * FROM reform_rule ORDER BY valid_from").query(Rule.class).list(),
					jdbc.sql("SELECT * FROM reform_group_rule ORDER BY target_group_code, valid_from")
						.query(GroupRule.class)
						.list()));
	}

	/** The municipality's rule on the day; empty before 1 July 2026 (no 25/75 rule). */
	public Optional<Rule> ruleOn(LocalDate day) {
		return tables.get(Boolean.TRUE).rules().stream().filter(r -> r.validOn(day)).findFirst();
	}

	public List<Rule> rules() {
		return tables.get(Boolean.TRUE).rules();
	}

	public List<GroupRule> groupRules() {
		return tables.get(Boolean.TRUE).groupRules();
	}

	/**
	 * The target group a person registered in {@code code} belongs to on the day: the group itself while it exists,
	 * else its successor (LAB01 on 1 January 2027 is G2027_JOBPARAT).
	 */
	public String groupOn(String code, LocalDate day) {
		String current = code;
		for (int i = 0; i < 5; i++) {
			var group = targetGroups.find(current);
			if (group.isEmpty() || group.get().validOn(day) || group.get().successorCode() == null) {
				return current;
			}
			current = group.get().successorCode();
		}
		return current;
	}

	/**
	 * The rule for a person registered in {@code code} on the day (the group as on that day), if the group is
	 * named by the reform's rules then; empty before 1 July 2026 and for groups the rule does not name.
	 */
	public Optional<GroupRule> groupRuleOn(String code, LocalDate day) {
		if (ruleOn(day).isEmpty()) {
			return Optional.empty();
		}
		String group = groupOn(code, day);
		return groupRules().stream().filter(r -> r.targetGroupCode().equals(group) && r.validOn(day)).findFirst();
	}
}
