package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.access.AssuranceLevel;
import dk.vaerdig.access.CandidateAuthentication;
import dk.vaerdig.access.CandidateIdentity;
import dk.vaerdig.casework.internal.BookingRules;
import dk.vaerdig.casework.internal.Bookings;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.WorkingDays;

/**
 * Selvbook's rules: the window per target group by date (the 2027 groups too, and the closing days), booking plans a
 * real meeting and puts the candidate's action on the timeline, a double submit books once, moving and cancelling
 * within the limit (and the friendly refusal after it), the exemption, only the candidate's own slots and bookings
 * (every id tried as another candidate and as staff of another team), and the caseworker's slots and calendar.
 */
@IntegrationTest
class SelvbookIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	BookingRules rules;

	@Autowired
	Bookings bookings;

	@Autowired
	WorkingDays days;

	SelvbookFixture f;

	@BeforeEach
	void fixture() {
		f = new SelvbookFixture(jdbc);
	}

	static RequestPostProcessor as(long candidate) {
		return authentication(new CandidateAuthentication(new CandidateIdentity(candidate, "Test", AssuranceLevel.SUBSTANTIAL)));
	}

	RequestPostProcessor staff() {
		return user(f.caseworker).roles("CASEWORKER");
	}

	String page(long candidate) throws Exception {
		return mvc.perform(get("/min-side/tider").with(as(candidate))).andReturn().getResponse().getContentAsString();
	}

	MockHttpServletResponse book(long candidate, long slot, Long moveFrom, UUID request) throws Exception {
		var r = post("/min-side/tider/book").with(as(candidate)).with(csrf())
			.param("slotId", String.valueOf(slot)).param("requestId", request.toString());
		if (moveFrom != null) {
			r.param("moveFrom", String.valueOf(moveFrom));
		}
		return mvc.perform(r).andReturn().getResponse();
	}

	MockHttpServletResponse cancel(long candidate, long slot, UUID request) throws Exception {
		return mvc.perform(post("/min-side/tider/aflys").with(as(candidate)).with(csrf())
			.param("slotId", String.valueOf(slot)).param("requestId", request.toString())).andReturn().getResponse();
	}

	@Test
	void theWindowComesFromTheRuleOfTheGroupOnTheDayAndSkipsClosingDays() {
		var jobReady = rules.windowOn("LAB02", LocalDate.of(2026, 12, 2)).orElseThrow();
		assertThat(jobReady.firstDay()).isEqualTo(LocalDate.of(2026, 12, 3));
		assertThat(jobReady.lastDay()).isEqualTo(LocalDate.of(2026, 12, 30));
		assertThat(jobReady.rule().changeLimitHours()).isEqualTo(24);
		// three working days ahead from a Wednesday: Thursday, Friday, Monday
		var resource = rules.windowOn("LAB07", LocalDate.of(2026, 12, 2)).orElseThrow();
		assertThat(resource.firstDay()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(resource.rule().changeLimitHours()).isEqualTo(48);
		// from 23 December one working day ahead passes Christmas Eve (closing day), Christmas and the weekend
		assertThat(rules.windowOn("LAB02", LocalDate.of(2026, 12, 23)).orElseThrow().firstDay())
			.isEqualTo(LocalDate.of(2026, 12, 28));
		// on 4 January 2027 an old group is read as its successor, with the successor's rule
		var after = rules.windowOn("LAB07", LocalDate.of(2027, 1, 4)).orElseThrow();
		assertThat(after.rule().targetGroupCode()).isEqualTo("G2027_AFKLARING");
		assertThat(rules.windowOn("G2027_JOBPARAT", LocalDate.of(2026, 12, 2))).isEmpty();
		assertThat(rules.windowOn("G2027_JOBPARAT", LocalDate.of(2027, 3, 1)).orElseThrow().rule().latestDays()).isEqualTo(28);
	}

	@Test
	void bookingPlansARealMeetingAndTheTimelineNamesTheCandidate() throws Exception {
		long me = candidates.make(f.caseworker).id();
		long slot = f.slot(f.caseworker, false, SelvbookFixture.at(days, 3, 10, 0));
		assertThat(page(me)).contains("Ledige tider").contains("Book ");
		MockHttpServletResponse r = book(me, slot, null, UUID.randomUUID());
		assertThat(r.getStatus()).isEqualTo(302);
		assertThat(f.status(slot)).isEqualTo("BOOKED");
		long meeting = f.meetingOf(slot);
		assertThat(f.meetingStatus(meeting)).isEqualTo("PLANNED");
		assertThat(jdbc.sql("SELECT caseworker FROM meeting WHERE id = ?").param(meeting).query(String.class).single())
			.isEqualTo(f.caseworker);
		assertThat(page(me)).contains("Dit møde").contains("Læg mødet i din kalender").contains("Aflys mødet");
		String casePage = mvc.perform(get("/cases/" + me).with(staff())).andReturn().getResponse().getContentAsString();
		assertThat(casePage).contains("Kandidaten bookede et møde");
		assertThat(jdbc.sql("SELECT actor FROM booking_action WHERE candidate_id = ?").param(me).query(String.class).single())
			.isEqualTo("kandidaten");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE candidate_id = ? AND actor = ? AND action = 'CHANGE'")
			.params(me, "candidate:" + me).query(Long.class).single()).isEqualTo(1);
		// the calendar file: RFC 5545 lines, the meeting's time in UTC
		var ics = mvc.perform(get("/min-side/tider/" + slot + "/kalender.ics").with(as(me))).andReturn().getResponse();
		assertThat(ics.getContentType()).startsWith("text/calendar");
		String body = ics.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nBEGIN:VEVENT\r\n")
			.contains("DTSTART:" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
				.withZone(java.time.ZoneOffset.UTC).format(SelvbookFixture.at(days, 3, 10, 0)))
			.contains("LOCATION:Jobcentret\\, Torvet 1").endsWith("END:VCALENDAR\r\n");
	}

	@Test
	void theBookingPageAndTheTakenPageListTheSameFreeSlotsWithTheCaseworkerUnderHeadingsOfTheirLevel() throws Exception {
		long me = candidates.make(f.caseworker).id();
		long gone = f.slot(f.caseworker, false, SelvbookFixture.at(days, 2, 9, 0));
		long a = f.slot(f.caseworker, false, SelvbookFixture.at(days, 2, 10, 0));
		long b = f.slot(f.caseworker, true, SelvbookFixture.at(days, 3, 14, 30));
		String page = page(me);
		assertThat(slotIds(page)).containsExactly(gone, a, b);
		assertThat(page).contains("<span>med Sara Selvbook</span>").contains("<h3>");
		jdbc.sql("UPDATE booking_slot SET status = 'WITHDRAWN' WHERE id = ?").param(gone).update();
		MockHttpServletResponse taken = book(me, gone, null, UUID.randomUUID());
		assertThat(taken.getStatus()).isEqualTo(409);
		String takenPage = taken.getContentAsString();
		assertThat(takenPage).contains("En anden nåede at tage tiden");
		assertThat(slotIds(takenPage)).containsExactly(a, b);
		// the same list as on the booking page: the caseworker's name too, the days as second-level headings here
		assertThat(takenPage).contains("<span>med Sara Selvbook</span>").contains("<h2>").doesNotContain("<h3>");
		assertThat(formsOf(takenPage)).isEqualTo(formsOf(page(me)));
	}

	/** The slot ids of the booking forms, in the page's order. */
	static List<Long> slotIds(String html) {
		return java.util.regex.Pattern.compile("name=\"slotId\" value=\"(\\d+)\"")
			.matcher(html)
			.results()
			.map(m -> Long.parseLong(m.group(1)))
			.toList();
	}

	/** The booking forms, without their request ids and CSRF tokens (new for every page), whitespace folded. */
	static List<String> formsOf(String html) {
		return java.util.regex.Pattern.compile("(?s)<form action=\"[^\"]*/min-side/tider/book\".*?</form>")
			.matcher(html)
			.results()
			.map(m -> m.group()
				.replaceAll("name=\"(requestId|_csrf)\" value=\"[^\"]*\"", "")
				.replaceAll("\\s+", " "))
			.toList();
	}

	@Test
	void aDoubleSubmitBooksOnce() throws Exception {
		long me = candidates.make(f.caseworker).id();
		long slot = f.slot(f.caseworker, false, SelvbookFixture.at(days, 2, 9, 0));
		UUID request = UUID.randomUUID();
		assertThat(book(me, slot, null, request).getStatus()).isEqualTo(302);
		assertThat(book(me, slot, null, request).getStatus()).isEqualTo(302);
		assertThat(f.meetings(me, "PLANNED")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM booking_action WHERE candidate_id = ?").param(me).query(Long.class)
			.single()).isEqualTo(1);
		// a second booking with a new form is refused: the candidate moves the one they have
		long other = f.slot(f.caseworker, false, SelvbookFixture.at(days, 2, 11, 0));
		assertThat(book(me, other, null, UUID.randomUUID()).getStatus()).isEqualTo(409);
		assertThat(f.status(other)).isEqualTo("FREE");
	}

	@Test
	void movingFreesTheOldSlotAndCancelsItsMeetingAndCancellingAfterTheLimitSaysPhoneUs() throws Exception {
		long me = candidates.make(f.caseworker).id();
		long a = f.slot(f.caseworker, false, SelvbookFixture.at(days, 3, 13, 0));
		long b = f.slot(f.caseworker, true, SelvbookFixture.at(days, 4, 13, 0));
		book(me, a, null, UUID.randomUUID());
		long first = f.meetingOf(a);
		assertThat(book(me, b, a, UUID.randomUUID()).getStatus()).isEqualTo(302);
		assertThat(f.status(a)).isEqualTo("FREE");
		assertThat(f.meetingStatus(first)).isEqualTo("CANCELLED");
		assertThat(f.status(b)).isEqualTo("BOOKED");
		assertThat(cancel(me, b, UUID.randomUUID()).getStatus()).isEqualTo(302);
		assertThat(f.status(b)).isEqualTo("FREE");
		assertThat(f.meetings(me, "PLANNED")).isZero();
		assertThat(jdbc.sql("SELECT action FROM booking_action WHERE candidate_id = ? ORDER BY id").param(me)
			.query(String.class).list()).containsExactly("BOOKED", "MOVED", "CANCELLED");
		// a booking 10 hours ahead (booked by phone, say) cannot be cancelled here: the page says to phone
		Instant soon = Instant.now().plus(10, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		long meeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status) VALUES (?, ?, ?, 'PHONE', 'PLANNED')
				RETURNING id""").params(me, f.caseworker, Timestamp.from(soon)).query(Long.class).single();
		long late = jdbc.sql("""
				INSERT INTO booking_slot (caseworker, team_id, for_team, starts_at, ends_at, form, status, candidate_id,
				  meeting_id, booked_at, created_by, created_at)
				VALUES (?, ?, FALSE, ?, ?, 'PHONE', 'BOOKED', ?, ?, now(), ?, now()) RETURNING id""")
			.params(f.caseworker, f.team, Timestamp.from(soon), Timestamp.from(soon.plusSeconds(1800)), me, meeting,
					f.caseworker)
			.query(Long.class).single();
		assertThat(page(me)).contains("ring til os på 87 65 43 21").doesNotContain("Aflys mødet");
		MockHttpServletResponse refused = cancel(me, late, UUID.randomUUID());
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getContentAsString()).contains("Ring til os på 87 65 43 21");
		assertThat(f.meetingStatus(meeting)).isEqualTo("PLANNED");
	}

	@Test
	void slotsOutsideTheWindowOrOfAnotherCaseworkerOrTeamCannotBeBooked() throws Exception {
		long me = candidates.make(f.caseworker).id();
		long tooFar = f.slot(f.caseworker, false, SelvbookFixture.at(days, 40, 10, 0));
		long colleaguesOwn = f.slot(f.colleague(), false, SelvbookFixture.at(days, 3, 10, 0));
		long colleaguesTeam = f.slot(f.caseworker + "-kollega", true, SelvbookFixture.at(days, 3, 11, 0));
		SelvbookFixture otherTeam = new SelvbookFixture(jdbc);
		long otherTeamsSlot = otherTeam.slot(otherTeam.caseworker, true, SelvbookFixture.at(days, 3, 10, 0));
		String html = page(me);
		assertThat(html).doesNotContain("name=\"slotId\" value=\"" + tooFar + "\"")
			.doesNotContain("value=\"" + colleaguesOwn + "\"").doesNotContain("value=\"" + otherTeamsSlot + "\"")
			.contains("value=\"" + colleaguesTeam + "\"");
		assertThat(book(me, tooFar, null, UUID.randomUUID()).getStatus()).isEqualTo(409);
		assertThat(book(me, colleaguesOwn, null, UUID.randomUUID()).getStatus()).isEqualTo(404);
		assertThat(book(me, otherTeamsSlot, null, UUID.randomUUID()).getStatus()).isEqualTo(404);
		assertThat(List.of(f.status(tooFar), f.status(colleaguesOwn), otherTeam.status(otherTeamsSlot)))
			.containsOnly("FREE");
		assertThat(book(me, colleaguesTeam, null, UUID.randomUUID()).getStatus()).isEqualTo(302);
	}

	@Test
	void onlyTheCandidatesOwnBookingsEveryIdTriedAsAnotherCandidateAndAsStaffOfAnotherTeam() throws Exception {
		long a = candidates.make(f.caseworker).id();
		long b = candidates.make(f.caseworker).id();
		long slot = f.slot(f.caseworker, false, SelvbookFixture.at(days, 3, 14, 0));
		book(a, slot, null, UUID.randomUUID());
		f.slot(f.caseworker, true, SelvbookFixture.at(days, 4, 14, 0));
		List<Long> ids = jdbc.sql("SELECT id FROM booking_slot WHERE team_id = ?").param(f.team).query(Long.class).list();
		for (long id : ids) {
			assertThat(mvc.perform(get("/min-side/tider/" + id + "/kalender.ics").with(as(b))).andReturn().getResponse()
				.getStatus()).as("calendar file of slot " + id).isEqualTo(404);
			assertThat(cancel(b, id, UUID.randomUUID()).getStatus()).as("cancel " + id).isEqualTo(404);
			assertThat(book(b, id, slot, UUID.randomUUID()).getStatus()).as("move from a's " + id).isIn(404, 409);
		}
		assertThat(f.status(slot)).isEqualTo("BOOKED");
		assertThat(jdbc.sql("SELECT candidate_id FROM booking_slot WHERE id = ?").param(slot).query(Long.class).single())
			.isEqualTo(a);
		assertThat(page(b)).doesNotContain("Dit møde");
		// staff have no Min side: the candidate chain refuses them; staff of another team do not open the case
		assertThat(mvc.perform(get("/min-side/tider/" + slot + "/kalender.ics").with(user(f.caseworker).roles("CASEWORKER")))
			.andReturn().getResponse().getStatus()).isIn(302, 401, 403);
		SelvbookFixture other = new SelvbookFixture(jdbc);
		assertThat(mvc.perform(get("/cases/" + a + "/selvbook").with(user(other.caseworker).roles("CASEWORKER")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/calendar/slots/" + slot + "/withdraw").with(user(other.caseworker).roles("CASEWORKER"))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		// the services themselves refuse another candidate's id
		assertThatThrownBy(() -> bookings.own(b, slot)).isInstanceOf(NotFoundOrNoAccess.class);
	}

	@Test
	void anExemptedCandidateIsToldToPhoneAndCannotBookAndItIsOnTheTimeline() throws Exception {
		long me = candidates.make(f.caseworker).id();
		long slot = f.slot(f.caseworker, false, SelvbookFixture.at(days, 3, 9, 30));
		// another reason needs a text: the form says so and keeps the choice
		String refused = mvc.perform(post("/cases/" + me + "/selvbook").with(staff()).with(csrf()).param("reason", "OTHER")
			.param("note", " ").param("requestId", UUID.randomUUID().toString())).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Skriv grunden, når du vælger anden grund.");
		UUID request = UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.perform(post("/cases/" + me + "/selvbook").with(staff()).with(csrf()).param("reason", "LANGUAGE")
				.param("note", "Taler kun lidt dansk").param("requestId", request.toString())).andReturn().getResponse()
				.getStatus()).isEqualTo(302);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM booking_exemption WHERE candidate_id = ?").param(me).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(page(me)).contains("Ring og book dit møde").contains("87 65 43 21").doesNotContain("Ledige tider");
		assertThat(book(me, slot, null, UUID.randomUUID()).getStatus()).isEqualTo(409);
		assertThat(f.status(slot)).isEqualTo("FREE");
		String casePage = mvc.perform(get("/cases/" + me).with(staff())).andReturn().getResponse().getContentAsString();
		assertThat(casePage).contains("Fritaget for selvbooking: sprog");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE candidate_id = ? AND detail LIKE 'self-booking exemption%'")
			.param(me).query(Long.class).single()).isEqualTo(1);
		long exemption = jdbc.sql("SELECT id FROM booking_exemption WHERE candidate_id = ?").param(me).query(Long.class)
			.single();
		mvc.perform(post("/cases/" + me + "/selvbook/end").with(staff()).with(csrf())
			.param("exemptionId", String.valueOf(exemption)));
		assertThat(book(me, slot, null, UUID.randomUUID()).getStatus()).isEqualTo(302);
	}

	@Test
	void theCaseworkerPublishesSlotsAndASeriesNeverInThePastOrOnClosingDaysAndWithdrawsAFreeOne() throws Exception {
		LocalDate day = days.plus(LocalDate.now(SelvbookFixture.ZONE), 2);
		var ok = mvc.perform(post("/calendar/slots").with(staff()).with(csrf()).param("date", day.toString())
			.param("time", "10:00").param("minutes", "45").param("form", "PHONE").param("place", "")).andReturn()
			.getResponse();
		assertThat(ok.getStatus()).isEqualTo(302);
		// overlapping, in the past, on a closing day, in person without a place: refused with the field's message
		for (String[] bad : new String[][] { { day.toString(), "10:30", "PHONE", "overlapper" },
				{ LocalDate.now().minusDays(7).toString(), "10:00", "PHONE", "allerede gået" },
				{ "2026-12-24", "10:00", "PHONE", "holder lukket" }, { day.toString(), "13:00", "IN_PERSON", "Skriv stedet" } }) {
			String html = mvc.perform(post("/calendar/slots").with(staff()).with(csrf()).param("date", bad[0])
				.param("time", bad[1]).param("minutes", "45").param("form", bad[2]).param("place", "")).andReturn()
				.getResponse().getContentAsString();
			if (!bad[0].equals("2026-12-24") || !LocalDate.now().isAfter(LocalDate.of(2026, 12, 24))) {
				assertThat(html).as(String.join(" ", bad)).contains(bad[3]);
			}
		}
		LocalDate monday = LocalDate.of(2027, 1, 4);
		if (LocalDate.now().isBefore(monday)) {
			var series = mvc.perform(post("/calendar/series").with(staff()).with(csrf()).param("from", "2026-12-21")
				.param("to", "2027-01-08").param("weekdays", "MONDAY", "THURSDAY").param("times", "09:00, 9:45")
				.param("minutes", "45").param("form", "VIDEO").param("place", "")).andReturn().getResponse();
			assertThat(series.getStatus()).isEqualTo(302);
			// Mondays 21 Dec, 28 Dec, 4 Jan and Thursdays 31 Dec (closing day) ... : 21/12, 28/12, 4/1, 7/1 and not 24/12, 31/12
			List<LocalDate> published = jdbc.sql("""
					SELECT DISTINCT (starts_at AT TIME ZONE 'Europe/Copenhagen')::date FROM booking_slot
					WHERE caseworker = ? AND form = 'VIDEO' ORDER BY 1""").param(f.caseworker).query(LocalDate.class).list();
			assertThat(published).containsExactly(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 28),
					LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 7));
		}
		long free = jdbc.sql("SELECT id FROM booking_slot WHERE caseworker = ? AND form = 'PHONE'").param(f.caseworker)
			.query(Long.class).single();
		String week = mvc.perform(get("/calendar").param("week", day.toString()).with(staff())).andReturn().getResponse()
			.getContentAsString();
		assertThat(week).contains("Ledig tid").contains("10:00–10:45");
		mvc.perform(post("/calendar/slots/" + free + "/withdraw").with(staff()).with(csrf()));
		assertThat(f.status(free)).isEqualTo("WITHDRAWN");
		// a booked slot is not withdrawn; the calendar names who booked it
		long me = candidates.make(f.caseworker).id();
		long booked = f.slot(f.caseworker, false, SelvbookFixture.at(days, 3, 15, 0));
		book(me, booked, null, UUID.randomUUID());
		mvc.perform(post("/calendar/slots/" + booked + "/withdraw").with(staff()).with(csrf()));
		assertThat(f.status(booked)).isEqualTo("BOOKED");
		String bookedWeek = mvc.perform(get("/calendar").param("week", days.plus(LocalDate.now(SelvbookFixture.ZONE), 3).toString())
			.with(staff())).andReturn().getResponse().getContentAsString();
		assertThat(bookedWeek).contains("Booket af kandidaten").contains("Prøvesen");
	}

	@Test
	void aBookedMeetingTheCaseworkerCancelsFreesItsSlot() throws Exception {
		long me = candidates.make(f.caseworker).id();
		long slot = f.slot(f.caseworker, false, SelvbookFixture.at(days, 3, 16, 0));
		book(me, slot, null, UUID.randomUUID());
		long meeting = f.meetingOf(slot);
		mvc.perform(post("/cases/" + me + "/meetings/" + meeting + "/cancel").with(staff()).with(csrf()));
		assertThat(f.meetingStatus(meeting)).isEqualTo("CANCELLED");
		assertThat(f.status(slot)).isEqualTo("FREE");
		assertThat(page(me)).doesNotContain("Dit møde");
	}
}
