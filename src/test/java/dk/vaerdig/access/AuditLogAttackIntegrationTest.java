package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.access.AuditLog.AuditEntry;
import dk.vaerdig.access.AuditLog.CheckpointCheck;
import dk.vaerdig.access.internal.AuditCheckpoints;
import dk.vaerdig.access.internal.AuditKeys;

/**
 * Attacks on the audit log, each refused or detected. The attacker of most tests holds the schema owner's rights
 * (more than the app has): they switch the append-only triggers off and change the tables at will, but do not hold
 * the key. Each test puts the log back as it was afterwards, so the shared log stays intact for the other tests.
 */
@IntegrationTest
class AuditLogAttackIntegrationTest {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedPostgres postgres;

	AttackerConnection owner;

	@BeforeEach
	void someEntriesChainedAndCheckpointed() throws Exception {
		for (int i = 0; i < 6; i++) {
			audit.append("tester", 500L + i, AuditAction.VIEW_CASE, "attack-test");
		}
		chainEverything();
		checkpoints.write();
		assertThat(audit.verify().intact()).isTrue();
		owner = AttackerConnection.open(postgres);
		owner.holdChainLock();
	}

	@AfterEach
	void logIsIntactAgain() {
		owner.close();
		assertThat(audit.verify().intact()).isTrue();
	}

	void chainEverything() throws InterruptedException {
		for (int i = 0; i < 100 && audit.unchained() > 0; i++) {
			if (audit.chain() == 0) {
				Thread.sleep(50);
			}
		}
		assertThat(audit.unchained()).isZero();
	}

	long head() {
		return jdbc.sql("SELECT max(pos) FROM audit_chain").query(Long.class).single();
	}

	@Test
	void theAppsRoleCannotChangeDeleteTruncateOrSwitchOffTheTriggers() {
		for (String table : List.of("audit_entry", "audit_chain")) {
			assertThatThrownBy(() -> jdbc.sql("UPDATE " + table + " SET seq = seq").update())
				.rootCause().hasMessageContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("DELETE FROM " + table).update()).rootCause()
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("TRUNCATE " + table).update()).rootCause()
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER").update())
				.rootCause().hasMessageContaining("must be owner");
			assertThatThrownBy(() -> jdbc.sql("DROP TABLE " + table).update()).rootCause()
				.hasMessageContaining("must be owner");
		}
		// nor can it slip an entry in below the chainer's position, where it would never be chained
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, action, tx) VALUES (now(), 'x', 'VIEW_CASE', 0)""").update())
			.rootCause().hasMessageContaining("permission denied");
		assertThat(audit.appRoleCanRewrite()).isFalse();
	}

	@Test
	void evenTheOwnerCannotChangeTheLogWhileTheTriggersAreOn() {
		assertThatThrownBy(() -> owner.jdbc().sql("UPDATE audit_entry SET actor = 'x'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> owner.jdbc().sql("DELETE FROM audit_chain").update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> owner.jdbc().sql("TRUNCATE audit_entry CASCADE").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void aChangedEntryIsDetected() {
		long pos = head() - 3;
		owner.changeActor(pos, "nobody");
		try {
			assertThat(audit.verify().firstBroken()).contains(pos);
			assertThat(audit.verify().intact()).isFalse();
		}
		finally {
			owner.changeActor(pos, "tester");
		}
	}

	@Test
	void aChangedListOfCandidatesIsDetected() throws Exception {
		owner.releaseChainLock();
		audit.appendAll("tester", List.of(610L, 611L, 612L), AuditAction.VIEW_LIST, "attack-test list");
		audit.append("tester", 613L, AuditAction.VIEW_CASE, "attack-test");
		chainEverything();
		owner.holdChainLock();
		long pos = head() - 1;
		String list = "UPDATE audit_entry SET candidate_id = ?, candidate_ids = CAST(? AS BIGINT[]) "
				+ "WHERE seq = (SELECT seq FROM audit_chain WHERE pos = ?)";
		assertThat(owner.jdbc().sql("SELECT candidate_ids::text FROM audit_entry e JOIN audit_chain c USING (seq) WHERE pos = ?")
			.param(pos).query(String.class).single()).isEqualTo("{610,611,612}");
		assertThat(audit.verify().intact()).isTrue();
		// a candidate taken off the list, the order changed, the list replaced by one of its candidates
		for (Object[] change : List.of(new Object[] { null, "{610,612}" }, new Object[] { null, "{612,611,610}" },
				new Object[] { 611L, null })) {
			owner.withoutTriggers(() -> owner.jdbc().sql(list).params(change[0], change[1], pos).update());
			try {
				assertThat(audit.verify().firstBroken()).as("candidate %s, list %s", change[0], change[1]).contains(pos);
			}
			finally {
				owner.withoutTriggers(() -> owner.jdbc().sql(list).params(null, "{610,611,612}", pos).update());
			}
		}
	}

	@Test
	void anEntryDeletedInTheMiddleIsDetected() {
		long pos = head() - 3;
		owner.jdbc().sql("CREATE TEMP TABLE gone_link AS SELECT * FROM audit_chain WHERE pos = ?").param(pos).update();
		owner.jdbc().sql("CREATE TEMP TABLE gone_entry AS SELECT e.* FROM audit_entry e JOIN gone_link USING (seq)").update();
		owner.withoutTriggers(() -> {
			owner.jdbc().sql("DELETE FROM audit_chain WHERE pos = ?").param(pos).update();
			owner.jdbc().sql("DELETE FROM audit_entry WHERE seq = (SELECT seq FROM gone_entry)").update();
		});
		try {
			assertThat(audit.verify().firstBroken()).contains(pos);
		}
		finally {
			owner.jdbc().sql("INSERT INTO audit_entry SELECT * FROM gone_entry").update();
			owner.jdbc().sql("INSERT INTO audit_chain SELECT * FROM gone_link").update();
		}
	}

	@Test
	void aCutTailIsDetectedByTheCheckpointOutsideTheDatabase() {
		long head = head();
		assertThat(checkpoints.latest().checkpoint()).hasValueSatisfying(c -> assertThat(c.pos()).isEqualTo(head));
		// the newest 3 entries go, links and all: what is left is a valid chain, only shorter
		owner.jdbc().sql("CREATE TEMP TABLE cut_link AS SELECT * FROM audit_chain WHERE pos > ?").param(head - 3).update();
		owner.jdbc().sql("CREATE TEMP TABLE cut_entry AS SELECT e.* FROM audit_entry e JOIN cut_link USING (seq)").update();
		owner.withoutTriggers(() -> {
			owner.jdbc().sql("DELETE FROM audit_chain WHERE pos > ?").param(head - 3).update();
			owner.jdbc().sql("DELETE FROM audit_entry WHERE seq IN (SELECT seq FROM cut_entry)").update();
		});
		try {
			AuditLog.Verification verification = audit.verify();
			assertThat(verification.firstBroken()).isEmpty();
			assertThat(verification.checkpoint()).isEqualTo(CheckpointCheck.MISSING);
			assertThat(verification.checkpointPos()).isEqualTo(head);
			assertThat(verification.intact()).isFalse();
			// and no new checkpoint covers the cut up
			assertThat(checkpoints.write()).isEmpty();
		}
		finally {
			owner.jdbc().sql("INSERT INTO audit_entry SELECT * FROM cut_entry ORDER BY seq").update();
			owner.jdbc().sql("INSERT INTO audit_chain SELECT * FROM cut_link ORDER BY pos").update();
		}
		assertThat(checkpoints.check(checkpoints.latest().checkpoint().orElseThrow())).isEqualTo(CheckpointCheck.MATCHES);
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain SHA-256", "a guessed key" })
	void aChainRecomputedWithoutTheKeyIsDetected(String how) throws Exception {
		AuditKeys guessed = AuditKeys.parse(List.of("guess:" + AuditKeys.newKey()));
		owner.jdbc().sql("CREATE TEMP TABLE true_chain AS SELECT * FROM audit_chain").update();
		List<Object[]> rows = owner.jdbc().sql("""
				SELECT c.pos, c.seq, c.key_id, e.occurred_at, e.actor, e.candidate_id, e.action, e.detail
				FROM audit_chain c JOIN audit_entry e USING (seq) ORDER BY c.pos""")
			.query((rs, n) -> new Object[] { rs.getLong("pos"), rs.getString("key_id"),
					new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
							(Long) rs.getObject("candidate_id"), AuditAction.valueOf(rs.getString("action")),
							rs.getString("detail")) })
			.list();
		// the attacker also changes who looked at one entry, then makes every hash after it fit again
		long changed = head() - 2;
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		List<Object[]> rewritten = new ArrayList<>();
		String prev = "0".repeat(64);
		for (Object[] row : rows) {
			long pos = (Long) row[0];
			AuditEntry e = (AuditEntry) row[2];
			if (pos == changed) {
				e = new AuditEntry(e.seq(), e.occurredAt(), "nobody", e.candidateId(), e.action(), e.detail());
			}
			String hash = how.equals("plain SHA-256")
					? HexFormat.of().formatHex(sha.digest((pos + "|" + e + "|" + prev).getBytes(StandardCharsets.UTF_8)))
					: AuditLog.hash(guessed.rotatedTo("%s:%s".formatted(row[1], AuditKeys.newKey())), (String) row[1], pos, e,
							prev);
			rewritten.add(new Object[] { prev, hash, pos });
			prev = hash;
		}
		owner.withoutTriggers(() -> {
			owner.jdbc().sql("UPDATE audit_entry SET actor = 'nobody' WHERE seq = (SELECT seq FROM audit_chain WHERE pos = ?)")
				.param(changed).update();
			owner.batch("UPDATE audit_chain SET prev_hash = ?, hash = ? WHERE pos = ?", rewritten);
		});
		try {
			AuditLog.Verification verification = audit.verify();
			assertThat(verification.firstBroken()).contains(1L);
			assertThat(verification.intact()).isFalse();
		}
		finally {
			owner.withoutTriggers(() -> {
				owner.jdbc().sql("""
						UPDATE audit_chain c SET prev_hash = t.prev_hash, hash = t.hash FROM true_chain t WHERE t.pos = c.pos""")
					.update();
				owner.changeActor(changed, "tester");
			});
		}
	}

	@Test
	void anEntryAddedOutsideTheChainIsDetected() {
		long seq = owner.jdbc().sql("""
				INSERT INTO audit_entry (occurred_at, actor, action, tx) VALUES (now(), 'framed', 'REVEAL_CPR', 0)
				RETURNING seq""").query(Long.class).single();
		try {
			AuditLog.Verification verification = audit.verify();
			assertThat(verification.outsideChain()).isOne();
			assertThat(verification.intact()).isFalse();
		}
		finally {
			owner.withoutTriggers(() -> owner.jdbc().sql("DELETE FROM audit_entry WHERE seq = ?").param(seq).update());
		}
	}

	@Test
	void aForgedCheckpointIsDetected() throws Exception {
		Path file = checkpoints.file().orElseThrow();
		Files.writeString(file, "audit-checkpoint v1 pos=1 hash=" + "0".repeat(64) + " at=2026-01-01T00:00:00Z key="
				+ jdbc.sql("SELECT key_id FROM audit_chain ORDER BY pos DESC LIMIT 1").query(String.class).single()
				+ " mac=" + "1".repeat(64) + "\n", StandardOpenOption.APPEND);
		assertThat(audit.verify().checkpoint()).isEqualTo(CheckpointCheck.FORGED);
		// a new, valid checkpoint after it puts it behind
		owner.releaseChainLock();
		audit.append("tester", null, AuditAction.SEARCH, "attack-test");
		chainEverything();
		assertThat(checkpoints.write()).isPresent();
		assertThat(audit.verify().checkpoint()).isEqualTo(CheckpointCheck.MATCHES);
	}
}
