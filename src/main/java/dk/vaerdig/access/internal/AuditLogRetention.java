package dk.vaerdig.access.internal;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.RetentionSource;

/**
 * The audit log's own rule, counted from each entry's time. The app's database role cannot delete audit entries: a
 * batch goes through the owner's function {@code audit_prune} (V100), which removes the oldest positions of the chain
 * (a prefix, never a hole, never the head), refuses anything younger than the audit log's period as the database knows
 * it (the rule in force, never less than the floor in {@code audit_retention_floor}, which the app cannot write), and
 * records an anchor signed here with the audit key ({@link AuditAnchors}). An entry counts as expired only if it is
 * older than both this run's cutoff and the database's, and every entry before it in the chain is too, so the dry run
 * counts exactly what the job removes.
 */
@Component
class AuditLogRetention implements RetentionSource {

	private final JdbcClient jdbc;

	private final AuditAnchors anchors;

	AuditLogRetention(JdbcClient jdbc, AuditAnchors anchors) {
		this.jdbc = jdbc;
		this.anchors = anchors;
	}

	@Override
	public String kind() {
		return "audit-log";
	}

	@Override
	public RetentionAction action() {
		return RetentionAction.DELETE;
	}

	/** After every other kind: their removal is itself nothing the audit log records, but the log goes last. */
	@Override
	public int order() {
		return 1000;
	}

	/** The chain's first position, and the first position that must stay (a young entry, or the head). */
	private record Prefix(long first, long stop) {
	}

	private Prefix prefix(RetentionCutoff cutoff) {
		return jdbc.sql("""
				WITH b AS (SELECT min(pos) AS first, max(pos) AS head FROM audit_chain),
				cut AS (SELECT least(CAST(? AS TIMESTAMPTZ), now() - audit_log_keep_for()) AS at)
				SELECT b.first, least(b.head, (
				  SELECT c.pos FROM audit_chain c JOIN audit_entry e ON e.seq = c.seq
				  WHERE e.occurred_at >= (SELECT at FROM cut) ORDER BY c.pos LIMIT 1)) AS stop
				FROM b""")
			.param(Timestamp.from(cutoff.instant()))
			.query((rs, n) -> new Prefix(rs.getLong("first"), rs.getLong("stop")))
			.single();
	}

	@Override
	public Expired expired(RetentionCutoff cutoff) {
		Prefix prefix = prefix(cutoff);
		if (prefix.stop() <= prefix.first()) {
			return Expired.NONE;
		}
		return jdbc.sql("""
				SELECT count(*), CAST(min(e.occurred_at) AS DATE) FROM audit_chain c JOIN audit_entry e ON e.seq = c.seq
				WHERE c.pos >= ? AND c.pos < ?""")
			.params(prefix.first(), prefix.stop())
			.query(Expired::read)
			.single();
	}

	/**
	 * Removes the oldest {@code limit} positions of the chain if they have all expired, or as many of them as have
	 * (the first that has not, and everything after it, stays). Rows are not skipped when locked: nothing but this job
	 * touches the chain's start, and {@code audit_prune} takes a lock of its own.
	 */
	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		Prefix prefix = prefix(cutoff);
		if (prefix.stop() <= prefix.first()) {
			return 0;
		}
		long through = Math.min(prefix.stop() - 1, prefix.first() + limit - 1);
		List<String> hash = jdbc.sql("SELECT hash FROM audit_chain WHERE pos = ?").param(through).query(String.class).list();
		if (hash.isEmpty()) {
			throw new IllegalStateException("Position " + through + " of the audit chain is missing: check /admin/audit");
		}
		String[] signed = anchors.sign(prefix.first(), through, hash.get(0).strip());
		long removed = jdbc.sql("SELECT audit_prune(?, ?, ?, ?, ?)")
			.params(prefix.first(), through, hash.get(0).strip(), signed[0], signed[1])
			.query(Long.class)
			.single();
		return Math.toIntExact(removed);
	}
}
