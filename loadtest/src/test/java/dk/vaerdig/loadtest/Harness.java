package dk.vaerdig.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** What the simulations share: the target (localhost only), the HTTP protocol, the staff login and the assertions. */
final class Harness {

	private Harness() {
	}

	/** {@code base.url}, refused unless it is localhost / 127.0.0.1, without a trailing slash. */
	static String baseUrl() {
		String url = System.getProperty("base.url", "http://127.0.0.1:8080");
		String host = URI.create(url).getHost();
		if (!Set.of("localhost", "127.0.0.1", "[::1]", "::1").contains(host)) {
			throw new IllegalArgumentException("base.url must point at localhost or 127.0.0.1, not " + url);
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * HTML in Danish, redirects not followed: a redirect during a loop means a lost session (to /login), and is failed
	 * instead of followed.
	 */
	static HttpProtocolBuilder protocol(String baseUrl) {
		return http.baseUrl(baseUrl)
			.acceptHeader("text/html,application/xhtml+xml")
			.acceptLanguageHeader("da")
			.userAgentHeader("vaerdig-loadtest")
			.disableFollowRedirect();
	}

	/** Form login once per virtual user, taking the demo users of {@code logins} in turn. */
	static ChainBuilder login(List<String> logins, String password) {
		AtomicInteger next = new AtomicInteger();
		Iterator<Map<String, Object>> users = Stream.generate((Supplier<Map<String, Object>>) () -> Map.of("username",
				logins.get(Math.floorMod(next.getAndIncrement(), logins.size())).strip(), "password", password))
			.iterator();
		return feed(users).exec(http("login page").get("/login")
			.check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
			.exec(http("login").post("/login")
				.formParam("username", "#{username}")
				.formParam("password", "#{password}")
				.formParam("_csrf", "#{csrf}")
				// a failed login redirects to /login?error
				.check(status().is(302), header("Location").transform(l -> l.contains("error")).is(false)));
	}

	/**
	 * No failed request and p95 under the limit for each request type; then p50, p99 and requests per second of each,
	 * which always hold: they are there so the console prints each figure per request type.
	 */
	static List<Assertion> assertions(int p95Ms, String... requests) {
		List<Assertion> assertions = new ArrayList<>();
		assertions.add(global().failedRequests().count().is(0L));
		for (String request : requests) {
			assertions.add(details(request).responseTime().percentile(95.0).lt(p95Ms));
		}
		for (String request : requests) {
			assertions.add(details(request).responseTime().percentile(50.0).gte(0));
			assertions.add(details(request).responseTime().percentile(99.0).gte(0));
			assertions.add(details(request).requestsPerSec().gte(0.0));
		}
		return assertions;
	}
}
