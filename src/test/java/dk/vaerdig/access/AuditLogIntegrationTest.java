package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dk.vaerdig.Html.containsText;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.IntegrationTest;

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
		assertThat(audit.verify().intact()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = 'tester' AND chain_pos IS NULL")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE chain_pos IS NOT NULL").query(Long.class).single())
			.isEqualTo(jdbc.sql("SELECT last_seq FROM audit_head").query(Long.class).single());
	}

	@Test
	void theLogRefusesUpdatesAndDeletes() throws Exception {
		audit.append("tester", 1L, AuditAction.VIEW_CASE, null);
		// an entry on its way into the chain cannot be altered either
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'x', chain_pos = 999999 WHERE chain_pos IS NULL")
			.update()).hasMessageContaining("append-only");
		chainEverything();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone else'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update()).hasMessageContaining("append-only");
	}

	@Test
	void aChangedEntryIsDetectedAndShownToTheAdministrator() throws Exception {
		audit.append("tester", 77L, AuditAction.REVEAL_CPR, null);
		chainEverything();
		long seq = jdbc.sql("SELECT max(chain_pos) FROM audit_entry").query(Long.class).single();
		// someone with database superuser rights goes around the trigger and hides who looked
		tx.executeWithoutResult(s -> {
			jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete").update();
			jdbc.sql("UPDATE audit_entry SET actor = 'nobody' WHERE chain_pos = ?").param(seq).update();
			jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete").update();
		});
		try {
			assertThat(audit.verify().firstBroken()).contains(seq);
			mvc.perform(post("/admin/audit/verify").with(user("admin").roles("ADMIN")).with(csrf()))
				.andExpect(flash().attributeExists("verification"));
			mvc.perform(get("/admin/audit").param("actor", "nobody").with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsText("nobody")));
		}
		finally {
			// put the entry back so the shared log is intact for the other tests
			tx.executeWithoutResult(s -> {
				jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete").update();
				jdbc.sql("UPDATE audit_entry SET actor = 'tester' WHERE chain_pos = ?").param(seq).update();
				jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete").update();
			});
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void theBackgroundChainerSkipsItsRunsWhileAnotherNodeHoldsTheLock() throws Exception {
		// the background chainer has taken its ShedLock row at least once
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'audit-chain'").query(Long.class).single() == 1);
		String marker = "shedlock-test-" + System.nanoTime();
		String chained = "SELECT count(*) FROM audit_entry WHERE detail = ? AND chain_pos IS NOT NULL";
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
