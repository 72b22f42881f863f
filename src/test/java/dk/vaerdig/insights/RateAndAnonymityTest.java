package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.vaerdig.insights.internal.SurveyDashboards;
import dk.vaerdig.platform.Anonymity;
import dk.vaerdig.insights.internal.Rate;

class RateAndAnonymityTest {

	/** Wilson 95 % intervals computed by hand: centre (p + z²/2n)/(1 + z²/n), half width z√(p(1-p)/n + z²/4n²)/(1 + z²/n). */
	@ParameterizedTest(name = "{0} of {1}: [{2}, {3}]")
	@CsvSource({ "8, 10, 0.4902, 0.9433", "50, 100, 0.4038, 0.5962", "0, 20, 0.0, 0.1611", "20, 20, 0.8389, 1.0" })
	void theWilsonIntervalMatchesHandComputedValues(long k, long n, double low, double high) {
		Rate r = Rate.of(k, n, 5);
		assertThat(r.low()).isCloseTo(low, within(0.0005));
		assertThat(r.high()).isCloseTo(high, within(0.0005));
	}

	@Test
	void theLobbyShowsHowManyAnsweredOnlyFromTheThreshold() {
		assertThat(new SurveyDashboards.Lobby(YearMonth.of(2026, 11), 4, List.of(), List.of(), 5).answersShown()).isFalse();
		assertThat(new SurveyDashboards.Lobby(YearMonth.of(2026, 11), 0, List.of(), List.of(), 5).answersShown()).isFalse();
		assertThat(new SurveyDashboards.Lobby(YearMonth.of(2026, 11), 5, List.of(), List.of(), 5).answersShown()).isTrue();
	}

	@Test
	void aGroupBelowTheThresholdIsHidden() {
		assertThat(Rate.of(3, 4, 5).hidden()).isTrue();
		assertThat(Rate.of(0, 0, 5).hidden()).isTrue();
		assertThat(Rate.of(3, 5, 5).hidden()).isFalse();
	}

	/** Property: for any k ≤ n above the threshold, 0 ≤ low ≤ k/n ≤ high ≤ 1. */
	@Test
	void theShareAlwaysLiesInsideItsInterval() {
		Random random = new Random(5);
		for (int i = 0; i < 2000; i++) {
			long n = 5 + random.nextInt(2_000_000);
			long k = (long) (random.nextDouble() * (n + 1));
			k = Math.min(k, n);
			Rate r = Rate.of(k, n, 5);
			assertThat(r.low()).isBetween(0.0, r.share() + 1e-12);
			assertThat(r.high()).isBetween(r.share() - 1e-12, 1.0);
		}
	}

	record Cell(String team, long answers) {
	}

	@Test
	void aSingleHiddenCellTakesTheSmallestOtherCellWithItSoNoSubtractionRevealsIt() {
		List<Cell> cells = List.of(new Cell("A", 40), new Cell("B", 3), new Cell("C", 12), new Cell("D", 25));
		boolean[] hidden = Anonymity.hidden(cells, Cell::answers, 5, true);
		assertThat(hidden).containsExactly(false, true, true, false);
	}

	@Test
	void twoHiddenCellsProtectEachOther() {
		List<Cell> cells = List.of(new Cell("A", 40), new Cell("B", 3), new Cell("C", 4));
		assertThat(Anonymity.hidden(cells, Cell::answers, 5, true)).containsExactly(false, true, true);
	}

	@Test
	void withoutATotalNoComplementIsNeeded() {
		List<Cell> cells = List.of(new Cell("A", 40), new Cell("B", 3), new Cell("C", 12));
		assertThat(Anonymity.hidden(cells, Cell::answers, 5, false)).containsExactly(false, true, false);
	}

	@Test
	void twoCellsOfOneDoNotProtectEachOther() {
		// 1 + 1 = 2 can be worked out from the total and the shown cells, so a third cell goes too
		List<Cell> cells = List.of(new Cell("A", 1), new Cell("B", 1), new Cell("C", 30), new Cell("D", 40));
		assertThat(Anonymity.hidden(cells, Cell::answers, 5, true)).containsExactly(true, true, true, false);
	}

	@Test
	void aSmallCellBesideEmptyOnesHidesTheTotal() {
		// the only non-empty cell is the total: nothing else to hide, so the total goes
		List<Cell> cells = List.of(new Cell("A", 2), new Cell("B", 0), new Cell("C", 0));
		Anonymity.Suppression s = Anonymity.suppress(cells, Cell::answers, 5, true);
		assertThat(s.cells()).containsExactly(true, true, true);
		assertThat(s.total()).isTrue();
		assertThat(Anonymity.suppress(List.of(new Cell("A", 7), new Cell("B", 0)), Cell::answers, 5, true).total()).isFalse();
	}

	/**
	 * Property: after suppression every shown cell has at least the threshold, and where the total is shown the hidden
	 * cells add up to nothing or to at least the threshold, so subtraction gives away no small count.
	 */
	@Test
	void noSmallCountCanBeWorkedOutBySubtraction() {
		Random random = new Random(9);
		for (int i = 0; i < 5000; i++) {
			List<Cell> cells = new java.util.ArrayList<>();
			for (int c = 1 + random.nextInt(6); c > 0; c--) {
				cells.add(new Cell("t" + c, random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 5 : 30)));
			}
			Anonymity.Suppression s = Anonymity.suppress(cells, Cell::answers, 5, true);
			long total = cells.stream().mapToLong(Cell::answers).sum();
			long hiddenSum = 0;
			for (int c = 0; c < cells.size(); c++) {
				if (s.cell(c)) {
					hiddenSum += cells.get(c).answers();
				}
				else {
					assertThat(cells.get(c).answers()).isGreaterThanOrEqualTo(5);
				}
			}
			if (!s.total()) {
				assertThat(total).isGreaterThanOrEqualTo(5);
				assertThat(hiddenSum == 0 || hiddenSum >= 5).as(cells.toString()).isTrue();
			}
			else {
				assertThat(total).as(cells.toString()).isLessThan(5);
			}
		}
	}

	/**
	 * Property, for departments and their teams: in the department breakdown, the team breakdown and within every
	 * shown department, the hidden cells add up to nothing or to at least the threshold.
	 */
	@Test
	void nestedBreakdownsGiveNothingAwayAtEitherLevel() {
		Random random = new Random(17);
		for (int i = 0; i < 3000; i++) {
			int departments = 1 + random.nextInt(4);
			List<Long> teams = new java.util.ArrayList<>();
			List<Integer> parent = new java.util.ArrayList<>();
			for (int d = 0; d < departments; d++) {
				for (int t = 1 + random.nextInt(3); t > 0; t--) {
					teams.add((long) (random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(40)));
					parent.add(d);
				}
			}
			List<Long> sums = new java.util.ArrayList<>();
			for (int d = 0; d < departments; d++) {
				final int dep = d;
				sums.add(java.util.stream.IntStream.range(0, teams.size()).filter(t -> parent.get(t) == dep)
					.mapToLong(teams::get).sum());
			}
			int[] parentOf = parent.stream().mapToInt(Integer::intValue).toArray();
			Anonymity.Suppression[] s = Anonymity.nested(sums, teams, parentOf, 5);
			String what = sums + " " + teams + " " + parent;
			if (s[0].total()) {
				assertThat(sums.stream().mapToLong(Long::longValue).sum()).as(what).isLessThan(5);
				continue;
			}
			assertSafe(sums, s[0].cells(), what);
			assertSafe(teams, s[1].cells(), what);
			for (int d = 0; d < departments; d++) {
				if (!s[0].cell(d)) {
					long hidden = 0;
					for (int t = 0; t < teams.size(); t++) {
						hidden += parentOf[t] == d && s[1].cell(t) ? teams.get(t) : 0;
					}
					assertThat(hidden == 0 || hidden >= 5).as(what).isTrue();
				}
			}
		}
	}

	static void assertSafe(List<Long> counts, boolean[] hidden, String what) {
		long hiddenSum = 0;
		for (int c = 0; c < counts.size(); c++) {
			if (hidden[c]) {
				hiddenSum += counts.get(c);
			}
			else {
				assertThat(counts.get(c)).as(what).isGreaterThanOrEqualTo(5);
			}
		}
		assertThat(hiddenSum == 0 || hiddenSum >= 5).as(what).isTrue();
	}
}
