package dk.vaerdig.insights.internal.goals;

import java.util.Locale;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

import dk.vaerdig.insights.GoalMeasure.Count;
import dk.vaerdig.insights.GoalMeasure.Kind;

/**
 * A measure's figure in its unit (percent for a share, per 1,000 for a rate) with its 95 % interval: Wilson for a
 * share, the exact (Garwood) Poisson interval on the count for a rate. Hidden when a count is below the anonymity
 * threshold: the base, and for a rate also the events (a complaint is a person's).
 */
public record Figure(Kind kind, long events, long base, boolean hidden, double value, double low, double high) {

	private static final WilsonScoreInterval WILSON = new WilsonScoreInterval();

	public static Figure of(Kind kind, Count count, int threshold) {
		long k = count.events();
		long n = count.base();
		boolean hidden = n < threshold || n == 0 || (kind == Kind.PER_THOUSAND && k < threshold);
		if (hidden) {
			return hidden(kind, count);
		}
		if (kind == Kind.SHARE) {
			if (k > n) {
				throw new IllegalArgumentException("a share's events lie between 0 and its base");
			}
			ConfidenceInterval ci = WILSON.createInterval((int) Math.min(n, Integer.MAX_VALUE), (int) k, 0.95);
			return new Figure(kind, k, n, false, 100.0 * k / n, 100 * Math.max(0, ci.getLowerBound()),
					100 * Math.min(1, ci.getUpperBound()));
		}
		double low = k == 0 ? 0 : new ChiSquaredDistribution(2.0 * k).inverseCumulativeProbability(0.025) / 2;
		double high = new ChiSquaredDistribution(2.0 * k + 2).inverseCumulativeProbability(0.975) / 2;
		double per = 1000.0 / n;
		return new Figure(kind, k, n, false, k * per, low * per, high * per);
	}

	public static Figure hidden(Kind kind, Count count) {
		return new Figure(kind, count.events(), count.base(), true, Double.NaN, Double.NaN, Double.NaN);
	}

	/** The figure rounded for display: whole percent, or per 1,000 with one decimal. */
	public String shown() {
		return format(value);
	}

	public String shownLow() {
		return format(low);
	}

	public String shownHigh() {
		return format(high);
	}

	private String format(double v) {
		if (hidden) {
			return "";
		}
		return kind == Kind.SHARE ? String.valueOf(Math.round(v))
				: String.format(Locale.ROOT, "%.1f", v).replace('.', ',');
	}
}
