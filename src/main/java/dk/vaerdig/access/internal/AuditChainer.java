package dk.vaerdig.access.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.AuditLog;

/**
 * Links new audit entries into the hash chain in the background, on one app node at a time (ShedLock). The chaining
 * itself is {@link AuditLog#chain()}, which the audit page and tests also call directly; it keeps its own PostgreSQL
 * advisory lock for those direct calls, which ShedLock does not see.
 */
@Component
class AuditChainer {

	private final AuditLog auditLog;

	AuditChainer(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Scheduled(fixedDelayString = "${vaerdig.access.audit-chain-interval:500ms}")
	@SchedulerLock(name = "audit-chain", lockAtMostFor = "5m")
	public void chainNewEntries() {
		auditLog.chain();
	}
}
