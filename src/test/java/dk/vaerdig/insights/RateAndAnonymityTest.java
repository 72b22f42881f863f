package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	/** Property: after suppression, no shown total minus shown cells equals a single hidden non-empty cell. */
	@Test
	void noHiddenCellCanBeWorkedOutBySubtraction() {
		Random random = new Random(9);
		for (int i = 0; i < 2000; i++) {
			List<Cell> cells = new java.util.ArrayList<>();
			for (int c = 1 + random.nextInt(6); c > 0; c--) {
				cells.add(new Cell("t" + c, random.nextInt(30)));
			}
			boolean[] hidden = Anonymity.hidden(cells, Cell::answers, 5, true);
			long hiddenNonEmpty = 0;
			for (int c = 0; c < cells.size(); c++) {
				if (hidden[c] && cells.get(c).answers() > 0) {
					hiddenNonEmpty++;
				}
				if (!hidden[c]) {
					assertThat(cells.get(c).answers()).isGreaterThanOrEqualTo(5);
				}
			}
			long hiddenCells = java.util.stream.IntStream.range(0, hidden.length).filter(c -> hidden[c]).count();
			if (hiddenNonEmpty > 0 && cells.size() > 1) {
				assertThat(hiddenCells).as(cells.toString()).isGreaterThanOrEqualTo(2);
			}
		}
	}
}
