package dk.vaerdig.insights.internal.goals;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dk.vaerdig.casework.ReformFigures;
import dk.vaerdig.insights.GoalMeasure;
import dk.vaerdig.insights.GoalMeasure.Count;

/**
 * The reform's two figures as measures a yearly goal can follow, from {@link ReformFigures} (README, "The reform's
 * rules"): {@code REFORM_75_RULE_MET}, the share of a month's cohort who had the required job conversations in their
 * first 6 months (the floor is 75 %), and {@code REFORM_EXEMPTED}, the share of the group that may be exempted who were
 * exempted in the month (the ceiling is 25 %). A month before the rules came into force (1 July 2026) has no count.
 */
@Configuration(proxyBeanMethods = false)
class ReformMeasures {

	@Bean
	GoalMeasure reformRuleMet(ReformFigures reform) {
		return new Measure("REFORM_75_RULE_MET", reform, m -> new Count(m.met(), m.cohort()));
	}

	@Bean
	GoalMeasure reformExempted(ReformFigures reform) {
		return new Measure("REFORM_EXEMPTED", reform, m -> new Count(m.exempted(), m.group()));
	}

	private record Measure(String code, ReformFigures reform, Function<ReformFigures.Month, Count> count)
			implements GoalMeasure {

		@Override
		public Kind kind() {
			return Kind.SHARE;
		}

		@Override
		public Map<YearMonth, Count> monthly(YearMonth from, YearMonth to) {
			Map<YearMonth, Count> counts = new HashMap<>();
			for (ReformFigures.Month month : reform.months(from, to)) {
				if (month.rule().inForce()) {
					counts.put(month.month(), count.apply(month));
				}
			}
			return counts;
		}
	}
}
