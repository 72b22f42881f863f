package dk.vaerdig.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.MessagingSettings;
import dk.vaerdig.messaging.internal.Dispatcher;
import dk.vaerdig.platform.PlatformSettings;

/**
 * Issue 13's benchmark, not a test (its name keeps it out of {@code mvn verify}): a reminder run of
 * {@code -Dbench.reminders} (100,000) due meeting reminders through the outbox, and the dispatcher's throughput
 * against the SMS gateway stand-in of {@code MessageDeliveryIntegrationTest} (a JDK HTTP server answering 200), for
 * {@code -Dbench.dispatch} (20,000) of them. Prints the figures; run it with
 * {@code mvn -B -o test -Dtest=ReminderRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Its own application
 * context and embedded database (the gateway's address is known only when it starts).
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(properties = { "vaerdig.messaging.dispatch-interval=1h", "vaerdig.messaging.batch-size=500",
		"vaerdig.messaging.sms.token=bench-token" })
class ReminderRunBenchmark {

	static final int REMINDERS = Integer.getInteger("bench.reminders", 100_000);

	static final int DISPATCH = Integer.getInteger("bench.dispatch", 20_000);

	static final AtomicLong received = new AtomicLong();

	static final HttpServer gateway = startGateway();

	static HttpServer startGateway() {
		try {
			// the JDK server writes a response's headers and body in two packets; with Nagle's algorithm on its socket
			// and the client's delayed ACK each answer waited ~40 ms, which the first figures measured instead of
			// the dispatcher (read once, when the server's class loads)
			System.setProperty("sun.net.httpserver.nodelay", "true");
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.setExecutor(Executors.newFixedThreadPool(4));
			server.createContext("/sms", exchange -> {
				exchange.getRequestBody().readAllBytes();
				received.incrementAndGet();
				byte[] body = "{\"id\":\"abc\"}".getBytes();
				exchange.sendResponseHeaders(200, body.length);
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
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop(0);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Casework casework;

	@Autowired
	Messaging messaging;

	@Autowired
	MessageSource texts;

	@Autowired
	MessagingSettings settings;

	@Autowired
	PlatformSettings platform;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Dispatcher dispatcher;

	@Test
	void aReminderRunOfAHundredThousandAndTheDispatchersThroughput() {
		// the meetings: 10:00 on Tuesday 15 June 2027 (CEST) for the demo candidates with an open course, in turn
		long made = System.nanoTime();
		int meetings = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status)
				SELECT c.id, c.caseworker, TIMESTAMPTZ '2027-06-15 08:00:00+00' + (g % 480) * INTERVAL '1 minute',
				  'IN_PERSON', 'PLANNED'
				FROM generate_series(0, ? - 1) g
				JOIN (SELECT id, caseworker, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
				      FROM candidate WHERE course_closed_on IS NULL AND phone IS NOT NULL) c ON c.n = g % c.total""")
			.param(REMINDERS)
			.update();
		jdbc.sql("ANALYZE meeting").update();
		System.out.printf("bench: %,d meetings made in %.1f s%n", meetings, (System.nanoTime() - made) / 1e9);

		Reminders run = new Reminders(jdbc, casework, messaging, texts, settings, platform, tx,
				Clock.fixed(Instant.parse("2027-06-14T14:30:00Z"), ZoneOffset.UTC)); // 16:30 the day before
		long t0 = System.nanoTime();
		int queued = run.meetings();
		double enqueue = (System.nanoTime() - t0) / 1e9;
		long t1 = System.nanoTime();
		int again = run.meetings();
		double rerun = (System.nanoTime() - t1) / 1e9;
		System.out.printf("bench: reminder run: %,d reminders queued in %.2f s (%,.0f a second); a second run queued %d"
				+ " in %.2f s%n", queued, enqueue, queued / enqueue, again, rerun);
		assertThat(queued).isGreaterThanOrEqualTo(meetings);
		assertThat(again).isZero();

		long sent = 0;
		received.set(0);
		long t2 = System.nanoTime();
		while (sent < Math.min(DISPATCH, queued)) {
			int n = dispatcher.deliverDue();
			if (n == 0) {
				break;
			}
			sent += n;
		}
		double dispatch = (System.nanoTime() - t2) / 1e9;
		System.out.printf("bench: dispatcher: %,d messages delivered to the gateway stand-in in %.2f s (%,.0f a second,"
				+ " batch %d, one node); the gateway received %,d%n", sent, dispatch, sent / dispatch,
				settings.batchSize(), received.get());
		assertThat(received.get()).isEqualTo(sent);
	}
}
