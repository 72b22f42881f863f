package dk.vaerdig;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Makes fresh candidates for tests, each with its own valid CPR number, in the team of the given caseworker. */
@Component
public class TestCandidates {

	private static final AtomicInteger SERIAL = new AtomicInteger(9000);

	private final JdbcClient jdbc;

	TestCandidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Made(long id, String cpr, String firstName, String lastName) {
	}

	public Made make(String caseworker, String targetGroup) {
		int n = SERIAL.incrementAndGet();
		// born in the 1940s (the demo candidates are younger, so numbers never clash); 7th digit 0-3: the 1900s
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 3000);
		String cpr = String.format("%02d%02d%02d-%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100,
				n % 4000);
		String first = "Testa" + n;
		String last = "Prøvesen";
		long id = jdbc.sql("""
				INSERT INTO candidate (cpr, first_name, last_name, phone, target_group_code, course_started, caseworker,
				  team_id, next_meeting_due)
				SELECT ?, ?, ?, '+45 11223344', ?, current_date - 30, username, team_id, current_date + 5
				FROM staff_user WHERE username = ? RETURNING id""")
			.params(cpr, first, last, targetGroup, caseworker)
			.query(Long.class)
			.single();
		return new Made(id, cpr, first, last);
	}

	/**
	 * A candidate in the team of {@code sagsbehandler} whose caseworker has neither phone nor e-mail on record, so a
	 * letter naming the caseworker's contact details cannot be merged for them.
	 */
	public Made makeWithCaseworkerWithoutContact() {
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, role, team_id)
				SELECT 'sagsbehandler-uden-kontakt', 'Sif Uden Kontakt', 'CASEWORKER', team_id FROM staff_user
				WHERE username = 'sagsbehandler' ON CONFLICT DO NOTHING""").update();
		return make("sagsbehandler-uden-kontakt");
	}

	public Made make(String caseworker) {
		return make(caseworker, "LAB02");
	}

	/**
	 * {@code n} candidates of {@code sagsbehandler}'s team named "Tæller 1 Tællersen" and so on, in one statement: for
	 * more hits than the tests' demo municipality gives (born in the 1930s, so no CPR number clashes with the others).
	 */
	public void addTellersens(int n) {
		jdbc.sql("""
				INSERT INTO candidate (cpr, first_name, last_name, target_group_code, course_started, caseworker, team_id)
				SELECT to_char(date '1931-01-01' + g, 'DDMMYY') || '-0' || lpad((g % 1000)::text, 3, '0'), 'Tæller ' || g,
				       'Tællersen', 'LAB02', current_date, username, team_id
				FROM staff_user, generate_series(1, ?) g WHERE username = 'sagsbehandler'""").param(n).update();
	}
}
