package dk.vaerdig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dk.vaerdig.letters.internal.AuditJob;
import dk.vaerdig.letters.internal.BatchAudit;
import dk.vaerdig.letters.internal.Dictionary;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.Rule;
import dk.vaerdig.platform.AppNode;
import dk.vaerdig.platform.RateLimits;

/**
 * Two app nodes against one database, in one JVM: node A is the shared test context, node B a second application
 * context started here on the same PostgreSQL (its own web server, beans and caches; no demo data, Flyway finds
 * nothing to do). What one node changes, the other must see: the letter dictionaries, a batch audit's progress and
 * report (and a job whose node stopped is taken over), the rate-limit buckets and the login throttle. Node B counts
 * failed logins over a 10 s window, so "after the window it works again" is tested without waiting 15 minutes.
 */
@IntegrationTest
class SeveralNodesIntegrationTest {

	static ConfigurableApplicationContext nodeB;

	@Autowired
	WebApplicationContext nodeA;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvcA;

	@BeforeAll
	static void startNodeB(@Autowired javax.sql.DataSource dataSource) throws Exception {
		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		nodeB = new SpringApplicationBuilder(VaerdigApplication.class)
			.properties(Map.of("spring.datasource.url", hikari.getJdbcUrl(),
					"spring.datasource.username", hikari.getUsername(),
					"spring.datasource.password", hikari.getPassword(),
					"server.port", "0",
					"vaerdig.demo.enabled", "false",
					"spring.modulith.events.republish-outstanding-events-on-restart", "false",
					"vaerdig.access.login-throttle.window", "10s",
					"vaerdig.letters.audit-takeover-after", "2s",
					"vaerdig.letters.audit-takeover-check", "500ms"))
			.run();
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	<T> T onA(Class<T> type) {
		return nodeA.getBean(type);
	}

	static <T> T onB(Class<T> type) {
		return nodeB.getBean(type);
	}

	@Test
	void eachNodeHasANameOfItsOwn() {
		// one JVM, two application contexts: each is a node, so what one node holds is told from what the other holds
		assertThat(onA(AppNode.class).name()).isNotBlank().isNotEqualTo(onB(AppNode.class).name());
	}

	String nodeOf(UUID job) {
		return jdbc.sql("SELECT node FROM letter_audit_job WHERE id = ?").param(job).query(String.class).single();
	}

	@Test
	void aDictionaryEditOnOneNodeIsUsedByTheOtherWithinSeconds() throws Exception {
		String word = "brevnodeord" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
		String text = "Vi sender dig et " + word + " om din sag.";
		assertThat(onB(Dictionary.class).analyser().analyse(text, LetterCategory.INFORMATION).count(Rule.OFFICIALESE)).isZero();
		long edited = System.nanoTime();
		onA(Dictionary.class).save(Rule.OFFICIALESE, word, "brev", null, "kommunikation");
		assertThat(onA(Dictionary.class).analyser().analyse(text, LetterCategory.INFORMATION).count(Rule.OFFICIALESE)).isEqualTo(1);
		long seen = -1;
		while (System.nanoTime() - edited < Duration.ofSeconds(15).toNanos()) {
			if (onB(Dictionary.class).analyser().analyse(text, LetterCategory.INFORMATION).count(Rule.OFFICIALESE) == 1) {
				seen = System.nanoTime();
				break;
			}
			Thread.sleep(100);
		}
		assertThat(seen).as("node B uses the edit within 15 s (it polls every 2 s)").isPositive();
		assertThat(Duration.ofNanos(seen - edited)).isLessThan(Duration.ofSeconds(8));
	}

	@Test
	void aBatchAuditStartedOnOneNodeShowsItsProgressAndReportOnTheOther() throws Exception {
		List<BatchAudit.Upload> uploads = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			byte[] bytes = ("Undertegnede skal hermed meddele, at De bedes fremsende dokumentation nr. " + i + ".")
				.getBytes(StandardCharsets.UTF_8);
			uploads.add(new BatchAudit.Upload("brev-" + i + ".txt", bytes.length, () -> new ByteArrayInputStream(bytes)));
		}
		AuditJob started = onA(BatchAudit.class).start("kommunikation", uploads, LetterCategory.SYSTEM, false);
		// node A took the upload and runs the job; node B only shows it
		assertThat(nodeOf(started.id())).isEqualTo(onA(AppNode.class).name());
		// the staff member's session, made on node A, is good on node B (sessions are in PostgreSQL)
		WebSession session = WebSession.login(URI.create("http://localhost:" + port(nodeA) + "/"), "kommunikation", "demo");
		URI progressOnB = URI.create("http://localhost:" + port(nodeB) + "/letters/audit/" + started.id() + "/progress");
		var first = session.get(progressOnB, Map.of("HX-Request", "true"));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(WebSession.text(first)).contains("af 40 breve er gennemgået");
		AuditJob onB = null;
		for (int i = 0; i < 600; i++) {
			onB = onB(BatchAudit.class).job(started.id()).orElseThrow();
			if (onB.finished()) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(onB.state()).isEqualTo(AuditJob.DONE);
		assertThat(onB.done()).isEqualTo(40);
		assertThat(onB(BatchAudit.class).ranked(started.id(), 1000)).hasSize(40)
			.allSatisfy(row -> assertThat(row.officialese()).isPositive());
		var report = session.get(URI.create("http://localhost:" + port(nodeB) + "/letters/audit/" + started.id() + "/report.csv"), Map.of());
		assertThat(WebSession.text(report).lines().count()).isEqualTo(41);
		assertThat(jdbc.sql("SELECT count(*) FROM letter_audit_upload WHERE job_id = ?").param(started.id()).query(Long.class).single())
			.as("every upload is deleted once analysed").isZero();
	}

	@Test
	void aJobWhoseNodeStoppedIsTakenOverAndFinishedAndOneTakenOverTooOftenFailsHonestly() throws Exception {
		UUID orphan = abandonedJob(0, 5);
		UUID hopeless = abandonedJob(3, 5);
		AuditJob job = null;
		for (int i = 0; i < 300; i++) {
			job = onB(BatchAudit.class).job(orphan).orElseThrow();
			if (job.finished() && onB(BatchAudit.class).job(hopeless).orElseThrow().finished()) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(job.state()).isEqualTo(AuditJob.DONE);
		assertThat(job.takeovers()).isPositive();
		// taken over by one of the two live nodes, by its own name
		assertThat(nodeOf(orphan)).isIn(onA(AppNode.class).name(), onB(AppNode.class).name());
		assertThat(job.done()).isEqualTo(5);
		assertThat(onB(BatchAudit.class).ranked(orphan, 100)).hasSize(5);
		AuditJob failed = onB(BatchAudit.class).job(hopeless).orElseThrow();
		assertThat(failed.state()).isEqualTo(AuditJob.FAILED);
		assertThat(failed.done()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM letter_audit_upload WHERE job_id = ?").param(hopeless).query(Long.class).single()).isZero();
	}

	/** A job as a node leaves it when it dies: running, its heartbeat a minute old, 2 of its files analysed. */
	UUID abandonedJob(int takeovers, int files) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO letter_audit_job (id, owner, category, spelling, total, done, state, node, heartbeat_at, takeovers)
				VALUES (?, 'kommunikation', 'SYSTEM', false, ?, 2, 'RUNNING', 'a-node-that-died', now() - interval '1 minute', ?)""")
			.params(id, files, takeovers)
			.update();
		for (int seq = 0; seq < files; seq++) {
			if (seq < 2) {
				jdbc.sql("""
						INSERT INTO letter_audit_row (job_id, seq, file, score, grade, lix, words, sentences, long_sentences, passive,
						  nominalisations, officialese, disempowering, formal_address, spelling, missing, error)
						VALUES (?, ?, ?, 50, 'C', 40, 10, 1, 0, 0, 0, 1, 0, 0, 0, '{}', NULL)""")
					.params(id, seq, "brev-" + seq + ".txt")
					.update();
			}
			else {
				jdbc.sql("INSERT INTO letter_audit_upload (job_id, seq, name, content) VALUES (?, ?, ?, ?)")
					.params(id, seq, "brev-" + seq + ".txt", "Vi ses på tirsdag. Ring til mig.".getBytes(StandardCharsets.UTF_8))
					.update();
			}
		}
		return id;
	}

	@Test
	void aRateLimitCountsTheRequestsOfEveryNode() {
		String key = "test:" + UUID.randomUUID();
		RateLimits.Limit fivePerMinute = new RateLimits.Limit(5, Duration.ofMinutes(1));
		for (int i = 0; i < 5; i++) {
			RateLimits node = i % 2 == 0 ? onA(RateLimits.class) : onB(RateLimits.class);
			assertThat(node.tryConsume(key, fivePerMinute).allowed()).isTrue();
		}
		assertThat(onA(RateLimits.class).tryConsume(key, fivePerMinute).allowed()).isFalse();
		assertThat(onB(RateLimits.class).tryConsume(key, fivePerMinute).allowed()).isFalse();
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String randomAddress() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
	}

	static String login(MockMvc mvc, String user, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf()).with(from(address)))
			.andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void twentyWrongPasswordsThrottleTheUserOnEveryNodeUntilTheWindowHasPassedOthersAreUnaffected() throws Exception {
		MockMvc mvcB = MockMvcBuilders.webAppContextSetup((WebApplicationContext) nodeB).apply(springSecurity()).build();
		String attacker = randomAddress();
		// a bucket keeps the window it was made with: a wrong password typed for this user by an earlier test on
		// node A (15-minute window) would make it node A's, so the test starts from no user buckets
		jdbc.sql("DELETE FROM rate_limit_bucket WHERE id LIKE 'login-user:%'").update();
		List<String> answers = new ArrayList<>();
		long firstFailure = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			answers.add(login(mvcB, "sagsbehandler2", "forkert" + i, attacker));
		}
		assertThat(answers.subList(0, 10)).allMatch(url -> url.equals("/login?error"));
		assertThat(answers.subList(10, 20)).allMatch(url -> url.startsWith("/login?throttled="));
		// the right password is refused now, on this node and on the other, from this address and from another
		assertThat(login(mvcB, "sagsbehandler2", "demo", attacker)).startsWith("/login?throttled=");
		assertThat(login(mvcA, "sagsbehandler2", "demo", randomAddress())).startsWith("/login?throttled=");
		assertThat(Duration.ofNanos(System.nanoTime() - firstFailure)).as("still inside the 10 s window")
			.isLessThan(Duration.ofSeconds(10));
		// another user from another address logs in as usual
		assertThat(login(mvcA, "teamleder", "demo", randomAddress())).isEqualTo("/");
		// the page says so in plain Danish, and the same for a user name that does not exist (no enumeration)
		String nobody = "findes-ikke-" + UUID.randomUUID();
		String nobodyAddress = randomAddress();
		for (int i = 0; i < 10; i++) {
			assertThat(login(mvcB, nobody, "forkert", nobodyAddress)).isEqualTo("/login?error");
		}
		assertThat(login(mvcB, nobody, "forkert", nobodyAddress)).startsWith("/login?throttled=");
		assertThat(mvcB.perform(get("/login?throttled=1")).andReturn().getResponse().getContentAsString())
			.contains("Der har været for mange forkerte forsøg på at logge ind. Vent 1 minut, og prøv så igen.");
		// after the window (10 s on node B, whose buckets these are) the right password works again
		long left = Duration.ofSeconds(10).plusMillis(500).toNanos() - (System.nanoTime() - firstFailure);
		if (left > 0) {
			Thread.sleep(left / 1_000_000);
		}
		assertThat(login(mvcB, "sagsbehandler2", "demo", attacker)).isEqualTo("/");
	}

	static int port(Object context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}
}
