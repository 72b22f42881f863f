package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;

/**
 * Exemption from self-booking: a caseworker exempts a candidate (IT skills, language, cognitive impairment, or another
 * reason written out), and the candidate's own pages then tell them how to book by phone. At most one exemption is
 * in force (a unique index); registering and ending are audit-logged and on the case's timeline.
 */
@Service
public class BookingExemptions {

	public enum Reason {
		IT_SKILLS, LANGUAGE, COGNITIVE, OTHER
	}

	public record BookingExemption(long id, long candidateId, Reason reason, String note, String createdBy,
			Instant createdAt, String endedBy, Instant endedAt) {
	}

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final AuditLog audit;

	private final Clock clock;

	BookingExemptions(JdbcClient jdbc, CaseAccess access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The exemption in force, if any (no access check: the candidate's own pages ask too). */
	public Optional<BookingExemption> inForce(long candidateId) {
		return jdbc.sql("SELECT * FROM booking_exemption WHERE candidate_id = ? AND ended_at IS NULL")
			.param(candidateId)
			.query(BookingExemption.class)
			.optional();
	}

	/** Every exemption of the candidate, newest first; reading them is the caller's to log. */
	public List<BookingExemption> of(long candidateId) {
		return jdbc.sql("SELECT * FROM booking_exemption WHERE candidate_id = ? ORDER BY created_at DESC, id DESC")
			.param(candidateId)
			.query(BookingExemption.class)
			.list();
	}

	/**
	 * Exempts the candidate. {@code true} when registered; {@code false} when the same form was sent before or an
	 * exemption is in force already.
	 */
	@Transactional
	public boolean exempt(long candidateId, Reason reason, String note, UUID requestId) {
		access.change(candidateId);
		if (reason == Reason.OTHER && (note == null || note.isBlank())) {
			throw new IllegalArgumentException("selvbook.exemption.noteRequired");
		}
		int rows = jdbc.sql("""
				INSERT INTO booking_exemption (candidate_id, reason, note, request_id, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(candidateId, reason.name(), note == null || note.isBlank() ? null : note.strip(), requestId,
					access.me().username(), Timestamp.from(clock.instant()))
			.update();
		if (rows > 0) {
			audit.record(candidateId, AuditAction.CHANGE, "self-booking exemption registered");
		}
		return rows > 0;
	}

	/** Ends the exemption; {@code false} when it was ended already (or is not the candidate's). */
	@Transactional
	public boolean end(long candidateId, long exemptionId) {
		access.change(candidateId);
		int rows = jdbc.sql("""
				UPDATE booking_exemption SET ended_by = ?, ended_at = ?
				WHERE id = ? AND candidate_id = ? AND ended_at IS NULL""")
			.params(access.me().username(), Timestamp.from(clock.instant()), exemptionId, candidateId)
			.update();
		if (rows > 0) {
			audit.record(candidateId, AuditAction.CHANGE, "self-booking exemption ended");
		}
		return rows > 0;
	}
}
