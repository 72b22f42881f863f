package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.casework.OwnActions;
import dk.vaerdig.platform.NotFoundOrNoAccess;

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

	/**
	 * @param decidedBy {@value dk.vaerdig.casework.OwnActions#ACTOR} when the candidate chose on Min side, else the
	 * member of staff who recorded the choice; null while proposed
	 * @param changedBy the member of staff who last changed the decision, with when and why; null when never changed
	 */
	public record Offer(long id, OfferKind kind, String title, String description, OfferStatus status, String proposedBy,
			Instant proposedAt, Instant decidedAt, String reason, String decidedBy, String changedBy, Instant changedAt,
			String changeReason, Integer version) {

		public boolean byCandidate() {
			return OwnActions.ACTOR.equals(decidedBy);
		}
	}

	/**
	 * One line of the history of the choices: a choice ({@code changedFrom} null) or a change by staff.
	 * @param offerTitle null where the candidate asked for something else than all the offers
	 */
	public record ChoiceHistory(String offerTitle, OfferStatus status, String reason, String decidedBy,
			Instant decidedAt, OfferStatus changedFrom, String changeReason) {

		public boolean byCandidate() {
			return OwnActions.ACTOR.equals(decidedBy);
		}
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
				SELECT o.id, o.kind, o.title, o.description, o.status, o.proposed_by, o.proposed_at, o.decided_at, o.reason,
				  coalesce(d.display_name, o.decided_by) AS decided_by, coalesce(c.display_name, o.changed_by) AS changed_by,
				  o.changed_at, o.change_reason, o.version
				FROM offer o LEFT JOIN staff_user d ON d.username = o.decided_by
				LEFT JOIN staff_user c ON c.username = o.changed_by
				WHERE o.candidate_id = ? ORDER BY o.proposed_at DESC, o.id DESC""")
			.param(candidateId)
			.query(Offer.class)
			.list();
	}

	@Transactional
	public void addGoal(long candidateId, String text) {
		access.change(candidateId);
		jdbc.sql("INSERT INTO plan_goal (candidate_id, text, created_by, created_at) VALUES (?, ?, ?, ?)")
			.params(candidateId, text.strip(), access.me().username(), Timestamp.from(clock.instant()))
			.update();
	}

	@Transactional
	public void proposeOffer(long candidateId, OfferKind kind, String title, String description) {
		access.change(candidateId);
		jdbc.sql("""
				INSERT INTO offer (candidate_id, kind, title, description, status, proposed_by, proposed_at)
				VALUES (?, ?, ?, ?, 'PROPOSED', ?, ?)""")
			.params(candidateId, kind.name(), title.strip(), description == null ? null : description.strip(),
					access.me().username(), Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * The candidate chose one of the proposed offers, for the reason they gave; the other open proposals are marked
	 * as not chosen. With {@code offerId} null the candidate declined them all.
	 */
	@Transactional
	public void recordChoice(long candidateId, Long offerId, String reason) {
		access.change(candidateId);
		Timestamp now = Timestamp.from(clock.instant());
		if (offerId != null) {
			int chosen = jdbc.sql("""
					UPDATE offer SET status = 'CHOSEN', decided_at = ?, reason = ?, decided_by = ?, version = version + 1
					WHERE id = ? AND candidate_id = ? AND status = 'PROPOSED'""")
				.params(now, reason.strip(), access.me().username(), offerId, candidateId)
				.update();
			if (chosen == 0) {
				throw new IllegalStateException("casework.plan.offer.notOpen");
			}
		}
		int others = jdbc.sql("""
				UPDATE offer SET status = ?, decided_at = ?, reason = COALESCE(reason, ?), decided_by = ?, version = version + 1
				WHERE candidate_id = ? AND status = 'PROPOSED'""")
			.params(offerId == null ? "DECLINED" : "NOT_CHOSEN", now, offerId == null ? reason.strip() : null,
					access.me().username(), candidateId)
			.update();
		if (offerId == null && others == 0) {
			throw new IllegalStateException("casework.plan.offer.notOpen");
		}
		jdbc.sql("""
				INSERT INTO offer_choice (candidate_id, offer_id, status, reason, decided_by, decided_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(candidateId, offerId, offerId == null ? "DECLINED" : "CHOSEN", reason.strip(), access.me().username(), now)
			.update();
		timeline(candidateId, "OFFER_CHOICE_RECORDED", title(offerId) + reason.strip(), now);
		audit.record(candidateId, AuditAction.CHANGE, "plan choice");
	}

	/**
	 * A member of staff changes a decision already made (the candidate's own or one recorded earlier): never silently,
	 * so a reason is required, and the change keeps who made it, when and why beside the decision it changed (the
	 * history in {@code offer_choice} and the timeline show both). The version guards against two changes at once.
	 * @throws IllegalStateException {@code choices.change.notDecided} for an offer still proposed or a status unchanged
	 * @throws org.springframework.dao.OptimisticLockingFailureException when the offer changed since it was shown
	 */
	@Transactional
	public void changeDecision(long candidateId, long offerId, OfferStatus to, String changeReason, int version) {
		access.change(candidateId);
		OfferStatus from = jdbc.sql("SELECT status FROM offer WHERE id = ? AND candidate_id = ?")
			.params(offerId, candidateId)
			.query(OfferStatus.class)
			.optional()
			.orElseThrow(NotFoundOrNoAccess::new);
		if (from == OfferStatus.PROPOSED || to == OfferStatus.PROPOSED || from == to) {
			throw new IllegalStateException("choices.change.notDecided");
		}
		Timestamp now = Timestamp.from(clock.instant());
		String me = access.me().username();
		int changed = jdbc.sql("""
				UPDATE offer SET status = ?, changed_by = ?, changed_at = ?, change_reason = ?, version = version + 1
				WHERE id = ? AND candidate_id = ? AND version = ?""")
			.params(to.name(), me, now, changeReason.strip(), offerId, candidateId, version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("form.conflict");
		}
		jdbc.sql("""
				INSERT INTO offer_choice (candidate_id, offer_id, status, reason, decided_by, decided_at, changed_from,
				  change_reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(candidateId, offerId, to.name(), changeReason.strip(), me, now, from.name(), changeReason.strip())
			.update();
		timeline(candidateId, "OFFER_CHOICE_CHANGED", title(offerId) + from + " → " + to + ": " + changeReason.strip(), now);
		audit.record(candidateId, AuditAction.CHANGE, "plan choice changed");
	}

	/** Every choice and every change of one, the newest first. */
	public List<ChoiceHistory> history(long candidateId) {
		return jdbc.sql("""
				SELECT o.title AS offer_title, h.status, h.reason, coalesce(u.display_name, h.decided_by) AS decided_by,
				  h.decided_at, h.changed_from, h.change_reason
				FROM offer_choice h LEFT JOIN offer o ON o.id = h.offer_id LEFT JOIN staff_user u ON u.username = h.decided_by
				WHERE h.candidate_id = ? ORDER BY h.decided_at DESC, h.id DESC""")
			.param(candidateId)
			.query(ChoiceHistory.class)
			.list();
	}

	private String title(Long offerId) {
		return offerId == null ? ""
				: jdbc.sql("SELECT title FROM offer WHERE id = ?").param(offerId).query(String.class).single() + ": ";
	}

	private void timeline(long candidateId, String kind, String text, Timestamp at) {
		jdbc.sql("INSERT INTO candidate_action (candidate_id, at, kind, text, actor) VALUES (?, ?, ?, ?, ?)")
			.params(candidateId, at, kind, text, access.me().username())
			.update();
	}
}
