package dk.vaerdig.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.platform.WorkingDays;

/** A team of its own with a caseworker of its own, and free slots, so a Selvbook test sees only its own slots. */
final class SelvbookFixture {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

	final JdbcClient jdbc;

	final long team;

	final String caseworker;

	SelvbookFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		String name = "selvbook-" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet();
		this.team = jdbc.sql("INSERT INTO team (name, department) VALUES (?, 'Selvbook') RETURNING id").param(name)
			.query(Long.class).single();
		this.caseworker = name;
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, phone, role, team_id)
				VALUES (?, 'Sara Selvbook', '87 65 43 21', 'CASEWORKER', ?)""").params(name, team).update();
	}

	/** Another caseworker in the same team. */
	String colleague() {
		String name = caseworker + "-kollega";
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, phone, role, team_id)
				VALUES (?, 'Kim Kollega', '11 11 11 11', 'CASEWORKER', ?) ON CONFLICT DO NOTHING""").params(name, team)
			.update();
		return name;
	}

	/** The n-th working day after today at the hour, in the municipality's zone. */
	static Instant at(WorkingDays days, int workingDaysAhead, int hour, int minute) {
		LocalDate day = days.plus(LocalDate.now(ZONE), workingDaysAhead);
		return day.atTime(hour, minute).atZone(ZONE).toInstant();
	}

	long slot(String caseworker, boolean forTeam, Instant startsAt) {
		return jdbc.sql("""
				INSERT INTO booking_slot (caseworker, team_id, for_team, starts_at, ends_at, form, place, status,
				  created_by, created_at)
				VALUES (?, ?, ?, ?, ?, 'IN_PERSON', 'Jobcentret, Torvet 1', 'FREE', ?, now()) RETURNING id""")
			.params(caseworker, team, forTeam, Timestamp.from(startsAt), Timestamp.from(startsAt.plusSeconds(45 * 60)),
					caseworker)
			.query(Long.class)
			.single();
	}

	String status(long slot) {
		return jdbc.sql("SELECT status FROM booking_slot WHERE id = ?").param(slot).query(String.class).single();
	}

	Long meetingOf(long slot) {
		return jdbc.sql("SELECT meeting_id FROM booking_slot WHERE id = ?").param(slot).query(Long.class).single();
	}

	String meetingStatus(long meeting) {
		return jdbc.sql("SELECT status FROM meeting WHERE id = ?").param(meeting).query(String.class).single();
	}

	long meetings(long candidate, String status) {
		return jdbc.sql("SELECT count(*) FROM meeting WHERE candidate_id = ? AND status = ?").params(candidate, status)
			.query(Long.class).single();
	}
}
