package dk.vaerdig.access.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.RetentionSource;

/**
 * The audit log's own rule, counted from each entry's time. It is listed and counted in the dry run, but this job does
 * not delete audit entries: the table refuses DELETE (append-only trigger), and cutting the hash chain's start needs
 * a signed checkpoint that the redesign of the audit table's permissions brings. Until then nothing is removed.
 */
@Component
class AuditLogRetention implements RetentionSource {

	private final JdbcClient jdbc;

	AuditLogRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "audit-log";
	}

	@Override
	public RetentionAction action() {
		return RetentionAction.DELETE;
	}

	@Override
	public int order() {
		return 1000;
	}

	@Override
	public boolean enforced() {
		return false;
	}

	@Override
	public Expired expired(RetentionCutoff cutoff) {
		return jdbc.sql("SELECT count(*), CAST(min(occurred_at) AS DATE) FROM audit_entry WHERE occurred_at < ?")
			.param(cutoff.sqlTimestamp())
			.query(Expired::read)
			.single();
	}

	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		throw new UnsupportedOperationException("Audit entries are not deleted by the retention job yet");
	}
}
