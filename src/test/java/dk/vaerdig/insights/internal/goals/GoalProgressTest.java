package dk.vaerdig.insights.internal.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.vaerdig.insights.GoalMeasure;
import dk.vaerdig.insights.GoalMeasure.Count;
import dk.vaerdig.insights.GoalMeasure.Kind;
import dk.vaerdig.insights.internal.goals.GoalProgress.Month;
import dk.vaerdig.insights.internal.goals.GoalProgress.Progress;
import dk.vaerdig.insights.internal.goals.GoalProgress.Status;
import dk.vaerdig.insights.internal.goals.YearlyGoals.Direction;
import dk.vaerdig.insights.internal.goals.YearlyGoals.Goal;
import dk.vaerdig.surveys.SurveySettings;

/**
 * A goal's progress and at-risk flag against hand-computed cases (anonymity threshold 5).
 * <p>
 * The share: January 45 of 50, February 40 of 48, March 3 of 4, April 30 of 50, May 29 of 50, June 28 of 50. March
 * (4) is below the threshold, so February (48, the smallest shown month) is hidden with it; the year to June is 175 of
 * 252 = 69.44 %. The rate: January 6 complaints per 2,000 meetings, February 5 per 2,500, March 7 per 2,000; the
 * quarter 18 per 6,500 = 2.769 per 1,000, exact Poisson interval 10.67–28.45 complaints, 1.641–4.377 per 1,000.
 */
class GoalProgressTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2008-12-15T10:00:00Z"), ZoneId.of("Europe/Copenhagen"));

	record Fixed(String code, Kind kind, Map<YearMonth, Count> counts) implements GoalMeasure {

		@Override
		public Map<YearMonth, Count> monthly(YearMonth from, YearMonth to) {
			Map<YearMonth, Count> in = new HashMap<>();
			counts.forEach((m, c) -> {
				if (!m.isBefore(from) && !m.isAfter(to)) {
					in.put(m, c);
				}
			});
			return in;
		}
	}

	static final Fixed SHARE = new Fixed("SHARE_TEST", Kind.SHARE,
			Map.of(YearMonth.of(2008, 1), new Count(45, 50), YearMonth.of(2008, 2), new Count(40, 48),
					YearMonth.of(2008, 3), new Count(3, 4), YearMonth.of(2008, 4), new Count(30, 50),
					YearMonth.of(2008, 5), new Count(29, 50), YearMonth.of(2008, 6), new Count(28, 50)));

	static final Fixed RATE = new Fixed("RATE_TEST", Kind.PER_THOUSAND,
			Map.of(YearMonth.of(2008, 1), new Count(6, 2000), YearMonth.of(2008, 2), new Count(5, 2500),
					YearMonth.of(2008, 3), new Count(7, 2000), YearMonth.of(2008, 4), new Count(3, 2000)));

	final GoalProgress progress = new GoalProgress(new Measures(List.of(SHARE, RATE)),
			new SurveySettings(14, 2, 5, 10, 15, 90, "http://localhost:8080", null), CLOCK);

	static Goal goal(String measure, String target, Direction direction) {
		return new Goal(1, 2008, "test", measure, new BigDecimal(target), direction, "leder", false, 0);
	}

	/** The Wilson 95 % score interval, written out. */
	static double[] wilson(long k, long n) {
		double z = 1.959963984540054;
		double p = (double) k / n;
		double centre = p + z * z / (2 * n);
		double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
		double d = 1 + z * z / n;
		return new double[] { 100 * (centre - spread) / d, 100 * (centre + spread) / d };
	}

	@Test
	void theYearSoFarPoolsTheMonthsAndTheSmallMonthTakesItsComplementWithIt() {
		Progress p = progress.of(goal("SHARE_TEST", "80", Direction.AT_LEAST), YearMonth.of(2008, 6));
		assertThat(p.months()).extracting(Month::month).containsExactly(YearMonth.of(2008, 1), YearMonth.of(2008, 2),
				YearMonth.of(2008, 3), YearMonth.of(2008, 4), YearMonth.of(2008, 5), YearMonth.of(2008, 6));
		assertThat(p.months()).extracting(m -> m.figure().hidden()).containsExactly(false, true, true, false, false,
				false);
		assertThat(p.months().get(1).status()).isEqualTo(Status.NO_DATA);
		assertThat(p.yearSoFar().events()).isEqualTo(175);
		assertThat(p.yearSoFar().base()).isEqualTo(252);
		assertThat(p.yearSoFar().value()).isCloseTo(69.444, within(0.001));
		double[] ci = wilson(175, 252);
		assertThat(p.yearSoFar().low()).isCloseTo(ci[0], within(1e-6));
		assertThat(p.yearSoFar().high()).isCloseTo(ci[1], within(1e-6));
		assertThat(p.months().get(0).figure().value()).isCloseTo(90, within(1e-9));
	}

	@Test
	void aGoalIsAtRiskWhenTheWholeIntervalOfTheYearLiesShortOfTheTarget() {
		// 175 of 252: the interval's upper bound is about 74.9 %, below 80 %
		Progress p = progress.of(goal("SHARE_TEST", "80", Direction.AT_LEAST), YearMonth.of(2008, 6));
		assertThat(p.yearSoFar().high()).isLessThan(80);
		assertThat(p.status()).isEqualTo(Status.AT_RISK);
		// each month April to June (60, 58, 56 %) lies wholly below 80 % too
		assertThat(p.months().get(3).status()).isEqualTo(Status.AT_RISK);
	}

	@Test
	void aGoalIsAtRiskWhenTheLastThreeMonthsEachLieOnTheWrongSideEvenIfTheYearReachesTheTarget() {
		// 69.4 % against 70 %: the interval reaches 70 %, but April, May and June (60, 58, 56 %) all lie below it
		Progress p = progress.of(goal("SHARE_TEST", "70", Direction.AT_LEAST), YearMonth.of(2008, 6));
		assertThat(p.yearSoFar().high()).isGreaterThan(70);
		assertThat(p.trendAgainst()).isTrue();
		assertThat(p.status()).isEqualTo(Status.AT_RISK);
	}

	@Test
	void aMonthExactlyOnTheTargetIsNotAgainstIt() {
		// against 60 %: April is 60 % exactly, so the last three months are not all below; the year (69.4 %) is above
		Progress p = progress.of(goal("SHARE_TEST", "60", Direction.AT_LEAST), YearMonth.of(2008, 6));
		assertThat(p.trendAgainst()).isFalse();
		assertThat(p.status()).isEqualTo(Status.ON_TRACK);
		assertThat(p.months().get(5).status()).isEqualTo(Status.WATCH);
	}

	@Test
	void aShortfallWithinTheIntervalIsToWatchNotAtRisk() {
		// to March: January shown (45 of 50), February and March hidden; the quarter 88 of 102 = 86.3 %, interval
		// about 78–92 %, against 88 %: below the target, but the interval reaches it; a hidden month breaks the trend
		Progress p = progress.of(goal("SHARE_TEST", "88", Direction.AT_LEAST), YearMonth.of(2008, 3));
		assertThat(p.yearSoFar().events()).isEqualTo(88);
		assertThat(p.yearSoFar().base()).isEqualTo(102);
		assertThat(p.trendAgainst()).isFalse();
		assertThat(p.status()).isEqualTo(Status.WATCH);
	}

	@Test
	void aRateAtMostTheTargetUsesTheExactPoissonInterval() {
		Progress watch = progress.of(goal("RATE_TEST", "2", Direction.AT_MOST), YearMonth.of(2008, 3));
		assertThat(watch.yearSoFar().value()).isCloseTo(2.769, within(0.001));
		assertThat(watch.yearSoFar().low()).isCloseTo(1.641, within(0.002));
		assertThat(watch.yearSoFar().high()).isCloseTo(4.377, within(0.002));
		// January 3.0 and March 3.5 lie above 2, February is 2.0 exactly: no trend; the year lies above, the interval
		// reaches 2
		assertThat(watch.status()).isEqualTo(Status.WATCH);
		Progress risk = progress.of(goal("RATE_TEST", "1.5", Direction.AT_MOST), YearMonth.of(2008, 3));
		assertThat(risk.status()).isEqualTo(Status.AT_RISK);
		Progress fine = progress.of(goal("RATE_TEST", "5", Direction.AT_MOST), YearMonth.of(2008, 3));
		assertThat(fine.status()).isEqualTo(Status.ON_TRACK);
	}

	@Test
	void aMonthWithFewerComplaintsThanTheThresholdIsHiddenWithItsComplement() {
		// April has 3 complaints: hidden, and so the smallest shown month by complaints (February, 5)
		Progress p = progress.of(goal("RATE_TEST", "2", Direction.AT_MOST), YearMonth.of(2008, 4));
		assertThat(p.months()).extracting(m -> m.figure().hidden()).containsExactly(false, true, false, true);
		assertThat(p.yearSoFar().hidden()).isFalse();
		assertThat(p.yearSoFar().events()).isEqualTo(21);
	}

	@Test
	void theYearRunsToThisMonthAndNoFurther() {
		Progress p = progress.of(goal("SHARE_TEST", "80", Direction.AT_LEAST));
		assertThat(p.months()).hasSize(12);
		Goal next = new Goal(2, 2009, "test", "SHARE_TEST", new BigDecimal("80"), Direction.AT_LEAST, "leder", false, 0);
		assertThat(progress.of(next).months()).isEmpty();
		assertThat(progress.of(next).status()).isEqualTo(Status.NO_DATA);
	}
}
