package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;

/**
 * A change of a candidate's target group from a day (a new benefit: dagpenge run out and kontanthjælp begins). The
 * change is kept ({@code target_group_change}), so the reform's figures of any past month use the group the person
 * had then, and a change starts a new window of the first 6 months. The next meeting's due date is not moved.
 */
@Service
public class GroupChanges {

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final TargetGroups groups;

	private final AuditLog audit;

	private final Clock clock;

	GroupChanges(JdbcClient jdbc, CaseAccess access, TargetGroups groups, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.groups = groups;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Changes the group from {@code changedOn}, for the case as it was shown ({@code version}).
	 * @throws Exemptions.Refused when the group does not exist that day, or the day is outside the course
	 * @throws OptimisticLockingFailureException when the case changed meanwhile
	 */
	@Transactional
	public void change(long candidateId, String toCode, LocalDate changedOn, int version) {
		Candidate c = access.change(candidateId);
		if (groups.find(toCode).filter(g -> g.validOn(changedOn)).isEmpty()) {
			throw new Exemptions.Refused("targetGroup", "casework.groupChange.notValid");
		}
		if (toCode.equals(c.getTargetGroupCode())) {
			throw new Exemptions.Refused("targetGroup", "casework.groupChange.same");
		}
		if (changedOn.isBefore(c.getCourseStarted()) || changedOn.isAfter(LocalDate.now(clock))) {
			throw new Exemptions.Refused("changedOn", "casework.groupChange.outsideCourse");
		}
		LocalDate lastChange = jdbc.sql("SELECT max(changed_on) FROM target_group_change WHERE candidate_id = ?")
			.param(candidateId)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (lastChange != null && !changedOn.isAfter(lastChange)) {
			throw new Exemptions.Refused("changedOn", "casework.groupChange.beforeLast", lastChange);
		}
		int updated = jdbc.sql("""
				UPDATE candidate SET target_group_code = ?, version = version + 1 WHERE id = ? AND version = ?""")
			.params(toCode, candidateId, version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("casework.groupChange.conflict");
		}
		jdbc.sql("""
				INSERT INTO target_group_change (candidate_id, from_code, to_code, changed_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(candidateId, c.getTargetGroupCode(), toCode, Date.valueOf(changedOn), access.me().username(),
					Timestamp.from(clock.instant()))
			.update();
		audit.record(candidateId, AuditAction.CHANGE, "target group changed");
	}
}
