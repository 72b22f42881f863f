package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.platform.WorkingDays;

/**
 * Selvbook in a real browser, every page and state checked with axe-core (WCAG 2.1 A and AA) on a 390 × 844 phone and
 * at 320 px wide without sideways scrolling, in Danish and in English: the candidate's free slots (with the
 * caseworker's name), a slot outside the window refused, booked (with the calendar file's link), the slot someone else
 * got first (the same list of slots), too late to cancel (phone us), the refusal after the limit, exempted (book by
 * phone), no free slots; and the caseworker's calendar and the case's self-booking page with a form error. No JavaScript is
 * needed: every step is a link or a form.
 */
class SelvbookBrowserTest extends BrowserTest {

	static final String MARK = "browser-selvbook";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays days;

	long candidate;

	String caseworker;

	/** The caseworker's name, on the "with" line of each free slot. */
	String name;

	@BeforeEach
	void noCandidateSession() {
		open("/min-side/login");
		driver.manage().deleteAllCookies();
	}

	@AfterEach
	void removeTheSlots() {
		jdbc.sql("DELETE FROM booking_exemption WHERE candidate_id = ?").param(candidate).update();
		jdbc.sql("""
				UPDATE meeting SET status = 'CANCELLED' WHERE id IN (SELECT meeting_id FROM booking_slot WHERE created_by = ?)""")
			.param(MARK).update();
		jdbc.sql("DELETE FROM booking_slot WHERE created_by = ?").param(MARK).update();
	}

	void assertReflows() {
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		viewport(390, 844, 3);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}

	void check(String name) {
		assertAccessible();
		assertReflows();
		screenshot("selvbook-" + name);
	}

	long slot(int workingDaysAhead, int hour, int minute) {
		Instant at = days.plus(LocalDate.now(ZoneId.of("Europe/Copenhagen")), workingDaysAhead).atTime(hour, minute)
			.atZone(ZoneId.of("Europe/Copenhagen")).toInstant();
		return jdbc.sql("""
				INSERT INTO booking_slot (caseworker, team_id, for_team, starts_at, ends_at, form, place, status, created_by,
				  created_at)
				SELECT ?, team_id, FALSE, ?, ?, 'IN_PERSON', 'Jobcentret, Torvet 1', 'FREE', ?, now()
				FROM staff_user WHERE username = ? RETURNING id""")
			.params(caseworker, Timestamp.from(at), Timestamp.from(at.plusSeconds(2700)), MARK, caseworker)
			.query(Long.class).single();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"da|Book et møde|Nu har du booket tiden|Læg mødet i din kalender|En anden nåede at tage tiden|Den tid kan du ikke vælge|Ring til os|Ring og book dit møde|med",
			"en|Book a meeting|You have booked the time|Add the meeting to your calendar|Someone else took the time first|You cannot choose that time|Call us on|Call us to book your meeting|with" })
	void theCandidateBooksIsToldWhenSomeoneWasFasterAndPhonesWhenItIsLateOrTheyAreExempted(String lang, String heading,
			String booked, String calendar, String taken, String outside, String callUs, String exempt, String with) {
		viewport(390, 844, 3);
		open("/min-side/test-login?lang=" + lang);
		WebElement fourth = driver.findElement(By.cssSelector("ul.test-logins li:nth-child(4) form"));
		candidate = Long.parseLong(fourth.findElement(By.name("candidateId")).getAttribute("value"));
		caseworker = jdbc.sql("SELECT caseworker FROM candidate WHERE id = ?").param(candidate).query(String.class).single();
		name = jdbc.sql("SELECT display_name FROM staff_user WHERE username = ?").param(caseworker).query(String.class)
			.single();
		submit("ul.test-logins li:nth-child(4) form");
		open("/min-side/tider");
		// no free slots
		assertThat(find("h1").getText()).isEqualTo(heading);
		check("none-" + lang);
		long first = slot(3, 7, 5);
		long second = slot(3, 7, 55);
		slot(4, 7, 5);
		long tooFar = slot(60, 7, 5);
		open("/min-side/tider");
		assertThat(find("nav.candidate-nav a[aria-current=page]").getAttribute("href")).endsWith("/min-side/tider");
		assertThat(findAll("form.booking__slot")).hasSizeGreaterThanOrEqualTo(3);
		assertThat(find("form.booking__slot").getText()).contains(with + " " + name);
		assertThat(findAll("form.booking__slot input[name=slotId][value='" + tooFar + "']")).isEmpty();
		check("free-" + lang);
		// a slot outside the window (an old page, a hand-made form): refused with the list of the times one may book
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].setAttribute('value', arguments[1])",
				find("form.booking__slot:has(input[name=slotId][value='" + first + "']) input[name=slotId]"),
				String.valueOf(tooFar));
		submit("form.booking__slot:has(input[name=slotId][value='" + tooFar + "'])");
		assertThat(find("p.notice[role=alert]").getText()).contains(outside);
		assertAccessible();
		assertNoHorizontalScroll();
		screenshot("selvbook-outside-window-" + lang);
		// booking the first
		open("/min-side/tider");
		submit("form.booking__slot:has(input[name=slotId][value='" + first + "'])");
		assertThat(find("p.notice[role=status]").getText()).contains(booked);
		assertThat(find("a[href$='kalender.ics']").getText()).isEqualTo(calendar);
		check("booked-" + lang);
		// someone else took the second while the page was open: the friendly page with the next free slots
		jdbc.sql("UPDATE booking_slot SET status = 'WITHDRAWN' WHERE id = ?").param(second).update();
		submit("form.booking__slot:has(input[name=slotId][value='" + second + "'])");
		assertThat(find("h1").getText()).isEqualTo(taken);
		assertThat(find("form.booking__slot").getText()).contains(with + " " + name);
		assertAccessible();
		assertNoHorizontalScroll();
		viewport(320, 640, 1);
		assertNoHorizontalScroll();
		viewport(390, 844, 3);
		screenshot("selvbook-taken-" + lang);
		// the meeting comes close while the page is open: cancelling is refused with the phone number
		open("/min-side/tider");
		Instant soon = Instant.now().plus(10, ChronoUnit.HOURS);
		jdbc.sql("UPDATE booking_slot SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(Timestamp.from(soon), Timestamp.from(soon.plusSeconds(2700)), first).update();
		submit("form[action$='/min-side/tider/aflys']");
		assertThat(find("p.notice[role=alert]").getText()).contains(callUs);
		assertAccessible();
		assertNoHorizontalScroll();
		screenshot("selvbook-refused-" + lang);
		open("/min-side/tider");
		assertThat(findAll("form[action$='/min-side/tider/aflys']")).isEmpty();
		check("too-late-" + lang);
		// exempted: book by phone
		jdbc.sql("""
				INSERT INTO booking_exemption (candidate_id, reason, request_id, created_by, created_at)
				VALUES (?, 'IT_SKILLS', gen_random_uuid(), ?, now())""").params(candidate, caseworker).update();
		open("/min-side/tider");
		assertThat(driver.getPageSource()).contains(exempt);
		check("exempt-" + lang);
	}

	@Test
	void theCaseworkersCalendarAndTheCasesSelfBookingPage() {
		normalViewport();
		candidate = jdbc.sql("SELECT min(id) FROM candidate WHERE course_closed_on IS NULL AND caseworker = 'sagsbehandler'")
			.query(Long.class).single();
		caseworker = "sagsbehandler";
		slot(3, 7, 5);
		login("sagsbehandler");
		open("/calendar?week=" + days.plus(LocalDate.now(ZoneId.of("Europe/Copenhagen")), 3));
		assertThat(find("h1").getText()).startsWith("Min kalender");
		assertThat(driver.getPageSource()).contains("Ledig tid");
		assertAccessible();
		screenshot("selvbook-calendar");
		open("/cases/" + candidate + "/selvbook");
		assertAccessible();
		find("input[type=radio][value=OTHER]").click();
		submit("form[action$='/selvbook']");
		assertThat(find(".error-summary").getText()).contains("Skriv grunden");
		assertAccessible();
		screenshot("selvbook-exemption-error");
	}
}
