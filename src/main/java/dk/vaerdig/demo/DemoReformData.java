package dk.vaerdig.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dk.vaerdig.platform.PlatformSettings;

/**
 * The reform's data for the demo municipality: about one in ten of the persons in their first 6 months in a group
 * that may be exempted (LAB01, LAB02, LAB04) is exempted from job conversations and/or offers (well below the 25 %
 * ceiling), a few are on sick leave from a job with an expected return, and a few dagpenge recipients changed to
 * job-ready kontanthjælp a month or so ago. The meetings the demo generates follow the contact rules, so most
 * persons have their conversations; those who started lately and are behind show up as at risk.
 */
@Component
class DemoReformData {

	private static final String[] REASONS = { "Er i gang med et kort kursus, der fører direkte til job.",
			"Har fået tilsagn om job fra næste måned.", "Deltager i et sprogforløb på fuld tid.",
			"Har selv fundet praktik og har brug for ro til den." };

	private static final String[] KINDS = { "CONVERSATIONS", "OFFERS", "CONVERSATIONS_AND_OFFERS" };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	DemoReformData(JdbcTemplate jdbc, Clock clock, PlatformSettings platform) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = platform.zone();
	}

	record Person(long id, String group, LocalDate started, String caseworker) {
	}

	void generate(Random random) {
		LocalDate today = LocalDate.now(clock);
		List<Person> people = jdbc.query("""
				SELECT id, target_group_code, course_started, caseworker FROM candidate
				WHERE course_closed_on IS NULL AND course_started > ? AND target_group_code IN ('LAB01', 'LAB02', 'LAB04')
				ORDER BY id""", (rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
				rs.getString(4)), Date.valueOf(today.minusMonths(9)));
		List<Object[]> exemptions = new ArrayList<>();
		List<Object[]> changes = new ArrayList<>();
		for (Person p : people) {
			int r = random.nextInt(100);
			LocalDate windowEnd = p.started().plusMonths(6).minusDays(1);
			if (r < 10) {
				LocalDate from = p.started().plusDays(random.nextInt(60));
				if (from.isAfter(windowEnd)) {
					continue;
				}
				exemptions.add(new Object[] { p.id(), KINDS[random.nextInt(KINDS.length)],
						REASONS[random.nextInt(REASONS.length)], Date.valueOf(from), Date.valueOf(windowEnd), null,
						p.caseworker(), at(from), UUID.randomUUID() });
			}
			else if (r < 13) {
				LocalDate from = today.minusDays(random.nextInt(40));
				LocalDate back = from.plusWeeks(4 + random.nextInt(18));
				exemptions.add(new Object[] { p.id(), "SICK_LEAVE", "Sygemeldt fra sit job, ventes tilbage efter operation.",
						Date.valueOf(from), Date.valueOf(back.minusDays(1)), Date.valueOf(back), p.caseworker(), at(from),
						UUID.randomUUID() });
			}
			else if (r < 16 && p.group().equals("LAB01") && p.started().isBefore(today.minusMonths(3))) {
				LocalDate on = today.minusDays(20 + random.nextInt(40));
				changes.add(new Object[] { p.id(), "LAB01", "LAB02", Date.valueOf(on), p.caseworker(), at(on) });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO reform_exemption (candidate_id, kind, reason, starts_on, ends_on, expected_back, created_by,
				  created_at, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", exemptions);
		jdbc.batchUpdate("""
				INSERT INTO target_group_change (candidate_id, from_code, to_code, changed_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?)""", changes);
		jdbc.batchUpdate("UPDATE candidate SET target_group_code = ? WHERE id = ?",
				changes.stream().map(c -> new Object[] { c[2], c[0] }).toList());
	}

	private Timestamp at(LocalDate day) {
		return Timestamp.from(day.atTime(10, 0).atZone(zone).toInstant());
	}
}
