package dk.vaerdig.employment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.platform.Texts;

/** Jobdating events: the companies and candidates invited, who met whom, and what came of it. */
@Service
public class Jobdatings {

	public enum Outcome {
		TALK, FOLLOW_UP, INTERVIEW, INTERNSHIP, JOB
	}

	public record Event(long id, String title, Instant startsAt, String place) {
	}

	public record Invitee(long id, String name) {
	}

	public record Encounter(long candidateId, String candidateName, String companyName, Outcome outcome, String note) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Jobdatings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Event> all() {
		return jdbc.sql("SELECT id, title, starts_at, place FROM jobdating_event ORDER BY starts_at DESC LIMIT 50")
			.query(Event.class)
			.list();
	}

	public Event event(long id) {
		return jdbc.sql("SELECT id, title, starts_at, place FROM jobdating_event WHERE id = ?").param(id).query(Event.class)
			.optional()
			.orElseThrow(() -> new ResponseStatusException(
					HttpStatus.NOT_FOUND));
	}

	@Transactional
	public long create(String title, Instant startsAt, String place, String by) {
		return jdbc.sql("INSERT INTO jobdating_event (title, starts_at, place, created_by) VALUES (?, ?, ?, ?) RETURNING id")
			.params(title.strip(), Timestamp.from(startsAt), place.strip(), by)
			.query(Long.class)
			.single();
	}

	@Transactional
	public void inviteCompany(long eventId, long companyId) {
		jdbc.sql("INSERT INTO jobdating_company (event_id, company_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(eventId, companyId)
			.update();
	}

	@Transactional
	public void inviteCandidate(long eventId, long candidateId, String by) {
		jdbc.sql("""
				INSERT INTO jobdating_candidate (event_id, candidate_id, invited_by, invited_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(eventId, candidateId, by, Timestamp.from(clock.instant()))
			.update();
	}

	public List<Invitee> companies(long eventId) {
		return jdbc.sql("""
				SELECT c.id, c.name FROM jobdating_company j JOIN company c ON c.id = j.company_id
				WHERE j.event_id = ? ORDER BY c.name""").param(eventId).query(Invitee.class).list();
	}

	public List<Long> candidates(long eventId) {
		return jdbc.sql("SELECT candidate_id FROM jobdating_candidate WHERE event_id = ? ORDER BY invited_at")
			.param(eventId)
			.query(Long.class)
			.list();
	}

	/** Records that an invited candidate met an invited company; recording it again updates the outcome. */
	@Transactional
	public void recordMeeting(long eventId, long candidateId, long companyId, Outcome outcome, String note, String by) {
		jdbc.sql("""
				INSERT INTO jobdating_meeting (event_id, candidate_id, company_id, outcome, note, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (event_id, candidate_id, company_id) DO UPDATE SET outcome = EXCLUDED.outcome,
				  note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
			.params(eventId, candidateId, companyId, outcome.name(), Texts.blankToNull(note), by,
					Timestamp.from(clock.instant()))
			.update();
	}

	public record RawEncounter(long candidateId, String companyName, Outcome outcome, String note) {
	}

	public List<RawEncounter> meetings(long eventId) {
		return jdbc.sql("""
				SELECT m.candidate_id, c.name AS company_name, m.outcome, m.note FROM jobdating_meeting m
				JOIN company c ON c.id = m.company_id WHERE m.event_id = ? ORDER BY m.recorded_at""")
			.param(eventId)
			.query(RawEncounter.class)
			.list();
	}
}
