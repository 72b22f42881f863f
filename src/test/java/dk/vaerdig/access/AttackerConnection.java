package dk.vaerdig.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One connection as the owner of the schema ({@code vaerdig_owner}, the role Flyway migrates as): someone who got hold
 * of the owner's password and plays attacker. The app itself never has these rights.
 */
final class AttackerConnection implements AutoCloseable {

	private final SingleConnectionDataSource dataSource;

	private final JdbcClient jdbc;

	private AttackerConnection(SingleConnectionDataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
	}

	static AttackerConnection open(EmbeddedPostgres postgres) {
		return open(postgres, "postgres");
	}

	/** The owner's connection to another database of the same server (one a test made for itself). */
	static AttackerConnection open(EmbeddedPostgres postgres, String database) {
		return new AttackerConnection(new SingleConnectionDataSource(postgres.getJdbcUrl("vaerdig_owner", database),
				"vaerdig_owner", "vaerdig_owner", true));
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	void batch(String sql, java.util.List<Object[]> rows) {
		new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate(sql, rows);
	}

	/** Keeps the app's chainer from running (it skips its turn) until released or closed. */
	void holdChainLock() {
		jdbc.sql("SELECT pg_advisory_lock(7467001)").query().singleRow();
	}

	void releaseChainLock() {
		jdbc.sql("SELECT pg_advisory_unlock(7467001)").query().singleRow();
	}

	/** Goes around the trigger and changes who looked, in the entry at that chain position. */
	void changeActor(long pos, String actor) {
		withoutTriggers(() -> jdbc.sql("UPDATE audit_entry SET actor = ? WHERE seq = (SELECT seq FROM audit_chain WHERE pos = ?)")
			.params(actor, pos)
			.update());
	}

	/** Runs the statements with the append-only triggers of both audit tables switched off. */
	void withoutTriggers(Runnable statements) {
		jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
		jdbc.sql("ALTER TABLE audit_chain DISABLE TRIGGER USER").update();
		try {
			statements.run();
		}
		finally {
			jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
			jdbc.sql("ALTER TABLE audit_chain ENABLE TRIGGER USER").update();
		}
	}

	/** Runs the statements with the append-only triggers of the audit tables and of the anchors switched off. */
	void withoutAnyAuditTriggers(Runnable statements) {
		jdbc.sql("ALTER TABLE audit_anchor DISABLE TRIGGER USER").update();
		try {
			withoutTriggers(statements);
		}
		finally {
			jdbc.sql("ALTER TABLE audit_anchor ENABLE TRIGGER USER").update();
		}
	}

	@Override
	public void close() {
		dataSource.destroy();
	}
}
