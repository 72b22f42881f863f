package dk.vaerdig.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.casework.internal.CaseAccess;

/**
 * A candidate's yes to being asked to a dialogue meeting with the politicians, recorded by the caseworker with the
 * candidate's word, and revocable at any time (even on a closed course). Only a candidate with a standing consent and
 * a course in progress can be invited ({@link #invitable()}, {@link #mayBeInvited(long)}): a revoked consent is never
 * asked again.
 */
@Service
public class DialogueConsents {

	/** One consent: the day the candidate said yes, and when it was revoked (null while it stands). */
	public record Consent(long id, LocalDate givenOn, String recordedBy, LocalDate revokedOn, String revokedBy) {

		public boolean standing() {
			return revokedOn == null;
		}
	}

	/** A candidate who may be invited, with what an invitation needs. */
	public record Invitable(long candidateId, long teamId, String firstName, String lastName, String phone,
			String email) {
	}

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final Clock clock;

	private final AuditLog audit;

	DialogueConsents(JdbcClient jdbc, CaseAccess access, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
		this.audit = audit;
	}

	/** The candidate's consents, newest first (the case must be one the user may open). */
	public List<Consent> history(long candidateId) {
		access.open(candidateId);
		return jdbc.sql("""
				SELECT id, given_on, recorded_by, revoked_on, revoked_by FROM dialogue_consent
				WHERE candidate_id = ? ORDER BY id DESC""")
			.param(candidateId)
			.query(Consent.class)
			.list();
	}

	public Optional<Consent> current(long candidateId) {
		return history(candidateId).stream().filter(Consent::standing).findFirst();
	}

	/**
	 * Records the candidate's yes, given on {@code givenOn} (not in the future); a second yes while one stands changes
	 * nothing. Needs a course in progress and a user who may change the case.
	 */
	@Transactional
	public void give(long candidateId, LocalDate givenOn, String by) {
		access.change(candidateId);
		if (givenOn == null || givenOn.isAfter(LocalDate.now(clock))) {
			throw new IllegalArgumentException("form.notInFuture");
		}
		jdbc.sql("""
				INSERT INTO dialogue_consent (candidate_id, given_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (candidate_id) WHERE revoked_on IS NULL DO NOTHING""")
			.params(candidateId, givenOn, by, Timestamp.from(clock.instant()))
			.update();
		audit.record(candidateId, AuditAction.CHANGE, "dialogue meeting consent given");
	}

	/** Revokes the standing consent, from today; true if there was one. */
	@Transactional
	public boolean revoke(long candidateId, String by) {
		access.changeCourse(candidateId);
		audit.record(candidateId, AuditAction.CHANGE, "dialogue meeting consent revoked");
		return jdbc.sql("""
				UPDATE dialogue_consent SET revoked_on = greatest(given_on, ?), revoked_by = ?, revoked_at = ?
				WHERE candidate_id = ? AND revoked_on IS NULL""")
			.params(LocalDate.now(clock), by, Timestamp.from(clock.instant()), candidateId)
			.update() > 0;
	}

	/** Every candidate with a standing consent and a course in progress, by name. */
	public List<Invitable> invitable() {
		return jdbc.sql("""
				SELECT c.id AS candidate_id, c.team_id, c.first_name, c.last_name, c.phone, c.email
				FROM dialogue_consent d JOIN candidate c ON c.id = d.candidate_id
				WHERE d.revoked_on IS NULL AND c.course_closed_on IS NULL
				ORDER BY c.last_name, c.first_name, c.id""")
			.query(Invitable.class)
			.list();
	}

	/** Whether the candidate has a standing consent and a course in progress now (checked again when sending). */
	public boolean mayBeInvited(long candidateId) {
		return jdbc.sql("""
				SELECT count(*) FROM dialogue_consent d JOIN candidate c ON c.id = d.candidate_id
				WHERE d.candidate_id = ? AND d.revoked_on IS NULL AND c.course_closed_on IS NULL""")
			.param(candidateId)
			.query(Long.class)
			.single() > 0;
	}
}
