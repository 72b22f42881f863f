package dk.vaerdig.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Team leads and managers reading the survey dashboard: each virtual user logs in once (form login, like
 * {@link CaseFileSimulation}), then loops "open {@code GET /insights/surveys} with a random filter, now and then look
 * at {@code GET /lobby}" until the deadline. The filter varies: a period of 1, 3, 6 or 12 months ending in one of the
 * last 12 months (or no period: the app's default, the last 12 months), all teams or one, all target groups or one.
 * Closed model: {@code users} concurrent users after a {@code ramp}, for {@code duration} seconds. Asserts no failed
 * request and p95 &lt; {@code p95.ms} (default 200) for "dashboard" and "lobby".
 *
 * <p>System properties: {@code base.url}, {@code users}, {@code duration}, {@code ramp}, {@code think.ms},
 * {@code logins} (default {@code teamleder,leder}), {@code password}, {@code teams} (team ids, default 1,2,3),
 * {@code target.groups} (default LAB01..LAB10), {@code lobby.every} (a lobby view after every n-th dashboard,
 * default 2), {@code p95.ms}.
 */
public class DashboardSimulation extends Simulation {

	private static final String BASE_URL = Harness.baseUrl();

	private static final int USERS = Integer.getInteger("users", 20);

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("duration", 60));

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 5));

	private static final Duration THINK = Duration.ofMillis(Long.getLong("think.ms", 0));

	private static final int P95_MS = Integer.getInteger("p95.ms", 200);

	private static final int LOBBY_EVERY = Integer.getInteger("lobby.every", 2);

	private static final List<String> LOGINS = List.of(System.getProperty("logins", "teamleder,leder").split(","));

	private static final String PASSWORD = System.getProperty("password", "demo");

	private static final List<String> TEAMS = List.of(System.getProperty("teams", "1,2,3").split(","));

	private static final List<String> TARGET_GROUPS = List.of(System
		.getProperty("target.groups", "LAB01,LAB02,LAB03,LAB04,LAB05,LAB06,LAB07,LAB08,LAB09,LAB10")
		.split(","));

	private static volatile long deadlineMillis = Long.MAX_VALUE;

	/** A random dashboard filter as a query string (possibly empty). */
	static String filter() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		StringBuilder q = new StringBuilder();
		if (r.nextInt(5) > 0) { // 1 in 5: the default period
			YearMonth to = YearMonth.now().minusMonths(r.nextInt(12));
			int months = List.of(1, 3, 6, 12).get(r.nextInt(4));
			q.append("&from=").append(to.minusMonths(months - 1)).append("&to=").append(to);
		}
		if (r.nextInt(3) > 0) { // 2 in 3: one team
			q.append("&team=").append(TEAMS.get(r.nextInt(TEAMS.size())).strip());
		}
		if (r.nextInt(3) == 0) { // 1 in 3: one target group
			q.append("&targetGroup=").append(TARGET_GROUPS.get(r.nextInt(TARGET_GROUPS.size())).strip());
		}
		return q.length() == 0 ? "" : "?" + q.substring(1);
	}

	private static Iterator<Map<String, Object>> filters() {
		return Stream.generate((Supplier<Map<String, Object>>) () -> Map.<String, Object>of("filter", filter()))
			.iterator();
	}

	private final HttpProtocolBuilder protocol = Harness.protocol(BASE_URL);

	private final ChainBuilder login = Harness.login(LOGINS, PASSWORD);

	private final ChainBuilder look = feed(filters())
		.exec(http("dashboard").get("/insights/surveys#{filter}").check(status().is(200)))
		.pause(THINK)
		.doIf(session -> ThreadLocalRandom.current().nextInt(LOBBY_EVERY) == 0)
		.then(exec(http("lobby").get("/lobby").check(status().is(200))).pause(THINK));

	private final ScenarioBuilder leads = scenario("team leads").exec(login)
		.asLongAs(session -> System.currentTimeMillis() < deadlineMillis)
		.on(look);

	{
		setUp(leads.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP),
				constantConcurrentUsers(USERS).during(DURATION)))
			.protocols(protocol)
			.maxDuration(RAMP.plus(DURATION).plusSeconds(30))
			.assertions(Harness.assertions(P95_MS, "dashboard", "lobby"));
	}

	@Override
	public void before() {
		deadlineMillis = System.currentTimeMillis() + RAMP.plus(DURATION).plusSeconds(1).toMillis();
		System.out.printf("Dashboard load: %d users against %s, ramp %d s, then %d s; logins %s%n", USERS, BASE_URL,
				RAMP.toSeconds(), DURATION.toSeconds(), LOGINS);
	}
}
