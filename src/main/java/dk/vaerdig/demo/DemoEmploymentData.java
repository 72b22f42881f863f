package dk.vaerdig.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Companies, openings and candidate profiles for the demo municipality, in the sectors RAR Sjælland names as short of
 * labour, and a pop-up session to book.
 */
@Component
class DemoEmploymentData {

	private static final Object[][] COMPANIES = { { "24256790", "Næstved Smede- og Maskinværksted ApS", "4700", "Partnerskabsaftale" },
			{ "61126228", "Plejecenter Solgården", "4700", "Socialt kapitel" }, { "64942212", "Hotel Vinhuset", "4700", null },
			{ "10150817", "Sjællands Byggeservice A/S", "4100", "Partnerskabsaftale" },
			{ "29189781", "Lager & Logistik Ringsted ApS", "4100", null } };

	private static final Object[][] OPENINGS = { { 0, "ORDINARY", "7212", "Svejser til produktionen", 37, "4700", null },
			{ 0, "INTERNSHIP", "7233", "Praktik som industrimekaniker", 30, "4700", "Fast makker de første uger" },
			{ 1, "ORDINARY", "5321", "Social- og sundhedshjælper, dagvagt", 32, "4700", null },
			{ 1, "FLEXJOB", "5322", "Hjemmehjælper i fleksjob", 15, "4700", "Korte vagter, ingen tunge løft" },
			{ 2, "ORDINARY", "5120", "Kok til restauranten", 37, "4700", null },
			{ 2, "WAGE_SUBSIDY", "5131", "Tjener med løntilskud", 30, "4700", null },
			{ 3, "ADULT_APPRENTICE", "7115", "Voksenlærling som tømrer", 37, "4100", null },
			{ 3, "SENIORJOB", "9313", "Seniorjob i vejafdelingen", 30, "4100", null },
			{ 4, "ORDINARY", "9333", "Lagermedarbejder", 37, "4100", null },
			{ 4, "ORDINARY", "8344", "Truckfører, aftenhold", 30, "4100", null } };

	private static final String[] CODES = { "7212", "7233", "5321", "5322", "5120", "5131", "7115", "9313", "9333", "8344",
			"4321", "9112" };

	private static final String[] POSTALS = { "4700", "4700", "4700", "4100", "4160", "4171", "4690", "4760", "4180" };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoEmploymentData(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void generate(Random random) {
		Timestamp now = Timestamp.from(clock.instant());
		long[] companies = new long[COMPANIES.length];
		for (int i = 0; i < COMPANIES.length; i++) {
			Object[] c = COMPANIES[i];
			companies[i] = jdbc.queryForObject("""
					INSERT INTO company (cvr, name, postal_code, agreement, created_by, created_at)
					VALUES (?, ?, ?, ?, 'virksomhed', ?) RETURNING id""", Long.class, c[0], c[1], c[2], c[3], now);
		}
		for (Object[] o : OPENINGS) {
			jdbc.update("""
					INSERT INTO opening (company_id, kind, occupation_code, title, hours_per_week, postal_code, accommodations,
					  deadline, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'virksomhed', ?)""",
					companies[(int) o[0]], o[1], o[2], o[3], o[4], o[5], o[6],
					Date.valueOf(LocalDate.now(clock).plusWeeks(3)), now);
		}
		// a profile for about a fifth of the candidates
		List<Long> ids = jdbc.queryForList("SELECT id FROM candidate ORDER BY id", Long.class);
		for (Long id : ids) {
			if (random.nextInt(5) != 0) {
				continue;
			}
			String code = CODES[random.nextInt(CODES.length)];
			jdbc.update("""
					INSERT INTO competence (candidate_id, occupation_code, skill, hidden, source, evidence, created_by, created_at)
					VALUES (?, ?, 'Erfaring fra tidligere job', FALSE, 'WORK', NULL, 'sagsbehandler', ?)""", id, code, now);
			if (random.nextInt(3) == 0) {
				jdbc.update("""
						INSERT INTO competence (candidate_id, occupation_code, skill, hidden, source, evidence, created_by, created_at)
						VALUES (?, NULL, 'Træner børnenes fodboldhold to gange om ugen', TRUE, 'VOLUNTEERING',
						  'Holdleder i 4 år', 'sagsbehandler', ?)""", id, now);
			}
			jdbc.update("""
					INSERT INTO job_wish (candidate_id, occupation_codes, hours_per_week, postal_code, max_commute_km,
					  accommodations, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'sagsbehandler', ?)""", id,
					new String[] { CODES[random.nextInt(CODES.length)] }, 20 + random.nextInt(18),
					POSTALS[random.nextInt(POSTALS.length)], 15 + random.nextInt(40),
					random.nextInt(6) == 0 ? "Korte dage i starten" : null, now);
		}
		jdbc.update("""
				INSERT INTO popup_session (title, starts_at, place, capacity, link_key, created_by)
				VALUES ('Pop-up: Få hjælp til dit CV', ?, 'Jobcentret, mødelokale 2', 12, 'cv-hjaelp-demo', 'virksomhed')""",
				Timestamp.from(clock.instant().plus(Duration.ofDays(7))));
	}
}
