package dk.vaerdig.insights;

import java.time.YearMonth;
import java.util.Map;

/**
 * A measure a yearly goal can follow: one of a registered set (every Spring bean of this type, by its {@link #code()}).
 * A measure only counts, per calendar month of the municipality: {@code events} of {@code base} (a share: positive
 * respondents of respondents, courses into a job of courses closed) or {@code events} per 1,000 of {@code base}
 * (complaints per 1,000 meetings held). The goals page and the committee report turn the counts into figures with
 * intervals (Wilson for a share, the exact Poisson interval for a rate), apply the anonymity threshold, and judge
 * progress against the target, so a new measure (the reform's "75 % rule met") is one more bean.
 */
public interface GoalMeasure {

	/** How the counts are read. */
	enum Kind {
		/** {@code events} of {@code base}, shown in percent. */
		SHARE,
		/** {@code events} per 1,000 of {@code base}. */
		PER_THOUSAND
	}

	/** A month's counts. */
	record Count(long events, long base) {

		public Count {
			if (events < 0 || base < 0) {
				throw new IllegalArgumentException("counts are never negative");
			}
		}

		public Count plus(Count other) {
			return new Count(events + other.events, base + other.base);
		}
	}

	/** The stable code stored with a goal: upper-case letters, digits and underscores. */
	String code();

	Kind kind();

	/** The message key of the measure's name (and {@code <key>.help} for a sentence on how it is counted). */
	default String messageKey() {
		return "insights.measure." + code();
	}

	/** The counts of each month from {@code from} to {@code to}, both included; a month without data may be absent. */
	Map<YearMonth, Count> monthly(YearMonth from, YearMonth to);
}
