package dk.vaerdig.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Candidates on their own pages (Min side, issue 12): each virtual user logs in once through the demo's test login
 * (one of the demo candidates it offers, chosen at random; each user has its own session), then loops "overview,
 * plan, meetings, letters" until the run's deadline. Closed model: a ramp to {@code users} concurrent users (default
 * 50), then that many for {@code duration} seconds. Reports the four request types separately and asserts p95 &lt;
 * {@code p95.ms} for each and no failed request. A redirect in the loop (a lost session sent to the login) fails.
 *
 * <p>The test login only exists with demo data, and is rate-limited per client address like the other public entry
 * points: start the app with {@code --vaerdig.platform.public-rate-limit-per-minute=0} for runs with many users.
 *
 * <p>System properties: {@code base.url} (only localhost / 127.0.0.1), {@code users}, {@code duration} and
 * {@code ramp} (seconds), {@code think.ms} (pause after each request, default 0), {@code p95.ms} (the asserted limit).
 */
public class CandidateSimulation extends Simulation {

	private static final String BASE_URL = Harness.baseUrl();

	private static final int USERS = Integer.getInteger("users", 50);

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("duration", 60));

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 5));

	private static final Duration THINK = Duration.ofMillis(Long.getLong("think.ms", 0));

	private static final int P95_MS = Integer.getInteger("p95.ms", 100);

	private static final String[] REQUESTS = { "min side overview", "min side plan", "min side meetings",
			"min side letters" };

	/** Every user loops until this moment (set when the simulation starts), so the run ends by itself. */
	private static volatile long deadlineMillis = Long.MAX_VALUE;

	private static Session pickCandidate(Session session) {
		List<String> offered = session.getList("offered");
		return session.set("candidateId", offered.get(ThreadLocalRandom.current().nextInt(offered.size())));
	}

	private final HttpProtocolBuilder protocol = Harness.protocol(BASE_URL);

	/** The test login: the page (its forms' candidate ids and CSRF token), then one of the candidates. */
	private final ChainBuilder login = exec(http("test login page").get("/min-side/test-login")
		.check(status().is(200),
				css("form[action='/min-side/test-login'] input[name='candidateId']", "value").findAll().saveAs("offered"),
				css("form[action='/min-side/test-login'] input[name='_csrf']", "value").saveAs("csrf")))
		.exec(CandidateSimulation::pickCandidate)
		.exec(http("test login").post("/min-side/test-login")
			.formParam("candidateId", "#{candidateId}")
			.formParam("_csrf", "#{csrf}")
			.check(status().is(302), header("Location").transform(l -> l.endsWith("/min-side")).is(true)));

	private final ChainBuilder pages = exec(http(REQUESTS[0]).get("/min-side").check(status().is(200))).pause(THINK)
		.exec(http(REQUESTS[1]).get("/min-side/plan").check(status().is(200)))
		.pause(THINK)
		.exec(http(REQUESTS[2]).get("/min-side/moeder").check(status().is(200)))
		.pause(THINK)
		.exec(http(REQUESTS[3]).get("/min-side/breve").check(status().is(200)))
		.pause(THINK);

	private final ScenarioBuilder candidates = scenario("candidates").exec(login)
		.asLongAs(session -> System.currentTimeMillis() < deadlineMillis)
		.on(pages);

	{
		setUp(candidates.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP),
				constantConcurrentUsers(USERS).during(DURATION)))
			.protocols(protocol)
			.maxDuration(RAMP.plus(DURATION).plusSeconds(30))
			.assertions(Harness.assertions(P95_MS, REQUESTS));
	}

	@Override
	public void before() {
		deadlineMillis = System.currentTimeMillis() + RAMP.plus(DURATION).plusSeconds(1).toMillis();
		System.out.printf("Load test: %d candidates against %s, ramp %d s, then %d s%n", USERS, BASE_URL,
				RAMP.toSeconds(), DURATION.toSeconds());
	}
}
