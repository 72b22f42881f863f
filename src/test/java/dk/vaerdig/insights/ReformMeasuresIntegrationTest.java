package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.casework.ReformFigures;
import dk.vaerdig.insights.GoalMeasure.Count;

/**
 * The reform's two figures as goal measures: each month in force gives the reform page's own counts (the cohort and
 * those who met the 75 % rule; the group and those exempted), and a month before 1 July 2026 gives none, so a goal
 * never judges a month by rules that did not apply then.
 */
@IntegrationTest
class ReformMeasuresIntegrationTest {

	@Autowired
	List<GoalMeasure> measures;

	@Autowired
	ReformFigures reform;

	GoalMeasure measure(String code) {
		return measures.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void eachMonthInForceCountsAsTheReformPageAndNoMonthBefore() {
		YearMonth from = YearMonth.of(2026, 1);
		YearMonth to = YearMonth.from(reform.today());
		Map<YearMonth, Count> met = measure("REFORM_75_RULE_MET").monthly(from, to);
		Map<YearMonth, Count> exempted = measure("REFORM_EXEMPTED").monthly(from, to);
		assertThat(measure("REFORM_75_RULE_MET").kind()).isEqualTo(GoalMeasure.Kind.SHARE);

		List<ReformFigures.Month> months = reform.months(from, to);
		assertThat(months).anyMatch(m -> !m.rule().inForce()).anyMatch(m -> m.rule().inForce());
		for (ReformFigures.Month month : months) {
			if (month.rule().inForce()) {
				assertThat(met.get(month.month())).as(month.month().toString())
					.isEqualTo(new Count(month.met(), month.cohort()));
				assertThat(exempted.get(month.month())).as(month.month().toString())
					.isEqualTo(new Count(month.exempted(), month.group()));
			}
			else {
				assertThat(met).doesNotContainKey(month.month());
				assertThat(exempted).doesNotContainKey(month.month());
			}
		}
		assertThat(met.keySet()).allMatch(m -> !m.isBefore(YearMonth.of(2026, 7)));
		// the demo municipality exempts some of its group, so the measure is not trivially empty
		assertThat(exempted.values().stream().mapToLong(Count::events).sum()).isPositive();
	}
}
