package dk.vaerdig.insights.internal.goals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dk.vaerdig.insights.GoalMeasure;
import dk.vaerdig.surveys.SurveyFigures;
import dk.vaerdig.surveys.SurveyFigures.Filter;
import dk.vaerdig.surveys.SurveyFigures.GroupCount;

/**
 * The measures from the candidates' evaluation, read from the survey rollups per month of the meeting: the share of
 * respondents positive overall (the dashboard's "positive candidates": at least half of their scored questions 4 or
 * 5), and the response rate (answers of meetings held and invited).
 */
@Configuration(proxyBeanMethods = false)
class SurveyMeasures {

	@Bean
	GoalMeasure dignityMeasure(SurveyFigures figures) {
		return new Measure("DIGNITY_POSITIVE", figures, false);
	}

	@Bean
	GoalMeasure responseRateMeasure(SurveyFigures figures) {
		return new Measure("SURVEY_RESPONSE_RATE", figures, true);
	}

	private record Measure(String code, SurveyFigures figures, boolean responseRate) implements GoalMeasure {

		@Override
		public Kind kind() {
			return Kind.SHARE;
		}

		@Override
		public Map<YearMonth, Count> monthly(YearMonth from, YearMonth to) {
			Map<YearMonth, Count> counts = new HashMap<>();
			for (GroupCount g : figures.byGroup(new Filter(from.atDay(1), to.atDay(1), null, null), false, null)) {
				YearMonth month = YearMonth.from(LocalDate.parse(g.key()));
				counts.put(month, responseRate ? new Count(Math.min(g.answers(), g.invited()), g.invited())
						: new Count(g.satisfied(), g.n()));
			}
			return counts;
		}
	}
}
