package dk.vaerdig.access;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dk.vaerdig.IntegrationTest;

/** The audit log's chain and its use; the attacks on it are in {@link AuditLogAttackIntegrationTest}. */
@IntegrationTest
class AuditLogIntegrationTest {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	@Autowired
	EmbeddedPostgres postgres;

	/** Chains now; if the background chainer holds the lock at this moment, waits for it to finish. */
	void chainEverything() throws InterruptedException {
		for (int i = 0; i < 100 && audit.unchained() > 0; i++) {
			if (audit.chain() == 0) {
				Thread.sleep(50);
			}
		}
		assertThat(audit.unchained()).isZero();
	}

	@Test
	void concurrentWritersMakeOneUnbrokenChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 200; i++) {
			long candidate = i;
			pool.submit(() -> audit.append("tester", candidate, AuditAction.VIEW_CASE, null));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		chainEverything();
		AuditLog.Verification verification = audit.verify();
		assertThat(verification.firstBroken()).isEmpty();
		assertThat(verification.outsideChain()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_entry e WHERE actor = 'tester'
				AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = e.seq)""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_chain").query(Long.class).single())
			.isEqualTo(jdbc.sql("SELECT max(pos) FROM audit_chain").query(Long.class).single())
			.isEqualTo(verification.checked());
	}

	@Test
	void aBatchIsLinkedInOneStatementAndTheChainHolds() throws Exception {
		chainEverything();
		long headBefore = jdbc.sql("SELECT coalesce(max(pos), 0) FROM audit_chain").query(Long.class).single();
		String marker = "one-statement-" + System.nanoTime();
		// the background chainer must leave these entries to this test's call: another node holds its lock
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'audit-chain'").query(Long.class).single() == 1);
		jdbc.sql("""
				UPDATE shedlock SET lock_until = timezone('utc', now()) + interval '1 hour',
				  locked_at = timezone('utc', now()), locked_by = 'another-node' WHERE name = 'audit-chain'""").update();
		int[] linked = { 0 };
		List<String> statements;
		try {
			Thread.sleep(600); // a run that had begun before has ended
			for (int i = 0; i < 40; i++) {
				audit.append("tester", 900L + i, AuditAction.VIEW_CASE, marker);
			}
			audit.appendAll("tester", List.of(901L, 903L, 902L), AuditAction.VIEW_LIST, marker);
			statements = dk.vaerdig.SqlStatements.onThisThread(() -> {
				for (int i = 0; i < 100 && audit.unchained() > 0; i++) {
					linked[0] += audit.chain();
				}
			});
		}
		finally {
			jdbc.sql("UPDATE shedlock SET lock_until = timezone('utc', now()) WHERE name = 'audit-chain'").update();
		}
		assertThat(linked[0]).isGreaterThanOrEqualTo(41);
		long runs = statements.stream().filter(s -> s.contains("pg_try_advisory_xact_lock")).count();
		assertThat(statements.stream().filter(s -> s.contains("INSERT INTO audit_chain")).count())
			.as("one INSERT per batch, not per entry: %s", statements)
			.isLessThanOrEqualTo(runs);
		// every entry linked once, at consecutive positions, each to the hash before it
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_entry e JOIN audit_chain c ON c.seq = e.seq WHERE e.detail = ?""")
			.param(marker).query(Long.class).single()).isEqualTo(41);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_chain c JOIN audit_chain p ON p.pos = c.pos - 1
				WHERE c.pos > ? AND c.prev_hash = p.hash""").param(headBefore).query(Long.class).single())
			.isEqualTo(jdbc.sql("SELECT max(pos) - ? FROM audit_chain").param(headBefore).query(Long.class).single());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_chain").query(Long.class).single())
			.isEqualTo(jdbc.sql("SELECT max(pos) - min(pos) + 1 FROM audit_chain").query(Long.class).single());
		AuditLog.Verification verification = audit.verify();
		assertThat(verification.firstBroken()).isEmpty();
		assertThat(verification.outsideChain()).isZero();
	}

	@Test
	void anEntryWhoseTransactionCommitsLateIsChainedNotSkipped() throws Exception {
		String early = "late-commit-early-" + System.nanoTime();
		String later = "late-commit-later-" + System.nanoTime();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		Thread slow = new Thread(() -> tx.executeWithoutResult(s -> {
			audit.append("tester", null, AuditAction.SEARCH, early);
			written.countDown();
			try {
				commit.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		slow.start();
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		// a later entry commits first; it must wait for the earlier transaction rather than be chained ahead of it
		audit.append("tester", null, AuditAction.SEARCH, later);
		String chained = "SELECT count(*) FROM audit_entry e JOIN audit_chain c ON c.seq = e.seq WHERE e.detail = ?";
		Thread.sleep(1200); // two turns of the background chainer
		audit.chain();
		assertThat(jdbc.sql(chained).param(later).query(Long.class).single()).isZero();
		commit.countDown();
		slow.join(10_000);
		chainEverything();
		assertThat(jdbc.sql(chained).param(early).query(Long.class).single()).isOne();
		assertThat(jdbc.sql(chained).param(later).query(Long.class).single()).isOne();
		assertThat(audit.verify().firstBroken()).isEmpty();
	}

	@Test
	void entriesSignedWithAnOlderKeyStillVerifyAfterRotation(@Autowired AuditLog auditLog,
			@Autowired dk.vaerdig.access.internal.AuditKeys keys, @Autowired org.springframework.jdbc.core.JdbcTemplate template,
			@Autowired java.time.Clock clock, @Autowired dk.vaerdig.access.internal.AuditCheckpoints checkpoints)
			throws Exception {
		chainEverything();
		dk.vaerdig.access.internal.AuditKeys rotated = keys
			.rotatedTo("rotation-test:" + dk.vaerdig.access.internal.AuditKeys.newKey());
		AuditLog afterRotation = new AuditLog(jdbc, clock, template, rotated, checkpoints,
				new dk.vaerdig.access.internal.AuditAnchors(rotated, jdbc));
		String marker = "rotation-" + System.nanoTime();
		// the background chainer (old keys only) must not chain the new entry first: another node holds its lock
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'audit-chain'").query(Long.class).single() == 1);
		jdbc.sql("""
				UPDATE shedlock SET lock_until = timezone('utc', now()) + interval '1 hour',
				  locked_at = timezone('utc', now()), locked_by = 'another-node' WHERE name = 'audit-chain'""").update();
		try {
			Thread.sleep(600); // a run that had begun before has ended
			audit.append("tester", null, AuditAction.SEARCH, marker);
			assertThat(afterRotation.chain()).isOne();
			jdbc.sql("UPDATE shedlock SET lock_until = timezone('utc', now()) WHERE name = 'audit-chain'").update();
			assertThat(jdbc.sql("SELECT c.key_id FROM audit_chain c JOIN audit_entry e ON e.seq = c.seq WHERE e.detail = ?")
				.param(marker).query(String.class).single()).isEqualTo("rotation-test");
			AuditLog.Verification verification = afterRotation.verify();
			assertThat(verification.firstBroken()).isEmpty();
			assertThat(jdbc.sql("SELECT count(DISTINCT key_id) FROM audit_chain").query(Long.class).single()).isEqualTo(2);
			// the app without the new key cannot verify them: such an entry counts as broken
			assertThat(audit.verify().firstBroken()).isPresent();
		}
		finally {
			jdbc.sql("UPDATE shedlock SET lock_until = timezone('utc', now()) WHERE name = 'audit-chain'").update();
			// back to one key for the other tests: the new key's links go, and the app's chainer links the entry again
			try (var owner = AttackerConnection.open(postgres)) {
				owner.holdChainLock();
				owner.jdbc().sql("ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_no_update_or_delete").update();
				owner.jdbc().sql("DELETE FROM audit_chain WHERE key_id = 'rotation-test'").update();
				owner.jdbc().sql("ALTER TABLE audit_chain ENABLE TRIGGER audit_chain_no_update_or_delete").update();
			}
			chainEverything();
		}
		assertThat(audit.verify().firstBroken()).isEmpty();
	}

	@Test
	void aChangedEntryIsShownToTheAdministrator() throws Exception {
		audit.append("tester", 77L, AuditAction.REVEAL_CPR, null);
		chainEverything();
		mvc.perform(post("/admin/audit/verify").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attributeExists("verification"));
		try (var owner = AttackerConnection.open(postgres)) {
			owner.holdChainLock();
			long pos = owner.jdbc().sql("SELECT max(pos) FROM audit_chain").query(Long.class).single();
			owner.changeActor(pos, "nobody");
			try {
				var result = mvc.perform(post("/admin/audit/verify").with(user("admin").roles("ADMIN")).with(csrf()))
					.andExpect(flash().attributeExists("verification"))
					.andReturn();
				AuditLog.Verification shown = (AuditLog.Verification) result.getFlashMap().get("verification");
				assertThat(shown.intact()).isFalse();
				assertThat(shown.firstBroken()).contains(pos);
				// the page after the redirect, in the same session, shows it
				mvc.perform(get("/admin/audit").cookie(result.getResponse().getCookies()).with(user("admin").roles("ADMIN")))
					.andExpect(status().isOk())
					.andExpect(content().string(containsText("Kæden er brudt ved linje")));
			}
			finally {
				owner.changeActor(pos, "tester");
			}
		}
		assertThat(audit.verify().firstBroken()).isEmpty();
	}

	@Test
	void theBackgroundChainerSkipsItsRunsWhileAnotherNodeHoldsTheLock() throws Exception {
		// the background chainer has taken its ShedLock row at least once
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'audit-chain'").query(Long.class).single() == 1);
		String marker = "shedlock-test-" + System.nanoTime();
		String chained = "SELECT count(*) FROM audit_entry e JOIN audit_chain c ON c.seq = e.seq WHERE e.detail = ?";
		jdbc.sql("""
				UPDATE shedlock SET lock_until = timezone('utc', now()) + interval '1 hour',
				  locked_at = timezone('utc', now()), locked_by = 'another-node' WHERE name = 'audit-chain'""").update();
		try {
			Thread.sleep(600); // a run that had begun before has ended
			audit.append("tester", null, AuditAction.SEARCH, marker);
			Thread.sleep(2000); // four turns of the chainer
			assertThat(jdbc.sql(chained).param(marker).query(Long.class).single()).isZero();
		}
		finally {
			jdbc.sql("UPDATE shedlock SET lock_until = timezone('utc', now()) WHERE name = 'audit-chain'").update();
		}
		// released, the next run chains it
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(chained).param(marker).query(Long.class).single() == 1);
	}

	@Test
	void onlyAdministratorsSeeTheLog() throws Exception {
		mvc.perform(get("/admin/audit").with(user("sagsbehandler").roles("CASEWORKER"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit")).andExpect(status().is3xxRedirection());
	}
}
