package dk.vaerdig.access;

import java.util.Objects;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The common shape of a {@link RetentionSource}: a kind, an action, an order, and two SQL statements that take the
 * cutoff as their first parameter. A module's source extends it (so the source's class, and with it the module that
 * owns the records, stays the module's own) and passes its statements to the constructor:
 * <ul>
 * <li>{@code expired}: {@code SELECT count(*), <a date>} of the expired records, read by {@link Expired#read};
 * parameter 1 is the cutoff.</li>
 * <li>{@code remove}: one statement that deletes or anonymises at most {@code limit} expired records (oldest first
 * where that is cheap, {@code FOR UPDATE SKIP LOCKED}) and whose update count is the number of records removed;
 * parameter 1 is the cutoff, parameter 2 the limit.</li>
 * </ul>
 * The cutoff is bound as {@link Cutoff#DATE the day}, {@link Cutoff#TIMESTAMP the instant}, or any value the source
 * makes of it (a {@link Cutoff} of its own). A source whose removal does not fit one statement with an update count
 * overrides {@link #remove}; one that needs more (a position kept between batches) implements {@link RetentionSource}
 * itself.
 */
public abstract class SqlRetentionSource implements RetentionSource {

	/** How the cutoff is bound to the statements' first parameter. */
	@FunctionalInterface
	public interface Cutoff extends Function<RetentionCutoff, Object> {

		/** The day, as an SQL {@code DATE}: for records counted from a day (a case closed on). */
		Cutoff DATE = RetentionCutoff::sqlDate;

		/** The start of that day in the municipality's time zone, as a {@code TIMESTAMP}: for records counted from a time. */
		Cutoff TIMESTAMP = RetentionCutoff::sqlTimestamp;
	}

	private final JdbcClient jdbc;

	private final String kind;

	private final RetentionAction action;

	private final int order;

	private final Cutoff cutoff;

	private final String expiredSql;

	private final String removeSql;

	/**
	 * @param order see {@link RetentionSource#order()} (100 where the order does not matter)
	 * @param expiredSql {@code SELECT count(*), min(<day>) … WHERE … < ?}
	 * @param removeSql deletes or anonymises at most {@code ?} (the second parameter) expired records
	 */
	protected SqlRetentionSource(JdbcClient jdbc, String kind, RetentionAction action, int order, Cutoff cutoff,
			String expiredSql, String removeSql) {
		this.jdbc = Objects.requireNonNull(jdbc);
		this.kind = Objects.requireNonNull(kind);
		this.action = Objects.requireNonNull(action);
		this.order = order;
		this.cutoff = Objects.requireNonNull(cutoff);
		this.expiredSql = Objects.requireNonNull(expiredSql);
		this.removeSql = Objects.requireNonNull(removeSql);
	}

	@Override
	public final String kind() {
		return kind;
	}

	@Override
	public final RetentionAction action() {
		return action;
	}

	@Override
	public final int order() {
		return order;
	}

	@Override
	public Expired expired(RetentionCutoff cutoff) {
		return jdbc.sql(expiredSql).param(parameter(cutoff)).query(Expired::read).single();
	}

	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		return jdbc.sql(removeSql).params(parameter(cutoff), limit).update();
	}

	/** The cutoff as the statements take it. */
	protected final Object parameter(RetentionCutoff cutoff) {
		return this.cutoff.apply(cutoff);
	}

	/** The removal statement, for a source that runs it in a way of its own. */
	protected final String removeSql() {
		return removeSql;
	}

	protected final JdbcClient jdbc() {
		return jdbc;
	}
}
