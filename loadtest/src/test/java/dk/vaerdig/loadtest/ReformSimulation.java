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
 * Team leads, managers and politicians reading the reform page ({@code GET /reform}: the 25 % and 75 % figures per
 * month, the teams of one month, the persons at risk): each virtual user logs in once (form login, like
 * {@link CaseFileSimulation}), then loops over the page with a random period until the deadline: the default (the
 * last 12 months) or 1, 3, 6 or 12 months ending in one of the last 12 months. Closed model: {@code users} concurrent
 * users after a {@code ramp}, for {@code duration} seconds. Asserts no failed request and p95 &lt; {@code p95.ms}
 * (default 200) for "reform".
 *
 * <p>System properties: {@code base.url}, {@code users}, {@code duration}, {@code ramp}, {@code think.ms},
 * {@code logins} (default {@code teamleder,leder,politiker}), {@code password}, {@code p95.ms}.
 */
public class ReformSimulation extends Simulation {

	private static final String BASE_URL = Harness.baseUrl();

	private static final int USERS = Integer.getInteger("users", 20);

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("duration", 60));

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 5));

	private static final Duration THINK = Duration.ofMillis(Long.getLong("think.ms", 0));

	private static final int P95_MS = Integer.getInteger("p95.ms", 200);

	private static final List<String> LOGINS = List
		.of(System.getProperty("logins", "teamleder,leder,politiker").split(","));

	private static final String PASSWORD = System.getProperty("password", "demo");

	private static volatile long deadlineMillis = Long.MAX_VALUE;

	/** A random period as a query string (possibly empty: the default period). */
	static String filter() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		if (r.nextInt(3) == 0) {
			return "";
		}
		YearMonth to = YearMonth.now().minusMonths(r.nextInt(12));
		int months = List.of(1, 3, 6, 12).get(r.nextInt(4));
		return "?from=" + to.minusMonths(months - 1) + "&to=" + to;
	}

	private static Iterator<Map<String, Object>> filters() {
		return Stream.generate((Supplier<Map<String, Object>>) () -> Map.<String, Object>of("filter", filter()))
			.iterator();
	}

	private final HttpProtocolBuilder protocol = Harness.protocol(BASE_URL);

	private final ChainBuilder login = Harness.login(LOGINS, PASSWORD);

	private final ChainBuilder look = feed(filters())
		.exec(http("reform").get("/reform#{filter}").check(status().is(200)))
		.pause(THINK);

	private final ScenarioBuilder readers = scenario("reform readers").exec(login)
		.asLongAs(session -> System.currentTimeMillis() < deadlineMillis)
		.on(look);

	{
		setUp(readers.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP),
				constantConcurrentUsers(USERS).during(DURATION)))
			.protocols(protocol)
			.maxDuration(RAMP.plus(DURATION).plusSeconds(30))
			.assertions(Harness.assertions(P95_MS, "reform"));
	}

	@Override
	public void before() {
		deadlineMillis = System.currentTimeMillis() + RAMP.plus(DURATION).plusSeconds(1).toMillis();
		System.out.printf("Reform page load: %d users against %s, ramp %d s, then %d s; logins %s%n", USERS, BASE_URL,
				RAMP.toSeconds(), DURATION.toSeconds(), LOGINS);
	}
}
