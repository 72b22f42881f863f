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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.platform.WorkingDays;

/**
 * Selvbook in a real browser, every page and state checked with axe-core (WCAG 2.1 A and AA) on a 390 × 844 phone and
 * at 320 px wide without sideways scrolling: the candidate's free slots, booked (with the calendar file's link), the
 * slot someone else got first, too late to cancel (phone us), the refusal after the limit, exempted (book by phone),
 * no free slots; and the caseworker's calendar and the case's self-booking page with a form error. No JavaScript is
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

	@Test
	void theCandidateBooksIsToldWhenSomeoneWasFasterAndPhonesWhenItIsLateOrTheyAreExempted() {
		viewport(390, 844, 3);
		open("/min-side/test-login?lang=da");
		WebElement fourth = driver.findElement(By.cssSelector("ul.test-logins li:nth-child(4) form"));
		candidate = Long.parseLong(fourth.findElement(By.name("candidateId")).getAttribute("value"));
		caseworker = jdbc.sql("SELECT caseworker FROM candidate WHERE id = ?").param(candidate).query(String.class).single();
		submit("ul.test-logins li:nth-child(4) form");
		open("/min-side/tider");
		// no free slots
		assertThat(find("h1").getText()).isEqualTo("Book et møde");
		check("none");
		long first = slot(3, 7, 5);
		long second = slot(3, 7, 55);
		slot(4, 7, 5);
		open("/min-side/tider");
		assertThat(find("nav.candidate-nav a[aria-current=page]").getAttribute("href")).endsWith("/min-side/tider");
		assertThat(findAll("form.booking__slot")).hasSizeGreaterThanOrEqualTo(3);
		check("free");
		// booking the first
		submit("form.booking__slot:has(input[name=slotId][value='" + first + "'])");
		assertThat(find("p.notice[role=status]").getText()).contains("Nu har du booket tiden");
		assertThat(find("a[href$='kalender.ics']").getText()).isEqualTo("Læg mødet i din kalender");
		check("booked");
		// someone else took the second while the page was open: the friendly page with the next free slots
		jdbc.sql("UPDATE booking_slot SET status = 'WITHDRAWN' WHERE id = ?").param(second).update();
		submit("form.booking__slot:has(input[name=slotId][value='" + second + "'])");
		assertThat(find("h1").getText()).isEqualTo("En anden nåede at tage tiden");
		assertAccessible();
		screenshot("selvbook-taken");
		// the meeting comes close while the page is open: cancelling is refused with the phone number
		open("/min-side/tider");
		Instant soon = Instant.now().plus(10, ChronoUnit.HOURS);
		jdbc.sql("UPDATE booking_slot SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(Timestamp.from(soon), Timestamp.from(soon.plusSeconds(2700)), first).update();
		submit("form[action$='/min-side/tider/aflys']");
		assertThat(find("p.notice[role=alert]").getText()).contains("Ring til os");
		assertAccessible();
		screenshot("selvbook-refused");
		open("/min-side/tider");
		assertThat(findAll("form[action$='/min-side/tider/aflys']")).isEmpty();
		check("too-late");
		// exempted: book by phone
		jdbc.sql("""
				INSERT INTO booking_exemption (candidate_id, reason, request_id, created_by, created_at)
				VALUES (?, 'IT_SKILLS', gen_random_uuid(), ?, now())""").params(candidate, caseworker).update();
		open("/min-side/tider");
		assertThat(driver.getPageSource()).contains("Ring og book dit møde");
		check("exempt");
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
