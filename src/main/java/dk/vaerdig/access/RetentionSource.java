package dk.vaerdig.access;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A kind of record kept for a limited time: the module that owns the records provides a bean of this type, saying how
 * to find the records whose period has run out and how to delete or anonymise them. The period itself is data (the
 * {@code retention_rule} table, with effective dates); {@link Retention} applies the rule in force. The dependency
 * points from the modules to access, never back. Most sources are two SQL statements and extend
 * {@link SqlRetentionSource}.
 */
public interface RetentionSource {

	/** The kind of record, as in {@code retention_rule.kind} and the record of processing, e.g. {@code case-file}. */
	String kind();

	/** What happens to an expired record. */
	RetentionAction action();

	/**
	 * Kinds run in this order, lowest first: records that point at a case file (meetings, letters) go before the case
	 * file itself.
	 */
	default int order() {
		return 100;
	}

	/**
	 * Whether the job deletes or anonymises this kind. A kind that is not enforced is still shown, with its count, in
	 * the dry run.
	 */
	default boolean enforced() {
		return true;
	}

	/** How many records have expired at the cutoff, and the oldest day their period is counted from. */
	Expired expired(RetentionCutoff cutoff);

	/**
	 * Deletes or anonymises at most {@code limit} expired records, oldest first where that is cheap, in the caller's
	 * transaction; rows that another transaction holds locked are skipped (the next batch or run takes them). Returns how
	 * many records were removed; fewer than {@code limit} means none are left.
	 */
	int remove(RetentionCutoff cutoff, int limit);

	/**
	 * @param count how many records have expired
	 * @param oldest the earliest day among them that the period is counted from, or null if none
	 */
	record Expired(long count, LocalDate oldest) {

		public static final Expired NONE = new Expired(0, null);

		/** Reads a row of {@code SELECT count(*), min(<a date>)}. */
		public static Expired read(ResultSet rs, int row) throws SQLException {
			Date oldest = rs.getDate(2);
			return new Expired(rs.getLong(1), oldest == null ? null : oldest.toLocalDate());
		}
	}
}
