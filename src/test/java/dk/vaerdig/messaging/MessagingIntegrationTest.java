package dk.vaerdig.messaging;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.IntegrationTest;

/** The outbox on the shared test application, where no SMS gateway or mail server is configured. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MessagingIntegrationTest {

	@Autowired
	Messaging messaging;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	@Autowired
	dk.vaerdig.access.Retention retention;

	@Autowired
	dk.vaerdig.TestCandidates candidates;

	/** Delivery does not depend on whom a message is about: most tests here send to no one's case. */
	static final Addressee NO_CASE = Addressee.noCandidate(null);

	static String key() {
		return "test:" + System.nanoTime();
	}

	long count(String key) {
		return jdbc.sql("SELECT count(*) FROM outgoing_message WHERE idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	@Test
	void aMessageWithTheSameIdempotencyKeyIsQueuedOnce() throws Exception {
		String key = key();
		assertThat(messaging.sendSms(NO_CASE, "20 30 40 50", "Hej", "test", key)).isEqualTo(QueueResult.QUEUED);
		assertThat(messaging.sendSms(NO_CASE, "20 30 40 50", "Hej igen", "test", key)).isEqualTo(QueueResult.ALREADY_QUEUED);
		assertThat(messaging.sendEmail(NO_CASE, "a@eksempel.dk", "Emne", "Hej", "test", key)).isEqualTo(QueueResult.ALREADY_QUEUED);
		assertThat(count(key)).isEqualTo(1);
		// eight requests with one key at the same moment: one message
		String raced = key();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<QueueResult>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(pool.submit((Callable<QueueResult>) () -> {
				start.await();
				return messaging.sendSms(NO_CASE, "20304050", "Hej", "test", raced);
			}));
		}
		start.countDown();
		List<QueueResult> outcomes = new ArrayList<>();
		for (Future<QueueResult> r : results) {
			outcomes.add(r.get());
		}
		pool.shutdown();
		assertThat(outcomes).containsOnlyOnce(QueueResult.QUEUED);
		assertThat(count(raced)).isEqualTo(1);
	}

	@Test
	void aMessageGoesOnlyIfTheCallersTransactionCommits() {
		String key = key();
		tx.executeWithoutResult(status -> {
			assertThat(messaging.sendSms(NO_CASE, "20304050", "Hej", "test", key)).isEqualTo(QueueResult.QUEUED);
			status.setRollbackOnly();
		});
		assertThat(count(key)).isZero();
	}

	@Test
	void aNumberOrAddressThatCannotBeSentToIsNotQueued() {
		String key = key();
		assertThat(messaging.sendSms(NO_CASE, "12 34", "Hej", "test", key)).isEqualTo(QueueResult.INVALID_ADDRESS);
		assertThat(messaging.sendEmail(NO_CASE, "mette.eksempel.dk", "Emne", "Hej", "test", key))
			.isEqualTo(QueueResult.INVALID_ADDRESS);
		assertThat(count(key)).isZero();
	}

	@Test
	void sentAndFailedMessagesAreDeletedAfterTheirTimeButQueuedOnesStay() {
		String sent = key();
		String failed = key();
		String queued = key();
		String recent = key();
		// in one transaction, so the background dispatcher never sees them in between
		tx.executeWithoutResult(status -> {
			for (String key : List.of(sent, failed, queued, recent)) {
				messaging.sendSms(NO_CASE, "20304050", "Hej", "test", key);
			}
			jdbc.sql("""
					UPDATE outgoing_message SET status = CASE WHEN idempotency_key = ? THEN 'FAILED' ELSE 'SENT' END,
					  next_attempt_at = NULL, created_at = now() - interval '31 days' WHERE idempotency_key IN (?, ?)""")
				.params(failed, sent, failed).update();
			// still waiting for its next attempt after a month
			jdbc.sql("""
					UPDATE outgoing_message SET created_at = now() - interval '31 days',
					  next_attempt_at = now() + interval '1 hour' WHERE idempotency_key = ?""").param(queued).update();
			jdbc.sql("UPDATE outgoing_message SET status = 'SENT', next_attempt_at = NULL WHERE idempotency_key = ?")
				.param(recent).update();
		});
		// the retention job's rule for sent messages (30 days from when they were queued), applied today
		var source = retention.sources().stream().filter(k -> k.kind().equals("sent-message")).findFirst().orElseThrow();
		var rule = retention.ruleInForce("sent-message", retention.today()).orElseThrow();
		assertThat(rule.keepFor()).isEqualTo(java.time.Period.ofDays(30));
		tx.executeWithoutResult(status -> source.remove(retention.cutoff(rule, retention.today()), 1_000_000));
		assertThat(List.of(sent, failed, queued, recent)).map(this::count).containsExactly(0L, 0L, 1L, 1L);
	}

	@Test
	void withoutAGatewayTheDispatcherLogsWithoutPersonalDataAndStaffReadTheTextOnTheOutboxPage(CapturedOutput output)
			throws Exception {
		String key = key();
		String text = "Hej. Svar her: http://localhost:8080/s/hemmeligt-token-" + System.nanoTime();
		var c = candidates.make("sagsbehandler");
		long team = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(c.id()).query(Long.class).single();
		messaging.sendSms(Addressee.candidate(c.id(), team), "+45 61 72 83 94", text, "test", key);
		long id = jdbc.sql("SELECT id FROM outgoing_message WHERE idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single();
		// the scheduled dispatcher (under ShedLock) delivers it to the development channel
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(jdbc.sql(
				"SELECT status FROM outgoing_message WHERE id = ?").param(id).query(String.class).single()));
		assertThat(jdbc.sql("SELECT sent_via FROM outgoing_message WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("development");
		assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'messaging-dispatch'").query(Long.class).single())
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("Message " + id + " (test, SMS)"));
		assertThat(output.getAll()).doesNotContain("61728394", "61 72 83 94", "hemmeligt-token");
		mvc.perform(get("/messaging/outbox").param("purpose", "test").with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsText("…94")))
			.andExpect(content().string(not(containsString("61728394"))));
		mvc.perform(get("/messaging/outbox").with(user("politiker").roles("POLITICIAN"))).andExpect(status().isForbidden());
	}
}
