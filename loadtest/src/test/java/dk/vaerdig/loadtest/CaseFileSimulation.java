package dk.vaerdig.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Caseworkers at work: each virtual user logs in once, then loops "search the candidate list, open one or two of the
 * cases found" until the run's deadline. Closed model: a ramp to {@code users} concurrent users, then that many for
 * {@code duration} seconds. Reports the request types "search" and "case page" separately and asserts p95 &lt; 100 ms
 * for each and no failed request.
 *
 * <p>System properties: {@code base.url} (only localhost / 127.0.0.1), {@code users}, {@code duration} and
 * {@code ramp} (seconds), {@code think.ms} (pause after each request, default 0), {@code logins} (comma-separated demo
 * users, used in turn), {@code password}, {@code p95.ms} (the asserted limit).
 */
public class CaseFileSimulation extends Simulation {

	private static final String BASE_URL = Harness.baseUrl();

	private static final int USERS = Integer.getInteger("users", 20);

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("duration", 60));

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 5));

	private static final Duration THINK = Duration.ofMillis(Long.getLong("think.ms", 0));

	private static final int P95_MS = Integer.getInteger("p95.ms", 100);

	private static final List<String> LOGINS = List.of(System.getProperty("logins", "sagsbehandler,teamleder,leder").split(","));

	private static final String PASSWORD = System.getProperty("password", "demo");

	/**
	 * What caseworkers type: name fragments, two words, six-digit birth dates (posted, as the search form does: a search
	 * text never goes into a URL), and the due-date filters (GET, as their bookmarkable address).
	 */
	private static final List<String> SEARCHES = List.of("q=hans", "q=jensen", "q=mette", "q=nielsen", "q=anne",
			"q=peter", "q=hansen", "q=lars", "q=sofie", "q=pedersen", "q=ole", "q=kirsten", "q=010190", "q=150385",
			"q=230477", "q=311299", "q=120601", "due=OVERDUE", "due=DUE_SOON", "q=sen", "q=mik", "q=",
			"q=jorgensen", "q=hansen anne");

	/** Every user loops until this moment (set when the simulation starts), so the run ends by itself. */
	private static volatile long deadlineMillis = Long.MAX_VALUE;

	private static Iterator<Map<String, Object>> searches() {
		return Stream.generate((Supplier<Map<String, Object>>) () -> {
			String search = SEARCHES.get(ThreadLocalRandom.current().nextInt(SEARCHES.size()));
			String text = search.startsWith("q=") ? search.substring(2) : "";
			return Map.<String, Object>of("text", text, "filters", search.startsWith("q=") ? "" : search);
		}).iterator();
	}

	/** Picks one or two of the case ids found by the last search (none when it found none). */
	private static Session pickCases(Session session) {
		List<String> found = session.contains("foundIds") ? session.getList("foundIds") : List.of();
		List<String> ids = new ArrayList<>(new LinkedHashSet<>(found));
		Collections.shuffle(ids, ThreadLocalRandom.current());
		int n = Math.min(ids.size(), 1 + ThreadLocalRandom.current().nextInt(2));
		return session.remove("foundIds").set("openIds", List.copyOf(ids.subList(0, n)));
	}

	private final HttpProtocolBuilder protocol = Harness.protocol(BASE_URL);

	private final ChainBuilder login = Harness.login(LOGINS, PASSWORD);

	/** After login: the list, for the CSRF token of the search form (the login page's token is replaced at login). */
	private final ChainBuilder list = exec(http("search").get("/cases")
		.check(status().is(200), css("form[role='search'] input[name='_csrf']", "value").saveAs("csrf")));

	private final ChainBuilder searchAndOpen = feed(searches())
		.doIfOrElse(session -> session.getString("text").isEmpty())
		.then(exec(http("search").get("/cases?#{filters}")
			.check(status().is(200), regex("href=\"/cases/(\\d+)\"").findAll().optional().saveAs("foundIds"))))
		.orElse(exec(http("search").post("/cases")
			.formParam("q", "#{text}")
			.formParam("_csrf", "#{csrf}")
			.check(status().is(200), regex("href=\"/cases/(\\d+)\"").findAll().optional().saveAs("foundIds"))))
		.pause(THINK)
		.exec(CaseFileSimulation::pickCases)
		.foreach("#{openIds}", "caseId")
		.on(exec(http("case page").get("/cases/#{caseId}").check(status().is(200))).pause(THINK));

	private final ScenarioBuilder caseworkers = scenario("caseworkers").exec(login)
		.exec(list)
		.asLongAs(session -> System.currentTimeMillis() < deadlineMillis)
		.on(searchAndOpen);

	{
		setUp(caseworkers.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP),
				constantConcurrentUsers(USERS).during(DURATION)))
			.protocols(protocol)
			.maxDuration(RAMP.plus(DURATION).plusSeconds(30))
			.assertions(Harness.assertions(P95_MS, "search", "case page"));
	}

	@Override
	public void before() {
		// a little after the injection ends, so no user finishes (and is replaced by a fresh login) while it runs
		deadlineMillis = System.currentTimeMillis() + RAMP.plus(DURATION).plusSeconds(1).toMillis();
		System.out.printf("Load test: %d users against %s, ramp %d s, then %d s; logins %s%n", USERS, BASE_URL,
				RAMP.toSeconds(), DURATION.toSeconds(), LOGINS);
	}
}
