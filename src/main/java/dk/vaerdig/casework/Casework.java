package dk.vaerdig.casework;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.ContactPreferences;

/** The published API of the case file for other modules. */
@Service
public class Casework {

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final AuditLog audit;

	private final ContactPreferences preferences;

	Casework(JdbcClient jdbc, CaseAccess access, AuditLog audit,
			ContactPreferences preferences) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * The candidate, if the signed-in user may open the case (the same rule as the case page), with the read written
	 * to the audit log; for modules that show a part of the case (competences, complaints).
	 * @throws org.springframework.security.access.AccessDeniedException when the user may not
	 */
	public CandidateSummary open(long candidateId, String purpose) {
		access.open(candidateId);
		audit.record(candidateId, AuditAction.VIEW_CASE, purpose);
		return candidate(candidateId).orElseThrow();
	}

	/**
	 * As {@link #open}, for a change to the case (competences, wishes, a job proposal): refused with 403 for a role that
	 * only reads cases, such as the complaint handler.
	 * @throws org.springframework.security.access.AccessDeniedException when the user may not
	 */
	public CandidateSummary openForChange(long candidateId, String purpose) {
		access.change(candidateId);
		audit.record(candidateId, AuditAction.VIEW_CASE, purpose);
		return candidate(candidateId).orElseThrow();
	}

	/** Whether the signed-in user may change cases at all: pages show their forms only then. */
	public boolean mayChangeCases() {
		return access.mayChange();
	}

	/**
	 * Whether the signed-in user may change this case: a role that changes cases, and a course that is not closed (a
	 * closed course is read-only until it is reopened). Pages show their forms only then.
	 */
	public boolean mayChangeCase(long candidateId) {
		return access.mayChange() && jdbc.sql("SELECT course_closed_on IS NULL FROM candidate WHERE id = ?")
			.param(candidateId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Full names of those of the given candidates whose cases the signed-in user may open (one query), for lists in
	 * other modules.
	 */
	public Map<Long, String> namesVisibleToMe(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Long team = access.teamScope();
		Map<Long, String> names = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, first_name || ' ' || last_name AS name FROM candidate
				WHERE id IN (:ids) AND (CAST(:team AS BIGINT) IS NULL OR team_id = :team)""")
			.param("ids", ids)
			.param("team", team)
			.query(rs -> {
				names.put(rs.getLong("id"), rs.getString("name"));
			});
		return names;
	}

	/** Full names of the given candidates, for lists in other modules (reading the names is the caller's to log). */
	public Map<Long, String> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("SELECT id, first_name || ' ' || last_name AS name FROM candidate WHERE id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				names.put(rs.getLong("id"), rs.getString("name"));
			});
		return names;
	}

	/**
	 * Meetings held per team (the candidate's team now) and month, from {@code from} up to but not including
	 * {@code to}, for rates such as complaints per 1,000 meetings. Keys: team id, then the first day of the month.
	 */
	// (no square brackets in Javadoc: Spring Modulith's documentation reader, a simple JSON parser, trips over them)
	public Map<Long, Map<LocalDate, Long>> meetingsHeld(LocalDate from,
			LocalDate to) {
		Map<Long, Map<LocalDate, Long>> counts = new HashMap<>();
		jdbc.sql("""
				SELECT c.team_id, CAST(date_trunc('month', m.held_at) AS DATE) AS month, count(*) AS n
				FROM meeting m JOIN candidate c ON c.id = m.candidate_id
				WHERE m.status = 'HELD' AND m.held_at >= ? AND m.held_at < ? GROUP BY 1, 2""")
			.params(Date.valueOf(from), Date.valueOf(to))
			.query(rs -> {
				counts.computeIfAbsent(rs.getLong("team_id"), k -> new HashMap<>())
					.put(rs.getDate("month").toLocalDate(), rs.getLong("n"));
			});
		return counts;
	}

	/** How the candidate is contacted: first name, phone, e-mail, team and preferences, for sending them a message. */
	public Optional<ContactDetails> contactDetails(long candidateId) {
		return jdbc.sql(CONTACT_DETAILS + " WHERE c.id = ?")
			.param(candidateId)
			.query(ContactDetails.class)
			.optional();
	}

	/**
	 * How the candidate wants to be contacted, with the interpreter's language and easy-read (the defaults when they have
	 * not said), for a member of staff who writes to them; reading the case is the caller's to check and log.
	 */
	public ContactPreference contactPreference(long candidateId) {
		return preferences.of(candidateId);
	}

	/** As {@link #contactDetails(long)} for many candidates in one statement, by id. */
	public Map<Long, ContactDetails> contactDetails(Collection<Long> candidateIds) {
		if (candidateIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, ContactDetails> all = new HashMap<>();
		jdbc.sql(CONTACT_DETAILS + " WHERE c.id IN (:ids)")
			.param("ids", candidateIds)
			.query(ContactDetails.class)
			.list()
			.forEach(d -> all.put(d.candidateId(), d));
		return all;
	}

	/** The columns of {@link ContactDetails}: the case's addresses, and the candidate's wishes (defaults without). */
	public static final String CONTACT_DETAILS = """
			SELECT c.id AS candidate_id, c.first_name, c.phone, c.email, c.team_id,
			       coalesce(p.channel, 'SMS') AS channel, coalesce(p.language, 'da') AS language,
			       coalesce(p.easy_read, FALSE) AS easy_read
			FROM candidate c LEFT JOIN contact_preference p ON p.candidate_id = c.id""";

	public Optional<CandidateSummary> candidate(long id) {
		return jdbc.sql("""
				SELECT id, first_name, last_name, target_group_code, team_id, caseworker
				FROM candidate WHERE id = ?""").param(id).query(CandidateSummary.class).optional();
	}
}
