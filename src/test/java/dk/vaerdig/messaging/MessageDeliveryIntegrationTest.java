package dk.vaerdig.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.MeetingHeld;
import dk.vaerdig.messaging.internal.Dispatcher;

/**
 * Real delivery: an SMS gateway (a JDK HTTP server in the test) and a mail server (GreenMail), configured as a
 * municipality would. The only test application with its own context, because the gateway's and mail server's
 * addresses are known only when they start; it is closed after this class. The tests drive the dispatcher themselves
 * (its background run is set to once an hour here, the first an hour after the start).
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(properties = { "vaerdig.messaging.dispatch-interval=1h", "vaerdig.messaging.max-attempts=3",
		"vaerdig.messaging.first-retry-after=1m", "vaerdig.messaging.sms.token=test-token-4711",
		"vaerdig.messaging.email.from=Jobcenter Eksempel <ikke-svar@jobcenter.example>" })
class MessageDeliveryIntegrationTest {

	record GatewayRequest(String method, String authorization, String contentType, String body) {
	}

	static final List<GatewayRequest> requests = new CopyOnWriteArrayList<>();

	/** The statuses the gateway answers with, in turn; 200 when none is left. */
	static final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	static final HttpServer gateway = startGateway();

	@RegisterExtension
	static final GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static HttpServer startGateway() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/sms", exchange -> {
				requests.add(new GatewayRequest(exchange.getRequestMethod(),
						exchange.getRequestHeaders().getFirst("Authorization"),
						exchange.getRequestHeaders().getFirst("Content-Type"),
						new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
				Integer status = answers.poll();
				byte[] body = "{\"id\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status == null ? 200 : status, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		registry.add("vaerdig.messaging.sms.gateway-url",
				() -> "http://localhost:" + gateway.getAddress().getPort() + "/sms");
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop(0);
	}

	@Autowired
	dk.vaerdig.surveys.internal.Invitations invitations;

	@Autowired
	Messaging messaging;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@BeforeEach
	void emptyInboxes() throws Exception {
		requests.clear();
		answers.clear();
		mailServer.purgeEmailFromAllMailboxes();
	}

	/** Delivery does not depend on whom a message is about: these go to no one's case. */
	static final Addressee NO_CASE = Addressee.noCandidate(null);

	static String key() {
		return "test:" + System.nanoTime();
	}

	Map<String, Object> row(String key) {
		return jdbc.sql("SELECT status, attempts, last_error, sent_via, next_attempt_at FROM outgoing_message "
				+ "WHERE idempotency_key = ?").param(key).query().singleRow();
	}

	/** The back-off has passed: the message is due now. */
	void makeDue(String key) {
		jdbc.sql("UPDATE outgoing_message SET next_attempt_at = now() WHERE idempotency_key = ? AND status = 'QUEUED'")
			.param(key)
			.update();
	}

	@Test
	void anSmsIsPostedToTheGatewayAsJsonWithTheBearerToken() throws Exception {
		String key = key();
		messaging.sendSms(NO_CASE, "+45 20 30 40 50", "Hej. Din tid er mandag kl. 10.00 på Jobcentret.", "test", key);
		assertThat(dispatcher.deliverDue()).isEqualTo(1);
		assertThat(requests).hasSize(1);
		GatewayRequest request = requests.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.authorization()).isEqualTo("Bearer test-token-4711");
		assertThat(request.contentType()).startsWith("application/json");
		JSONAssert.assertEquals("{\"to\": \"+4520304050\", \"text\": \"Hej. Din tid er mandag kl. 10.00 på Jobcentret.\"}",
				request.body(), JSONCompareMode.STRICT);
		assertThat(row(key)).containsEntry("status", "SENT").containsEntry("attempts", 1)
			.containsEntry("sent_via", "sms-gateway");
	}

	@Test
	void aServerErrorFromTheGatewayIsTriedAgainAfterAPauseAndThenSent() throws Exception {
		String key = key();
		answers.add(500);
		messaging.sendSms(NO_CASE, "20304050", "Hej", "test", key);
		assertThat(dispatcher.deliverDue()).isEqualTo(1);
		var afterFirst = row(key);
		assertThat(afterFirst).containsEntry("status", "QUEUED").containsEntry("attempts", 1)
			.containsEntry("last_error", "HTTP 500");
		// not due again before the first pause (a minute here) has passed
		long pauseSeconds = jdbc.sql("SELECT extract(epoch FROM next_attempt_at - now()) FROM outgoing_message "
				+ "WHERE idempotency_key = ?").param(key).query(Double.class).single().longValue();
		assertThat(pauseSeconds).isBetween(50L, 60L);
		assertThat(dispatcher.deliverDue()).isZero();
		assertThat(requests).hasSize(1);
		makeDue(key);
		assertThat(dispatcher.deliverDue()).isEqualTo(1);
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
		assertThat(row(key)).containsEntry("status", "SENT").containsEntry("attempts", 2);
	}

	@Test
	void afterTheLastAllowedAttemptFailsTheMessageIsGivenUp() {
		String key = key();
		answers.addAll(List.of(503, 500, 502, 500));
		messaging.sendSms(NO_CASE, "20304050", "Hej", "test", key);
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(dispatcher.deliverDue()).isEqualTo(1);
			makeDue(key);
		}
		assertThat(row(key)).containsEntry("status", "FAILED").containsEntry("attempts", 3)
			.containsEntry("last_error", "HTTP 502").containsEntry("next_attempt_at", null);
		assertThat(dispatcher.deliverDue()).isZero();
		assertThat(requests).hasSize(3);
	}

	@Test
	void aMessageTheGatewayRefusesIsNotTriedAgain() {
		String key = key();
		answers.add(400);
		messaging.sendSms(NO_CASE, "20304050", "Hej", "test", key);
		dispatcher.deliverDue();
		assertThat(row(key)).containsEntry("status", "FAILED").containsEntry("attempts", 1)
			.containsEntry("last_error", "HTTP 400");
	}

	@Test
	void anEmailGoesThroughTheMailServer() throws Exception {
		String key = key();
		messaging.sendEmail(NO_CASE, "mette@eksempel.dk", "Din samtale på jobcentret",
				"Hej Mette\n\nTak for i dag. Vi ses på fredag.", "test", key);
		assertThat(dispatcher.deliverDue()).isEqualTo(1);
		assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage mail = mailServer.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("mette@eksempel.dk");
		assertThat(mail.getFrom()[0].toString()).contains("ikke-svar@jobcenter.example");
		assertThat(mail.getSubject()).isEqualTo("Din samtale på jobcentret");
		assertThat(((String) mail.getContent()).strip()).isEqualTo("Hej Mette\r\n\r\nTak for i dag. Vi ses på fredag.");
		assertThat(row(key)).containsEntry("status", "SENT").containsEntry("sent_via", "smtp");
	}

	@Test
	void aCandidateWithAnEmailAddressButNoPhoneGetsTheSurveyInvitationByMail() throws Exception {
		var c = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET phone = NULL, email = 'testa@eksempel.dk' WHERE id = ?").param(c.id()).update();
		long team = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(c.id()).query(Long.class).single();
		long meeting = 900_000_000L + c.id();
		// what casework publishes when the meeting is recorded; surveys makes the invitation after the commit
		tx.executeWithoutResult(status -> events
			.publishEvent(new MeetingHeld(meeting, c.id(), team, "sagsbehandler", "LAB02", Instant.now())));
		String messageWaiting = """
				SELECT count(*) FROM outgoing_message m JOIN survey_invitation i
				  ON m.idempotency_key = 'survey-invitation:' || i.id WHERE i.meeting_id = ?""";
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql(messageWaiting).param(meeting).query(Long.class).single() == 1);
		String token = invitations.forMeeting(meeting).flatMap(invitations::token).orElseThrow();
		assertThat(dispatcher.deliverDue()).isEqualTo(1);
		assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage mail = mailServer.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("testa@eksempel.dk");
		assertThat(mail.getSubject()).isEqualTo("Hvordan var din samtale?");
		assertThat((String) mail.getContent()).startsWith("Hej " + c.firstName() + "\r\n\r\nTak for samtalen.")
			.contains("http://localhost:8080/s/" + token)
			.contains("Linket virker i 14 dage.");
		assertThat(requests).isEmpty();
		// the message names its candidate and the candidate's team, for the outbox page and its audit entries
		assertThat(jdbc.sql("""
				SELECT m.candidate_id, m.team_id FROM outgoing_message m JOIN survey_invitation i
				  ON m.idempotency_key = 'survey-invitation:' || i.id WHERE i.meeting_id = ?""").param(meeting).query()
			.singleRow()).containsEntry("candidate_id", c.id()).containsEntry("team_id", team);
	}
}
