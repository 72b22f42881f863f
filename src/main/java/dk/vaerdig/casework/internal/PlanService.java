package dk.vaerdig.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;

/**
 * Min plan: the goals, the offers put forward to the candidate, and the candidate's own choice between them with the
 * reason, so the candidate chooses rather than only receives.
 */
@Service
public class PlanService {

	public enum OfferKind {
		INTERNSHIP, WAGE_SUBSIDY, EDUCATION, GUIDANCE, MENTOR, HEALTH, FLEXJOB, OTHER
	}

	public enum OfferStatus {
		PROPOSED, CHOSEN, NOT_CHOSEN, DECLINED
	}

	public record Goal(long id, String text, String createdBy, Instant createdAt) {
	}

	public record Offer(long id, OfferKind kind, String title, String description, OfferStatus status, String proposedBy,
			Instant proposedAt, Instant decidedAt, String reason) {
	}

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final AuditLog audit;

	private final Clock clock;

	PlanService(JdbcClient jdbc, CaseAccess access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Goal> goals(long candidateId) {
		return jdbc.sql("SELECT id, text, created_by, created_at FROM plan_goal WHERE candidate_id = ? ORDER BY id")
			.param(candidateId)
			.query(Goal.class)
			.list();
	}

	public List<Offer> offers(long candidateId) {
		return jdbc.sql("""
				SELECT id, kind, title, description, status, proposed_by, proposed_at, decided_at, reason
				FROM offer WHERE candidate_id = ? ORDER BY proposed_at DESC, id DESC""")
			.param(candidateId)
			.query(Offer.class)
			.list();
	}

	@Transactional
	public void addGoal(long candidateId, String text) {
		access.change(candidateId);
		jdbc.sql("INSERT INTO plan_goal (candidate_id, text, created_by, created_at) VALUES (?, ?, ?, ?)")
			.params(candidateId, text.strip(), access.me().username(), java.sql.Timestamp.from(clock.instant()))
			.update();
	}

	@Transactional
	public void proposeOffer(long candidateId, OfferKind kind, String title, String description) {
		access.change(candidateId);
		jdbc.sql("""
				INSERT INTO offer (candidate_id, kind, title, description, status, proposed_by, proposed_at)
				VALUES (?, ?, ?, ?, 'PROPOSED', ?, ?)""")
			.params(candidateId, kind.name(), title.strip(), description == null ? null : description.strip(),
					access.me().username(), java.sql.Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * The candidate chose one of the proposed offers, for the reason they gave; the other open proposals are marked
	 * as not chosen. With {@code offerId} null the candidate declined them all.
	 */
	@Transactional
	public void recordChoice(long candidateId, Long offerId, String reason) {
		access.change(candidateId);
		java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
		if (offerId != null) {
			int chosen = jdbc.sql("""
					UPDATE offer SET status = 'CHOSEN', decided_at = ?, reason = ?
					WHERE id = ? AND candidate_id = ? AND status = 'PROPOSED'""")
				.params(now, reason.strip(), offerId, candidateId)
				.update();
			if (chosen == 0) {
				throw new IllegalStateException("casework.plan.offer.notOpen");
			}
		}
		int others = jdbc.sql("""
				UPDATE offer SET status = ?, decided_at = ?, reason = COALESCE(reason, ?)
				WHERE candidate_id = ? AND status = 'PROPOSED'""")
			.params(offerId == null ? "DECLINED" : "NOT_CHOSEN", now, offerId == null ? reason.strip() : null, candidateId)
			.update();
		if (offerId == null && others == 0) {
			throw new IllegalStateException("casework.plan.offer.notOpen");
		}
		audit.record(candidateId, AuditAction.CHANGE, "plan choice");
	}
}
