package dk.vaerdig.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

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
 * Selvbook under load (issue 13): candidates log in through the demo's test login (one of the demo candidates it
 * offers, at random; each virtual user has its own session, so several sessions act for one candidate at once), then
 * loop "booking page, book one of the first free slots (or move the booking there), cancel now and then" until the
 * run's deadline. Many sessions race for the same few slots: an answer of 302 is a slot booked or moved, 409 a slot
 * someone got first (the friendly page) or a rule's refusal, 404 a booking another session of the same candidate had
 * already moved; a 5xx or any other answer fails. Prints slots booked per second at the end; p95 per request type is
 * asserted. Zero double bookings is checked in the database after the run ({@code scripts/booking-check.sh}).
 *
 * <p>System properties: {@code base.url} (only localhost / 127.0.0.1), {@code users} (default 50), {@code duration}
 * and {@code ramp} (seconds), {@code think.ms}, {@code p95.ms} (default 200), {@code cancel.percent} (default 30).
 */
public class BookingSimulation extends Simulation {

	private static final String BASE_URL = Harness.baseUrl();

	private static final int USERS = Integer.getInteger("users", 50);

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("duration", 60));

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 5));

	private static final Duration THINK = Duration.ofMillis(Long.getLong("think.ms", 0));

	private static final int P95_MS = Integer.getInteger("p95.ms", 200);

	private static final int CANCEL_PERCENT = Integer.getInteger("cancel.percent", 30);

	private static final String[] REQUESTS = { "booking page", "book", "cancel" };

	private static final AtomicLong BOOKED = new AtomicLong();

	private static final AtomicLong REFUSED = new AtomicLong();

	private static final AtomicLong CANCELLED = new AtomicLong();

	private static volatile long deadlineMillis = Long.MAX_VALUE;

	private static volatile long startMillis;

	private final HttpProtocolBuilder protocol = Harness.protocol(BASE_URL);

	private static Session pickCandidate(Session session) {
		List<String> offered = session.getList("offered");
		return session.set("candidateId", offered.get(ThreadLocalRandom.current().nextInt(offered.size())));
	}

	/** One of the first ten free slots, so sessions collide often. */
	private static Session pickSlot(Session session) {
		List<String> slots = session.getList("slots");
		if (slots.isEmpty()) {
			return session.set("slotId", "");
		}
		return session.set("slotId", slots.get(ThreadLocalRandom.current().nextInt(Math.min(10, slots.size()))));
	}

	private static Session countBooking(Session session) {
		int status = session.getInt("bookStatus");
		(status == 302 ? BOOKED : REFUSED).incrementAndGet();
		return session;
	}

	private final ChainBuilder login = exec(http("test login page").get("/min-side/test-login")
		.check(status().is(200),
				css("form[action='/min-side/test-login'] input[name='candidateId']", "value").findAll().saveAs("offered"),
				css("form[action='/min-side/test-login'] input[name='_csrf']", "value").saveAs("csrf")))
		.exec(BookingSimulation::pickCandidate)
		.exec(http("test login").post("/min-side/test-login")
			.formParam("candidateId", "#{candidateId}")
			.formParam("_csrf", "#{csrf}")
			.check(status().is(302)));

	private final ChainBuilder round = exec(http(REQUESTS[0]).get("/min-side/tider")
		.check(status().is(200),
				css("form.booking__slot input[name='slotId']", "value").findAll().optional().saveAs("slots"),
				css("form.booking__slot input[name='requestId']", "value").optional().saveAs("requestId"),
				css("form.booking__slot input[name='moveFrom']", "value").optional().saveAs("moveFrom"),
				css("form[action='/min-side/tider/aflys'] input[name='slotId']", "value").optional().saveAs("booked"),
				css("form[action='/min-side/tider/aflys'] input[name='requestId']", "value").optional().saveAs("cancelRequest"),
				css("input[name='_csrf']", "value").saveAs("csrf")))
		.pause(THINK)
		.doIf(session -> session.contains("slots") && session.contains("requestId"))
		.then(exec(BookingSimulation::pickSlot).exec(http(REQUESTS[1]).post("/min-side/tider/book")
			.formParam("slotId", "#{slotId}")
			.formParam("requestId", "#{requestId}")
			.formParam("moveFrom", session -> session.contains("moveFrom") ? session.getString("moveFrom") : "")
			.formParam("_csrf", "#{csrf}")
			.check(status().in(302, 404, 409).saveAs("bookStatus"))).exec(BookingSimulation::countBooking))
		.pause(THINK)
		.doIf(session -> session.contains("booked") && session.contains("cancelRequest")
				&& ThreadLocalRandom.current().nextInt(100) < CANCEL_PERCENT)
		.then(exec(http(REQUESTS[2]).post("/min-side/tider/aflys")
			.formParam("slotId", "#{booked}")
			.formParam("requestId", "#{cancelRequest}")
			.formParam("_csrf", "#{csrf}")
			.check(status().in(302, 404, 409).saveAs("cancelStatus"))).exec(session -> {
				if (session.getInt("cancelStatus") == 302) {
					CANCELLED.incrementAndGet();
				}
				return session;
			}))
		.exec(session -> session.remove("slots").remove("requestId").remove("moveFrom").remove("booked")
			.remove("cancelRequest"));

	private final ScenarioBuilder candidates = scenario("booking candidates").exec(login)
		.asLongAs(session -> System.currentTimeMillis() < deadlineMillis)
		.on(round);

	{
		setUp(candidates.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP),
				constantConcurrentUsers(USERS).during(DURATION)))
			.protocols(protocol)
			.maxDuration(RAMP.plus(DURATION).plusSeconds(30))
			.assertions(Harness.assertions(P95_MS, REQUESTS));
	}

	@Override
	public void before() {
		startMillis = System.currentTimeMillis();
		deadlineMillis = startMillis + RAMP.plus(DURATION).plusSeconds(1).toMillis();
		System.out.printf("Booking load test: %d sessions against %s, ramp %d s, then %d s%n", USERS, BASE_URL,
				RAMP.toSeconds(), DURATION.toSeconds());
	}

	@Override
	public void after() {
		double seconds = (System.currentTimeMillis() - startMillis) / 1000.0;
		System.out.printf("Slots booked or moved: %d (%.1f per second), refused or taken: %d, cancelled: %d, in %.0f s%n",
				BOOKED.get(), BOOKED.get() / seconds, REFUSED.get(), CANCELLED.get(), seconds);
		System.out.println("Now check for double bookings: loadtest/scripts/booking-check.sh [psql options]");
	}
}
