package dk.vaerdig.access.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.AuditLog;

/**
 * Links new audit entries into the keyed chain in the background, and now and then writes a signed checkpoint of the
 * chain's head outside the database; each on one app node at a time (ShedLock). The chaining itself is
 * {@link AuditLog#chain()}, which the audit page and tests also call directly; it keeps its own PostgreSQL advisory
 * lock for those direct calls, which ShedLock does not see.
 */
@Component
class AuditChainer {

	private final AuditLog auditLog;

	private final AuditCheckpoints checkpoints;

	AuditChainer(AuditLog auditLog, AuditCheckpoints checkpoints) {
		this.auditLog = auditLog;
		this.checkpoints = checkpoints;
	}

	@Scheduled(fixedDelayString = "${vaerdig.access.audit-chain-interval:500ms}")
	@SchedulerLock(name = "audit-chain", lockAtMostFor = "5m")
	public void chainNewEntries() {
		auditLog.chain();
	}

	@Scheduled(fixedDelayString = "${vaerdig.access.audit.checkpoint-interval:1m}",
			initialDelayString = "${vaerdig.access.audit.checkpoint-interval:1m}")
	@SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "5m")
	public void writeCheckpoint() {
		checkpoints.write();
	}
}
