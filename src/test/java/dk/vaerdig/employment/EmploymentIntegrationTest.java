package dk.vaerdig.employment;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.employment.internal.Popups;

@IntegrationTest
class EmploymentIntegrationTest {

	static final RequestPostProcessor CONSULTANT = user("virksomhed").roles("COMPANY_CONSULTANT");

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Popups popups;

	@Test
	void anInvalidCvrGetsAClearMessageAndKeepsWhatWasTyped() throws Exception {
		mvc.perform(post("/employment/companies").with(CONSULTANT).with(csrf())
			.param("cvr", "24256791").param("name", "Smedjen A/S").param("postalCode", "4700"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("companyForm", "cvr"))
			.andExpect(content().string(containsText("Skriv CVR-nummeret som 8 cifre")))
			.andExpect(content().string(containsText("Smedjen A/S")));
	}

	long company(String cvr) throws Exception {
		mvc.perform(post("/employment/companies").with(CONSULTANT).with(csrf())
			.param("cvr", cvr).param("name", "Firma " + cvr).param("postalCode", "4700"));
		return jdbc.sql("SELECT id FROM company WHERE cvr = ?").param(cvr).query(Long.class).single();
	}

	@Test
	void theSameCompanyCannotBeRegisteredTwice() throws Exception {
		company("61126228");
		mvc.perform(post("/employment/companies").with(CONSULTANT).with(csrf())
			.param("cvr", "DK 6112 6228").param("name", "Igen"))
			.andExpect(model().attributeHasFieldErrorCode("companyForm", "cvr", "employment.form.cvr.exists"));
	}

	@Test
	void anOpeningWithoutHoursIsRefused() throws Exception {
		long company = company("64942212");
		mvc.perform(post("/employment/openings").with(CONSULTANT).with(csrf())
			.param("companyId", String.valueOf(company)).param("kind", "FLEXJOB").param("occupationCode", "5321")
			.param("title", "Social- og sundhedshjælper").param("hoursPerWeek", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Skriv, hvor mange timer om ugen jobbet er på")))
			.andExpect(content().string(containsText("Social- og sundhedshjælper")));
	}

	@Test
	void wishesWithAWordWhereANumberBelongsComeBackWithTheFieldNamedAndTheRestKept() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/employment/wishes", c.id()).with(METTE).with(csrf())
			.param("occupationCodes", "7212").param("hoursPerWeek", "mange").param("postalCode", "4700")
			.param("maxCommuteKm", "30").param("accommodations", "Kan ikke løfte tungt").param("version", "-1"))
			.andExpect(status().isOk())
			// the field is named and marked; a number field cannot show the word, the other fields keep what was typed
			.andExpect(content().string(containsText("Ønskede timer om ugen (valgfrit): Skriv et tal.")))
			.andExpect(content().string(containsText("aria-invalid=\"true\" aria-describedby=\"hoursPerWeek-error\"")))
			.andExpect(content().string(containsText("value=\"4700\"")))
			.andExpect(content().string(containsText("Kan ikke løfte tungt")));
		assertThat(jdbc.sql("SELECT count(*) FROM job_wish WHERE candidate_id = ?").param(c.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void aCandidatesCompetencesAndWishesBringMatchingJobsWithReasonsAndTheAnswerGoesOnTheCase() throws Exception {
		long company = company("24256790");
		mvc.perform(post("/employment/openings").with(CONSULTANT).with(csrf())
			.param("companyId", String.valueOf(company)).param("kind", "ORDINARY").param("occupationCode", "7212")
			.param("title", "Svejser til værkstedet").param("hoursPerWeek", "37").param("postalCode", "4100"));
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/employment/competences", c.id()).with(METTE).with(csrf())
			.param("skill", "Svejser rækværk til spejderhytten").param("occupationCode", "7212").param("source", "VOLUNTEERING")
			.param("hidden", "true"));
		mvc.perform(post("/cases/{id}/employment/wishes", c.id()).with(METTE).with(csrf())
			.param("occupationCodes", "7212").param("hoursPerWeek", "37").param("postalCode", "4700")
			.param("maxCommuteKm", "30").param("version", "-1"));
		mvc.perform(get("/cases/{id}/employment", c.id()).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Svejser til værkstedet")))
			.andExpect(content().string(containsText("Har erfaring med netop dette arbejde")))
			.andExpect(content().string(containsText("Afstand ca. 24 km")));
		// the jobs come to the meeting when it is prepared
		mvc.perform(get("/cases/{id}/meetings/new", c.id()).with(METTE))
			.andExpect(content().string(containsText("Forslag til samtalen")))
			.andExpect(content().string(containsText("Svejser til værkstedet")));
		long opening = jdbc.sql("SELECT id FROM opening WHERE title = 'Svejser til værkstedet'").query(Long.class).single();
		mvc.perform(post("/cases/{id}/employment/proposals", c.id()).with(METTE).with(csrf())
			.param("openingId", String.valueOf(opening)).param("score", "100"));
		long proposal = jdbc.sql("SELECT id FROM job_proposal WHERE candidate_id = ?").param(c.id()).query(Long.class).single();
		mvc.perform(post("/cases/{id}/employment/proposals/{p}/answer", c.id(), proposal).with(METTE).with(csrf())
			.param("answer", "INTERESTED").param("note", "Gerne, hvis jeg kan starte på 30 timer"));
		mvc.perform(get("/cases/{id}", c.id()).with(METTE))
			.andExpect(content().string(containsText("Job foreslået – kandidaten er interesseret")));
		// the opening finds the candidate too, for a caseworker of the team
		mvc.perform(get("/employment/openings/{id}", opening).with(METTE))
			.andExpect(content().string(containsText(c.firstName())));
		// a caseworker cannot open another team's candidate's competences (answered as a missing case)
		mvc.perform(get("/cases/{id}/employment", c.id()).with(user("teamleder.syg").roles("TEAM_LEAD")))
			.andExpect(status().isNotFound());
	}

	@Test
	void twoHundredPeopleRacingForTwentyPlacesGiveExactlyTwentyBookings() throws Exception {
		long id = popups.create("Pop-up: CV-hjælp", Instant.now().plus(2, ChronoUnit.DAYS), "Jobcentret", 20, "virksomhed");
		String key = jdbc.sql("SELECT link_key FROM popup_session WHERE id = ?").param(id).query(String.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Popups.Outcome>> results = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String phone = "+45 " + (30000000 + i);
			results.add(pool.submit(() -> {
				start.await();
				return popups.book(key, "Kandidat", phone, Locale.forLanguageTag("da")).outcome();
			}));
		}
		start.countDown();
		long booked = 0;
		long full = 0;
		for (Future<Popups.Outcome> r : results) {
			Popups.Outcome o = r.get();
			booked += o == Popups.Outcome.BOOKED ? 1 : 0;
			full += o == Popups.Outcome.FULL ? 1 : 0;
		}
		pool.shutdown();
		assertThat(booked).isEqualTo(20);
		assertThat(full).isEqualTo(180);
		assertThat(popups.bookings(id)).isEqualTo(20);
		assertThat(jdbc.sql("SELECT booked FROM popup_session WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(20);
	}

	@Test
	void aFullAPastOrADoubleBookingGetsAClearMessage() throws Exception {
		Instant startsAt = Instant.now().plus(1, ChronoUnit.DAYS);
		long id = popups.create("Jobdating", startsAt, "Jobcentret", 1, "virksomhed");
		String key = jdbc.sql("SELECT link_key FROM popup_session WHERE id = ?").param(id).query(String.class).single();
		// the candidate sees when (with the weekday) and where, on the booking page and on the confirmation, in Danish time
		var local = startsAt.atZone(java.time.ZoneId.of("Europe/Copenhagen"));
		String when = java.time.format.DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy 'kl.' HH.mm",
				Locale.forLanguageTag("da")).format(local);
		mvc.perform(get("/book/{key}", key)).andExpect(status().isOk()).andExpect(content().string(containsText(when)));
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Ali").param("phone", "+45 20304050"))
			.andExpect(content().string(containsText("Du har fået en tid")))
			.andExpect(content().string(containsText(when)));
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Ali").param("phone", "20 30 40 50"))
			.andExpect(content().string(containsText("Du har allerede en tid")));
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Bo").param("phone", "+45 11112222"))
			.andExpect(content().string(containsText("Der er desværre ikke flere ledige pladser")))
			.andExpect(content().string(containsText("Bo")));
		jdbc.sql("UPDATE popup_session SET starts_at = now() - interval '1 hour', capacity = 5 WHERE id = ?").param(id).update();
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Eva").param("phone", "+45 33334444"))
			.andExpect(content().string(containsText("Arrangementet er allerede begyndt")));
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "").param("phone", "abc"))
			.andExpect(model().attributeHasFieldErrors("form", "name", "phone"));
	}

	@Test
	void aBookingIsConfirmedByOneSmsWithTheTimePlaceAndBookingNumber() throws Exception {
		Instant startsAt = java.time.ZonedDateTime.of(2031, 2, 3, 10, 30, 0, 0, java.time.ZoneId.of("Europe/Copenhagen"))
			.toInstant();
		long id = popups.create("Pop-up: CV-hjælp", startsAt, "Jobcentret, Torvet 1", 5, "virksomhed");
		String key = jdbc.sql("SELECT link_key FROM popup_session WHERE id = ?").param(id).query(String.class).single();
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Ali").param("phone", "+45 40 50 60 70"))
			.andExpect(content().string(containsText("Du har fået en tid")));
		// the same person again: no second booking, so no second SMS
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Ali").param("phone", "40506070"))
			.andExpect(content().string(containsText("Du har allerede en tid")));
		var booking = jdbc.sql("SELECT id, code FROM popup_booking WHERE session_id = ?").param(id).query().singleRow();
		var sms = jdbc.sql("""
				SELECT channel, recipient, body FROM outgoing_message WHERE idempotency_key = ?""")
			.param("popup-booking:" + booking.get("id")).query().listOfRows();
		assertThat(sms).hasSize(1);
		assertThat(sms.get(0)).containsEntry("channel", "SMS").containsEntry("recipient", "+4540506070");
		assertThat((String) sms.get(0).get("body")).startsWith("Du har fået en tid til Pop-up: CV-hjælp.\n"
				+ "Tid: mandag den 3. februar 2031 kl. 10.30\nSted: Jobcentret, Torvet 1\n"
				+ "Dit bookingnummer er " + booking.get("code") + ". Tag gerne dit CV med, hvis du har et.\n"
				+ "Kan du ikke komme? Aflys her: http://localhost:8080/book/" + key + "/cancel/");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM outgoing_message m JOIN popup_booking b ON m.idempotency_key = 'popup-booking:' || b.id
				WHERE b.session_id = ?""").param(id).query(Long.class).single()).isEqualTo(1);
		// booked on the English page: the SMS is in English
		mvc.perform(post("/book/{key}", key).with(csrf()).param("name", "Bo").param("phone", "+44 7700 900123")
			.cookie(new jakarta.servlet.http.Cookie("vaerdig-lang", "en"))).andExpect(status().isOk());
		assertThat(jdbc.sql("""
				SELECT body FROM outgoing_message m JOIN popup_booking b ON m.idempotency_key = 'popup-booking:' || b.id
				WHERE b.session_id = ? AND m.recipient = '+447700900123'""").param(id).query(String.class).single())
			.startsWith("You have a place at Pop-up: CV-hjælp.\nWhen: Monday 3 February 2031 at 10:30\n");
	}

	@Test
	void jobdatingRecordsWhoMetWhomAmongTheInvited() throws Exception {
		mvc.perform(post("/employment/jobdating").with(CONSULTANT).with(csrf())
			.param("title", "Jobdating i plejen").param("startsAt", java.time.LocalDateTime.now().plusDays(3).withNano(0).toString().substring(0, 16))
			.param("place", "Jobcentret"));
		long event = jdbc.sql("SELECT max(id) FROM jobdating_event").query(Long.class).single();
		long company = jdbc.sql("SELECT id FROM company WHERE cvr = '61126228'").query(Long.class).single();
		long other = jdbc.sql("SELECT id FROM company WHERE cvr = '29189781'").query(Long.class).single();
		mvc.perform(post("/employment/jobdating/{id}/companies", event).with(CONSULTANT).with(csrf()).param("companyId", String.valueOf(company)));
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/employment/jobdating", c.id()).with(METTE).with(csrf()).param("eventId", String.valueOf(event)));
		mvc.perform(post("/employment/jobdating/{id}/meetings", event).with(METTE).with(csrf())
			.param("candidateId", String.valueOf(c.id())).param("companyId", String.valueOf(company)).param("outcome", "INTERVIEW"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flash", "employment.jobdating.recorded"));
		mvc.perform(post("/employment/jobdating/{id}/meetings", event).with(METTE).with(csrf())
			.param("candidateId", String.valueOf(c.id())).param("companyId", String.valueOf(other)).param("outcome", "JOB"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flashError", "employment.jobdating.notInvited"));
		mvc.perform(get("/employment/jobdating/{id}", event).with(METTE))
			.andExpect(content().string(containsText("Jobsamtale aftalt")))
			.andExpect(content().string(containsText(c.firstName())));
		// another team's lead sees the event but not this candidate's name
		mvc.perform(get("/employment/jobdating/{id}", event).with(user("teamleder.syg").roles("TEAM_LEAD")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsText(c.firstName()))));
	}

	@Test
	void aCompanyHasContactPersonsAndABadEmailIsExplained() throws Exception {
		long company = company("10150817");
		mvc.perform(post("/employment/companies/{id}/contacts", company).with(CONSULTANT).with(csrf())
			.param("name", "Lise Hansen").param("phone", "+45 55 66 77 88").param("email", "ikke-en-mail"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "email"))
			.andExpect(content().string(containsText("Lise Hansen")));
		mvc.perform(post("/employment/companies/{id}/contacts", company).with(CONSULTANT).with(csrf())
			.param("name", "Lise Hansen").param("phone", "+45 55 66 77 88").param("email", "lise@byg.dk"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flash", "employment.contact.saved"));
		mvc.perform(get("/employment/companies/{id}", company).with(CONSULTANT))
			.andExpect(content().string(containsText("Lise Hansen, +45 55 66 77 88, lise@byg.dk")));
	}
}
