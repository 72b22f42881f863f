package dk.vaerdig.insights.internal;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A share with its n and Wilson 95 % score interval (Apache Commons Math), or hidden when the group is smaller than
 * the anonymity threshold. Percentages are rounded to whole numbers for display.
 */
public record Rate(long successes, long n, boolean hidden, double share, double low, double high) {

	private static final WilsonScoreInterval WILSON = new WilsonScoreInterval();

	public static Rate of(long successes, long n, int threshold) {
		if (successes < 0 || n < 0 || successes > n) {
			throw new IllegalArgumentException("successes must lie between 0 and n");
		}
		if (n < threshold || n == 0) {
			return new Rate(successes, n, true, Double.NaN, Double.NaN, Double.NaN);
		}
		ConfidenceInterval ci = WILSON.createInterval((int) Math.min(n, Integer.MAX_VALUE), (int) successes, 0.95);
		return new Rate(successes, n, false, (double) successes / n, Math.max(0, ci.getLowerBound()),
				Math.min(1, ci.getUpperBound()));
	}

	/** The same figures, hidden (for the complement rule). */
	public Rate hide() {
		return new Rate(successes, n, true, Double.NaN, Double.NaN, Double.NaN);
	}

	public long percent() {
		return Math.round(share * 100);
	}

	public long lowPercent() {
		return Math.round(low * 100);
	}

	public long highPercent() {
		return Math.round(high * 100);
	}
}
