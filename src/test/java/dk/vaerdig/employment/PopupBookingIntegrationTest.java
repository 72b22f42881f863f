package dk.vaerdig.employment;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.employment.internal.Popups;

/**
 * The public booking of a pop-up session: the time with its weekday, name and phone the browser can fill in, one
 * message per field, and a cancel link (in the SMS and on the confirmation) that frees the place once.
 */
@IntegrationTest
class PopupBookingIntegrationTest {

	static final Pattern CANCEL_LINK = Pattern.compile("/book/([a-z0-9]+)/cancel/([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Popups popups;

	String session(Instant startsAt, int capacity) {
		long id = popups.create("Pop-up: CV-hjælp", startsAt, "Jobcentret, Torvet 1", capacity, "virksomhed");
		return jdbc.sql("SELECT link_key FROM popup_session WHERE id = ?").param(id).query(String.class).single();
	}

	String tomorrow(int capacity) {
		return session(Instant.now().plus(1, ChronoUnit.DAYS), capacity);
	}

	int booked(String key) {
		return jdbc.sql("SELECT booked FROM popup_session WHERE link_key = ?").param(key).query(Integer.class).single();
	}

	/** Books through the page and returns the cancel link the confirmation page shows. */
	String book(String key, String name, String phone) throws Exception {
		String html = mvc.perform(post("/book/{key}", key).with(csrf()).param("name", name).param("phone", phone))
			.andExpect(content().string(containsText("Du har fået en tid")))
			.andReturn().getResponse().getContentAsString();
		String href = Jsoup.parse(html).select("a[href*=/cancel/]").attr("href");
		assertThat(href).as("the confirmation links to the cancel page").matches("/book/" + key + "/cancel/[A-Za-z0-9_-]{22}");
		return href;
	}

	@Test
	void cancellingFreesThePlaceSoAnotherBookingSucceeds() throws Exception {
		String key = tomorrow(1);
		String cancel = book(key, "Ali", "+45 20304051");
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Bo").param("phone", "+45 11112223"))
			.andExpect(content().string(containsText("Der er desværre ikke flere ledige pladser")));
		// the link shows the booking and asks first; nothing is cancelled by opening it
		mvc.perform(get(cancel)).andExpect(status().isOk())
			.andExpect(content().string(containsText("Vil du aflyse din tid?")))
			.andExpect(content().string(containsText("Ja, aflys min tid")));
		assertThat(booked(key)).isEqualTo(1);
		mvc.perform(post(cancel).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsText("Din tid er aflyst")));
		assertThat(booked(key)).isZero();
		book(key, "Bo", "+45 11112223");
		assertThat(booked(key)).isEqualTo(1);
		// the one who cancelled may book again when there is room: the same number is not "already booked"
		jdbc.sql("UPDATE popup_session SET capacity = 2 WHERE link_key = ?").param(key).update();
		book(key, "Ali", "+45 20304051");
		assertThat(booked(key)).isEqualTo(2);
	}

	@Test
	void cancellingTwiceSaysItIsAlreadyCancelledAndFreesThePlaceOnce() throws Exception {
		String key = tomorrow(3);
		String cancel = book(key, "Ali", "+45 20304052");
		book(key, "Bo", "+45 11112224");
		mvc.perform(post(cancel).with(csrf())).andExpect(content().string(containsText("Din tid er aflyst")));
		mvc.perform(post(cancel).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsText("Din tid er allerede aflyst")));
		mvc.perform(get(cancel)).andExpect(status().isOk())
			.andExpect(content().string(containsText("Din tid er allerede aflyst")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsText("Ja, aflys min tid"))));
		assertThat(booked(key)).isEqualTo(1);
		assertThat(popups.bookings(jdbc.sql("SELECT id FROM popup_session WHERE link_key = ?").param(key)
			.query(Long.class).single())).isEqualTo(1);
	}

	@Test
	void cancelsAtTheSameTimeFreeThePlaceOnce() throws Exception {
		String key = tomorrow(5);
		Matcher link = CANCEL_LINK.matcher(book(key, "Ali", "+45 20304053"));
		assertThat(link.matches()).isTrue();
		book(key, "Bo", "+45 11112225");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Popups.Cancellation>> results = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return popups.cancel(link.group(1), link.group(2));
			}));
		}
		start.countDown();
		List<Popups.Cancellation> outcomes = new ArrayList<>();
		for (Future<Popups.Cancellation> r : results) {
			outcomes.add(r.get());
		}
		pool.shutdown();
		assertThat(outcomes).containsOnlyOnce(Popups.Cancellation.CANCELLED);
		assertThat(outcomes).filteredOn(o -> o != Popups.Cancellation.CANCELLED)
			.containsOnly(Popups.Cancellation.ALREADY_CANCELLED);
		assertThat(booked(key)).isEqualTo(1);
	}

	@Test
	void anUnknownCancelLinkGetsAFriendlyNotFoundPage() throws Exception {
		String key = tomorrow(2);
		String cancel = book(key, "Ali", "+45 20304054");
		String other = tomorrow(2);
		String token = cancel.substring(cancel.lastIndexOf('/') + 1);
		for (String path : List.of("/book/" + key + "/cancel/AAAAAAAAAAAAAAAAAAAAAA",
				"/book/" + other + "/cancel/" + token, "/book/" + key + "/cancel/x")) {
			String html = mvc.perform(get(path)).andExpect(status().isNotFound())
				.andReturn().getResponse().getContentAsString();
			Document page = Jsoup.parse(html);
			assertThat(page.select("h1").text()).isEqualTo("Vi kan ikke finde din tid");
			assertThat(page.text()).contains("ring til jobcentret på 12 34 56 78");
			assertThat(page.select("html").attr("lang")).isEqualTo("da");
			mvc.perform(post(path).with(csrf())).andExpect(status().isNotFound());
		}
		assertThat(booked(key)).isEqualTo(1);
		assertThat(booked(other)).isZero();
	}

	@Test
	void theSmsCarriesTheCancelLinkAndTheWeekday() throws Exception {
		String key = session(ZonedDateTime.of(2031, 2, 4, 10, 0, 0, 0, ZoneId.of("Europe/Copenhagen")).toInstant(), 5);
		String cancel = book(key, "Ali", "+45 40506071");
		String sms = jdbc.sql("""
				SELECT m.body FROM outgoing_message m JOIN popup_booking b ON m.idempotency_key = 'popup-booking:' || b.id
				JOIN popup_session s ON s.id = b.session_id WHERE s.link_key = ?""").param(key).query(String.class).single();
		assertThat(sms).contains("Tid: tirsdag den 4. februar 2031 kl. 10.00\n")
			.endsWith("Kan du ikke komme? Aflys her: http://localhost:8080" + cancel);
		// the link in the SMS opens the cancel page
		mvc.perform(get(cancel)).andExpect(status().isOk()).andExpect(content().string(containsText("Vil du aflyse din tid?")));
		// only a hash of the token is stored
		assertThat(jdbc.sql("SELECT count(*) FROM popup_booking WHERE cancel_token_sha256 LIKE ?")
			.param("%" + cancel.substring(cancel.lastIndexOf('/') + 1) + "%").query(Long.class).single()).isZero();
		// in English the page has the weekday too
		mvc.perform(get("/book/{key}", key).param("lang", "en"))
			.andExpect(content().string(containsText("Tuesday 4 February 2031 at 10:00")));
	}

	@Test
	void theFormLetsTheBrowserFillInNameAndPhoneAndLinksBack() throws Exception {
		String key = tomorrow(2);
		Document form = Jsoup.parse(mvc.perform(get("/book/{key}", key)).andReturn().getResponse().getContentAsString());
		assertThat(form.select("input#name").attr("autocomplete")).isEqualTo("name");
		assertThat(form.select("input#phone").attr("autocomplete")).isEqualTo("tel");
		String html = mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Ali").param("phone", "+45 20304055"))
			.andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(html).select("a[href=/book/" + key + "]")).hasSize(1);
	}

	@Test
	void eachFieldGetsOneMessage() throws Exception {
		String key = tomorrow(2);
		for (String[] typed : List.of(new String[] { "", "" }, new String[] { " ", "  " }, new String[] { "", "abc" })) {
			var result = mvc.perform(post("/book/{key}", key).with(csrf()).param("name", typed[0]).param("phone", typed[1]))
				.andExpect(status().isOk())
				.andReturn();
			BindingResult errors = (BindingResult) result.getModelAndView().getModel()
				.get(BindingResult.MODEL_KEY_PREFIX + "form");
			assertThat(errors.getFieldErrors("name")).as("name '%s'", typed[0]).hasSize(1);
			assertThat(errors.getFieldErrors("phone")).as("phone '%s'", typed[1]).hasSize(1);
			Document page = Jsoup.parse(result.getResponse().getContentAsString());
			assertThat(page.select(".field-error")).hasSize(2);
			assertThat(page.select(".error-summary li")).hasSize(2);
		}
		// blank is "missing", not also "malformed"
		var blank = mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Ali").param("phone", ""))
			.andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(blank).select("#phone-error").text()).isEqualTo("Skriv dit telefonnummer.");
	}
}
