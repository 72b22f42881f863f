package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.VaerdigApplication;
import dk.vaerdig.access.AuditLog.CheckpointCheck;
import dk.vaerdig.access.internal.AuditAnchors;
import dk.vaerdig.access.internal.AuditCheckpoints;

/**
 * The audit log's own retention, attacked. The chain of the shared test database starts with today's entries, so
 * these tests run a second application context on a database of their own in the same PostgreSQL server (migrated by
 * Flyway as the owner, the app connected as {@code vaerdig_app}, as on a real server), whose chain starts with old
 * entries: 25 of 2015, then 5 two years old (younger than the 5-year floor), then 5 of today. A checkpoint outside the
 * database is written at position 15. The tests run in order, each on the state the one before left.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogRetentionIntegrationTest {

	static final String DATABASE = "audit_retention_test";

	static final Instant OLD = Instant.parse("2015-01-01T10:00:00Z");

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext node;

	static Path checkpointFile;

	@BeforeAll
	static void aNodeOnADatabaseWhoseChainStartsWithOldEntries(@Autowired EmbeddedPostgres embedded) throws Exception {
		postgres = embedded;
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			s.execute("CREATE DATABASE " + DATABASE + " OWNER vaerdig_owner");
		}
		checkpointFile = Files.createTempFile("vaerdig-audit-retention-", ".log");
		node = new SpringApplicationBuilder(VaerdigApplication.class)
			.properties(Map.ofEntries(Map.entry("spring.datasource.url", postgres.getJdbcUrl("vaerdig_app", DATABASE)),
					Map.entry("spring.datasource.username", "vaerdig_app"),
					Map.entry("spring.datasource.password", "vaerdig_app"),
					Map.entry("spring.flyway.url", postgres.getJdbcUrl("vaerdig_owner", DATABASE)),
					Map.entry("spring.flyway.user", "vaerdig_owner"),
					Map.entry("spring.flyway.password", "vaerdig_owner"),
					Map.entry("server.port", "0"),
					Map.entry("vaerdig.demo.enabled", "false"),
					Map.entry("spring.modulith.events.republish-outstanding-events-on-restart", "false"),
					Map.entry("vaerdig.access.audit.checkpoint-file", checkpointFile.toString()),
					Map.entry("vaerdig.access.audit.checkpoint-interval", "1h")))
			.run();
		entries(15, OLD);
		chainEverything();
		assertThat(bean(AuditCheckpoints.class).write()).hasValueSatisfying(c -> assertThat(c.pos()).isEqualTo(15));
		entries(10, OLD.plus(Duration.ofDays(1)));
		entries(5, Instant.now().minus(Duration.ofDays(730)));
		entries(5, Instant.now());
		chainEverything();
		assertThat(head()).isEqualTo(35);
	}

	@AfterAll
	static void dropTheDatabase() throws Exception {
		if (node != null) {
			node.close();
		}
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
		}
		Files.deleteIfExists(checkpointFile);
	}

	static <T> T bean(Class<T> type) {
		return node.getBean(type);
	}

	/** The app's own connection: the role {@code vaerdig_app}. */
	static JdbcClient app() {
		return bean(JdbcClient.class);
	}

	static AttackerConnection owner() {
		return AttackerConnection.open(postgres, DATABASE);
	}

	static void entries(int n, Instant from) {
		for (int i = 0; i < n; i++) {
			app().sql("""
					INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail)
					VALUES (?, 'retention-test', ?, 'VIEW_CASE', 'retention-test')""")
				.params(Timestamp.from(from.plusSeconds(i)), 900L + i)
				.update();
		}
	}

	static void chainEverything() throws InterruptedException {
		AuditLog audit = bean(AuditLog.class);
		for (int i = 0; i < 200 && audit.unchained() > 0; i++) {
			if (audit.chain() == 0) {
				Thread.sleep(50);
			}
		}
		assertThat(audit.unchained()).isZero();
	}

	static long head() {
		return app().sql("SELECT max(pos) FROM audit_chain").query(Long.class).single();
	}

	static long first() {
		return app().sql("SELECT min(pos) FROM audit_chain").query(Long.class).single();
	}

	static String hashAt(long pos) {
		return app().sql("SELECT hash FROM audit_chain WHERE pos = ?").param(pos).query(String.class).single().strip();
	}

	static AuditLog.Verification verify() {
		return bean(AuditLog.class).verify();
	}

	static Retention.Preview auditLogPreview() {
		Retention retention = bean(Retention.class);
		return retention.dryRun(retention.today()).stream().filter(p -> p.kind().equals("audit-log")).findFirst()
			.orElseThrow();
	}

	@Test
	@Order(1)
	void theAppsRoleCannotDeleteEntriesNorWriteAnchorsOrTheFloorAndAnAnchorWithoutTheKeyIsFound() {
		for (String sql : List.of("DELETE FROM audit_entry", "DELETE FROM audit_chain",
				"UPDATE audit_retention_floor SET keep_for = INTERVAL '1 day'", "DELETE FROM audit_retention_floor",
				"INSERT INTO audit_anchor (pos, from_pos, hash, removed, keep_for, anchored_at, key_id, mac) "
						+ "VALUES (5, 1, repeat('0', 64), 5, INTERVAL '5 years', now(), 'test', repeat('1', 64))",
				"DELETE FROM audit_anchor", "TRUNCATE audit_anchor")) {
			assertThatThrownBy(() -> app().sql(sql).update()).as(sql).rootCause().hasMessageContaining("permission denied");
		}
		assertThat(bean(AuditLog.class).appRoleCanRewrite()).isFalse();
		assertThat(verify().intact()).isTrue();
		// the owner can write an anchor, but not sign it: it is found, and so is the chain that no longer fits it
		try (AttackerConnection owner = owner()) {
			owner.jdbc().sql("""
					INSERT INTO audit_anchor (pos, from_pos, hash, removed, keep_for, anchored_at, key_id, mac)
					VALUES (5, 1, ?, 5, INTERVAL '5 years', now(), 'test', repeat('1', 64))""").param(hashAt(5)).update();
			try {
				AuditLog.Verification forged = verify();
				assertThat(forged.forgedAnchorPos()).isEqualTo(5);
				assertThat(forged.intact()).isFalse();
				assertThatThrownBy(() -> owner.jdbc().sql("DELETE FROM audit_anchor").update())
					.hasMessageContaining("append-only");
			}
			finally {
				owner.withoutAnyAuditTriggers(() -> owner.jdbc().sql("DELETE FROM audit_anchor WHERE pos = 5").update());
			}
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	@Order(2)
	void aPruneCalledWithoutTheKeysHmacIsFound() {
		String hash = hashAt(5);
		// the app's role may call the function, but without the key it cannot make the anchor's HMAC
		long removed = app().sql("SELECT audit_prune(1, 5, ?, 'test', repeat('0', 64))").param(hash).query(Long.class)
			.single();
		assertThat(removed).isEqualTo(5);
		AuditLog.Verification verification = verify();
		assertThat(verification.forgedAnchorPos()).isEqualTo(5);
		assertThat(verification.firstBroken()).isEmpty();
		assertThat(verification.intact()).isFalse();
		// put right with the key (what the job would have signed), so the following tests start from an intact log
		String[] signed = bean(AuditAnchors.class).sign(1, 5, hash);
		try (AttackerConnection owner = owner()) {
			owner.withoutAnyAuditTriggers(() -> owner.jdbc().sql("UPDATE audit_anchor SET key_id = ?, mac = ? WHERE pos = 5")
				.params(signed[0], signed[1]).update());
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	@Order(3)
	void theRetentionJobRemovesTheExpiredStartOfTheChainInBatchesAndTheLogStaysIntact() {
		Retention.Preview before = auditLogPreview();
		assertThat(before.enforced()).isTrue();
		assertThat(before.count()).isEqualTo(20);
		assertThat(before.oldest()).isEqualTo(LocalDate.of(2015, 1, 1));

		Retention retention = bean(Retention.class);
		Retention.RunResult run = retention.run(retention.today(), Long.MAX_VALUE, 7);

		assertThat(run.outcome()).isEqualTo(Retention.Outcome.DONE);
		assertThat(run.removed()).containsEntry("audit-log", 20L);
		assertThat(retention.removedIn(run.runId())).containsEntry("audit-log", 20L);
		assertThat(first()).isEqualTo(26);
		assertThat(app().sql("SELECT pos, from_pos, removed FROM audit_anchor ORDER BY pos")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list())
			.containsExactly(List.of(5L, 1L, 5L), List.of(12L, 6L, 7L), List.of(19L, 13L, 7L), List.of(25L, 20L, 6L));
		AuditLog.Verification verification = verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.checked()).isEqualTo(10);
		assertThat(verification.prunedThrough()).isEqualTo(25);
		// the checkpoint of position 15 covers entries that retention removed: passed, not "the log was cut"
		assertThat(verification.checkpoint()).isEqualTo(CheckpointCheck.PRUNED);
		assertThat(auditLogPreview().count()).isZero();
		// and a new checkpoint of the head is written and matches
		assertThat(bean(AuditCheckpoints.class).write()).hasValueSatisfying(c -> assertThat(c.pos()).isEqualTo(35));
		assertThat(verify().checkpoint()).isEqualTo(CheckpointCheck.MATCHES);
	}

	@Test
	@Order(4)
	void theAdministratorIsToldTheLogIsIntactAndWhatRetentionRemoved() throws Exception {
		app().sql("INSERT INTO staff_user (username, display_name, role) VALUES ('admin', 'Admin', 'ADMIN')").update();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) node).apply(springSecurity()).build();
		MvcResult checked = mvc.perform(post("/admin/audit/verify").with(user("admin").roles("ADMIN")).with(csrf()))
			.andReturn();
		String page = mvc.perform(get("/admin/audit").with(user("admin").roles("ADMIN")).flashAttrs(checked.getFlashMap()))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Loggen er intakt. 10 linjer er kontrolleret.")
			.contains("Linje 1 til 25 er slettet efter reglerne for opbevaring.")
			.contains("Loggen stemmer med det seneste kontrolpunkt");
	}

	@Test
	@Order(5)
	void aShorterRuleWrittenByTheAppDoesNotGoBelowTheFloorAndTheFunctionRefusesYoungEntries() {
		Retention retention = bean(Retention.class);
		app().sql("""
				INSERT INTO retention_rule (kind, valid_from, keep_for, legal_basis)
				VALUES ('audit-log', ?, 'P1Y', 'test')""").param(retention.today()).update();
		try {
			assertThat(retention.ruleInForce("audit-log", retention.today()).orElseThrow().keepFor())
				.isEqualTo(Period.ofYears(1));
			// positions 26 to 30 are two years old: expired by the app's rule, not by the database's floor of 5 years
			assertThat(auditLogPreview().count()).isZero();
			assertThat(retention.run(retention.today(), Long.MAX_VALUE, 7).removed().getOrDefault("audit-log", 0L)).isZero();
			String hash = hashAt(26);
			String[] signed = bean(AuditAnchors.class).sign(26, 26, hash);
			assertThatThrownBy(() -> app().sql("SELECT audit_prune(26, 26, ?, ?, ?)").params(hash, signed[0], signed[1])
				.query(Long.class).single()).rootCause().hasMessageContaining("younger than 5 years");
		}
		finally {
			app().sql("DELETE FROM retention_rule WHERE legal_basis = 'test'").update();
		}
		// nor the head, nor anything but the start of the chain
		assertThatThrownBy(() -> app().sql("SELECT audit_prune(27, 27, ?, 'test', repeat('0', 64))").param(hashAt(27))
			.query(Long.class).single()).rootCause().hasMessageContaining("only the start of the audit chain");
		assertThatThrownBy(() -> app().sql("SELECT audit_prune(26, 35, ?, 'test', repeat('0', 64))").param(hashAt(35))
			.query(Long.class).single()).rootCause().hasMessageContaining("head of the audit chain");
		assertThat(first()).isEqualTo(26);
		assertThat(verify().intact()).isTrue();
	}

	@Test
	@Order(6)
	void aStartCutOutsideRetentionARemovedAnchorAndAMissingEntryAreFound() {
		try (AttackerConnection owner = owner()) {
			owner.jdbc().sql("CREATE TEMP TABLE cut_link AS SELECT * FROM audit_chain WHERE pos IN (26, 32)").update();
			owner.jdbc().sql("CREATE TEMP TABLE cut_entry AS SELECT e.* FROM audit_entry e JOIN cut_link USING (seq)").update();
			owner.jdbc().sql("CREATE TEMP TABLE cut_anchor AS SELECT * FROM audit_anchor WHERE pos = 25").update();

			// the oldest entry left goes without the function: the chain no longer starts after the latest anchor
			owner.withoutTriggers(() -> {
				owner.jdbc().sql("DELETE FROM audit_chain WHERE pos = 26").update();
				owner.jdbc().sql("DELETE FROM audit_entry WHERE seq = (SELECT seq FROM cut_link WHERE pos = 26)").update();
			});
			assertThat(verify().firstBroken()).contains(26L);
			assertThat(verify().intact()).isFalse();
			// and the function will not go on from there
			String[] signed = bean(AuditAnchors.class).sign(27, 27, hashAt(27));
			assertThatThrownBy(() -> app().sql("SELECT audit_prune(27, 27, ?, ?, ?)").params(hashAt(27), signed[0], signed[1])
				.query(Long.class).single()).rootCause().hasMessageContaining("not right after the latest anchor");

			// ... nor when the owner covers the cut with an anchor of their own making
			owner.jdbc().sql("""
					INSERT INTO audit_anchor (pos, from_pos, hash, removed, keep_for, anchored_at, key_id, mac)
					SELECT 26, 26, hash, 1, INTERVAL '5 years', now(), key_id, repeat('2', 64) FROM cut_link WHERE pos = 26""")
				.update();
			AuditLog.Verification covered = verify();
			assertThat(covered.forgedAnchorPos()).isEqualTo(26);
			assertThat(covered.firstBroken()).isEmpty();
			assertThat(covered.intact()).isFalse();
			owner.withoutAnyAuditTriggers(() -> {
				owner.jdbc().sql("DELETE FROM audit_anchor WHERE pos = 26").update();
				owner.jdbc().sql("INSERT INTO audit_entry SELECT * FROM cut_entry WHERE seq = (SELECT seq FROM cut_link WHERE pos = 26)").update();
				owner.jdbc().sql("INSERT INTO audit_chain SELECT * FROM cut_link WHERE pos = 26").update();
			});
			assertThat(verify().intact()).isTrue();

			// the latest anchor taken away: the chain is checked from the one before, and does not start there
			owner.withoutAnyAuditTriggers(() -> owner.jdbc().sql("DELETE FROM audit_anchor WHERE pos = 25").update());
			assertThat(verify().firstBroken()).contains(20L);
			owner.jdbc().sql("INSERT INTO audit_anchor SELECT * FROM cut_anchor").update();
			assertThat(verify().intact()).isTrue();

			// an entry deleted in the middle is found as before
			owner.withoutTriggers(() -> {
				owner.jdbc().sql("DELETE FROM audit_chain WHERE pos = 32").update();
				owner.jdbc().sql("DELETE FROM audit_entry WHERE seq = (SELECT seq FROM cut_link WHERE pos = 32)").update();
			});
			assertThat(verify().firstBroken()).contains(32L);
			owner.jdbc().sql("INSERT INTO audit_entry SELECT * FROM cut_entry WHERE seq = (SELECT seq FROM cut_link WHERE pos = 32)").update();
			owner.jdbc().sql("INSERT INTO audit_chain SELECT * FROM cut_link WHERE pos = 32").update();
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	@Order(7)
	void aCutTailIsStillFoundByTheCheckpointAfterPruning() {
		assertThat(bean(AuditCheckpoints.class).latest().checkpoint()).hasValueSatisfying(c -> assertThat(c.pos()).isEqualTo(35));
		try (AttackerConnection owner = owner()) {
			owner.jdbc().sql("CREATE TEMP TABLE cut_link AS SELECT * FROM audit_chain WHERE pos > 33").update();
			owner.jdbc().sql("CREATE TEMP TABLE cut_entry AS SELECT e.* FROM audit_entry e JOIN cut_link USING (seq)").update();
			owner.withoutTriggers(() -> {
				owner.jdbc().sql("DELETE FROM audit_chain WHERE pos > 33").update();
				owner.jdbc().sql("DELETE FROM audit_entry WHERE seq IN (SELECT seq FROM cut_entry)").update();
			});
			try {
				AuditLog.Verification verification = verify();
				assertThat(verification.firstBroken()).isEmpty();
				assertThat(verification.checkpoint()).isEqualTo(CheckpointCheck.MISSING);
				assertThat(verification.intact()).isFalse();
			}
			finally {
				owner.jdbc().sql("INSERT INTO audit_entry SELECT * FROM cut_entry ORDER BY seq").update();
				owner.jdbc().sql("INSERT INTO audit_chain SELECT * FROM cut_link ORDER BY pos").update();
			}
		}
		assertThat(verify().intact()).isTrue();
	}
}
