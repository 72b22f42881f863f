package dk.vaerdig.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Candidates answering the questionnaire: the public, anonymous {@code POST /s/{token}} (no login, no CSRF, no
 * session). Open model: {@code rate} new answers per second for {@code duration} seconds (after a {@code ramp} from 1
 * per second), each one virtual user with its own single-use token from the CSV feeder {@code tokens} (header
 * {@code token}, one row per answer; the run stops with an error when it runs out, so make rate x (duration + ramp)
 * tokens or more).
 *
 * <p>Each answer is retried ({@code tries}, pause {@code retry.pause.ms} before a retry) when the connection fails,
 * the app answers 5xx or the body is not one of the app's answer pages. "Tak for dit svar" counts as acknowledged;
 * "Du har allerede svaret" counts as acknowledged when it comes on a retry (the first try was stored but its response
 * lost) and as a problem when it comes on the first try (a token answered twice). "Spørgeskemaet er lukket" / "Vi kan
 * ikke finde spørgeskemaet" are counted as rejected. The counts are printed at the end and, with
 * {@code result.file}, written as {@code key=value} lines.
 *
 * <p>System properties: {@code base.url} (only localhost / 127.0.0.1), {@code tokens} (CSV path), {@code rate}
 * (answers/s, default 1000), {@code duration} and {@code ramp} (seconds, 60 and 5), {@code tries} (default 5),
 * {@code retry.pause.ms} (default 500), {@code p95.ms} (asserted p95 of "answer", default 1000), {@code result.file}.
 */
public class AnswerSimulation extends Simulation {

	private static final String BASE_URL = Harness.baseUrl();

	private static final String TOKENS = System.getProperty("tokens", "/tmp/answer-tokens.csv");

	private static final double RATE = Double.parseDouble(System.getProperty("rate", "1000"));

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("duration", 60));

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 5));

	private static final int TRIES = Integer.getInteger("tries", 5);

	private static final Duration RETRY_PAUSE = Duration.ofMillis(Long.getLong("retry.pause.ms", 500));

	private static final int P95_MS = Integer.getInteger("p95.ms", 1000);

	private static final String RESULT_FILE = System.getProperty("result.file", "");

	private static final String THANKS = "Tak for dit svar";

	private static final String ALREADY = "Du har allerede svaret";

	private static final String OUTCOMES = "(" + THANKS + "|" + ALREADY + "|Spørgeskemaet er lukket|Vi kan ikke finde spørgeskemaet)";

	private static final List<String> COMMENTS = List.of("God samtale, tak.", "Jeg følte mig hørt.",
			"Det var svært at forstå brevet før mødet.", "Min rådgiver var meget hjælpsom",
			"Jeg vil gerne vide mere om kurser.", "Samtalen var for kort.", "Fint møde");

	static final AtomicLong started = new AtomicLong();

	static final AtomicLong thanks = new AtomicLong();

	static final AtomicLong alreadyOnRetry = new AtomicLong();

	static final AtomicLong alreadyOnFirstTry = new AtomicLong();

	static final AtomicLong rejected = new AtomicLong();

	static final AtomicLong failed = new AtomicLong();

	static final AtomicLong retried = new AtomicLong();

	/** Mostly satisfied, some 1-3, some "don't know" (0), now and then a question left out. */
	private static String score(ThreadLocalRandom r) {
		int p = r.nextInt(100);
		if (p < 4) {
			return ""; // left out
		}
		if (p < 10) {
			return "0";
		}
		if (p < 15) {
			return "1";
		}
		if (p < 22) {
			return "2";
		}
		if (p < 40) {
			return "3";
		}
		return p < 70 ? "4" : "5";
	}

	/** A realistic filled-in form, kept in the session as q1..q7, unanswered, wantsContact, contactChannel, comment. */
	private static Session fillIn(Session session) {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		Session s = session;
		for (int q = 1; q <= 7; q++) {
			s = s.set("q" + q, score(r));
		}
		boolean unanswered = r.nextInt(100) < 15;
		boolean contact = unanswered && r.nextBoolean();
		return s.set("unanswered", unanswered ? "yes" : "no")
			.set("wantsContact", contact ? "yes" : "")
			.set("contactChannel", contact ? List.of("PHONE", "EMAIL", "MEETING").get(r.nextInt(3)) : "")
			.set("comment", r.nextInt(100) < 20 ? COMMENTS.get(r.nextInt(COMMENTS.size())) : "");
	}

	private static Session count(Session session) {
		String outcome = session.contains("outcome") ? session.getString("outcome") : null;
		int tries = session.contains("attempt") ? session.getInt("attempt") + 1 : 1;
		if (tries > 1) {
			retried.incrementAndGet();
		}
		if (outcome == null) { // only a 200 with one of the answer pages saves it, and each try removes it first
			failed.incrementAndGet();
		}
		else if (THANKS.equals(outcome)) {
			thanks.incrementAndGet();
		}
		else if (ALREADY.equals(outcome)) {
			(tries > 1 ? alreadyOnRetry : alreadyOnFirstTry).incrementAndGet();
		}
		else {
			rejected.incrementAndGet();
		}
		return session;
	}

	private final HttpProtocolBuilder protocol = Harness.protocol(BASE_URL)
		// one pool for all virtual users: a fresh TCP connection per answer would use up localhost's ephemeral ports
		.shareConnections();

	private final ChainBuilder answer = exec(AnswerSimulation::fillIn)
		.exec(session -> {
			started.incrementAndGet();
			return session;
		})
		.tryMax(TRIES, "tries")
		.on(doIf(session -> session.getInt("tries") > 0).then(pause(RETRY_PAUSE))
			.exec(session -> session.remove("outcome").set("attempt", session.getInt("tries")))
			.exec(http("answer").post("/s/#{token}")
				.formParam("q1", "#{q1}")
				.formParam("q2", "#{q2}")
				.formParam("q3", "#{q3}")
				.formParam("q4", "#{q4}")
				.formParam("q5", "#{q5}")
				.formParam("q6", "#{q6}")
				.formParam("q7", "#{q7}")
				.formParam("unanswered", "#{unanswered}")
				.formParam("wantsContact", "#{wantsContact}")
				.formParam("contactChannel", "#{contactChannel}")
				.formParam("comment", "#{comment}")
				.check(status().is(200), regex(OUTCOMES).saveAs("outcome"))))
		.exec(AnswerSimulation::count);

	private final ScenarioBuilder candidates = scenario("candidates").feed(csv(TOKENS).queue()).exec(answer);

	{
		setUp(candidates.injectOpen(rampUsersPerSec(1).to(RATE).during(RAMP),
				constantUsersPerSec(RATE).during(DURATION)))
			.protocols(protocol)
			.maxDuration(RAMP.plus(DURATION).plusSeconds(120))
			.assertions(details("answer").responseTime().percentile(95.0).lt(P95_MS),
					// always true: here so the console prints each figure
					details("answer").responseTime().percentile(50.0).gte(0),
					details("answer").responseTime().percentile(99.0).gte(0),
					details("answer").requestsPerSec().gte(0.0),
					global().failedRequests().count().gte(0L));
	}

	@Override
	public void before() {
		System.out.printf("Answer load: %.0f answers/s for %d s (ramp %d s) against %s, tokens %s, %d tries%n", RATE,
				DURATION.toSeconds(), RAMP.toSeconds(), BASE_URL, TOKENS, TRIES);
	}

	@Override
	public void after() {
		long acknowledged = thanks.get() + alreadyOnRetry.get();
		String result = String.format(
				"started=%d%nacknowledged=%d%nthanks=%d%nalready_on_retry=%d%nalready_on_first_try=%d%nrejected=%d%nfailed=%d%nretried=%d%n",
				started.get(), acknowledged, thanks.get(), alreadyOnRetry.get(), alreadyOnFirstTry.get(), rejected.get(),
				failed.get(), retried.get());
		System.out.println("Answer results:\n" + result);
		if (!RESULT_FILE.isBlank()) {
			try {
				Files.writeString(Path.of(RESULT_FILE), result);
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
