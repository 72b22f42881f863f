package dk.vaerdig.access.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.AuditLog;

/**
 * Links new audit entries into the keyed chain in the background, and now and then writes a signed checkpoint of the
 * chain's head outside the database; each on one app node at a time (ShedLock). The chaining itself is
 * {@link AuditLog#chain()}, which the audit page and tests also call directly; it keeps its own PostgreSQL advisory
 * lock for those direct calls, which ShedLock does not see.
 * <p>
 * Metrics (Prometheus, for the load test): {@code vaerdig_audit_chained_entries_total}, the time the chainer was busy
 * ({@code vaerdig_audit_chain_seconds}) and its CPU time ({@code vaerdig_audit_chain_cpu_seconds_total}), and the
 * entries waiting to be chained ({@code vaerdig_audit_unchained_entries}).
 */
@Component
class AuditChainer {

	/** A run goes on with the next batch while batches are full, for at most this long. */
	private static final long MAX_RUN_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final AuditLog auditLog;

	private final AuditCheckpoints checkpoints;

	private final Counter chained;

	private final Timer busy;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private volatile double cpuSeconds;

	AuditChainer(AuditLog auditLog, AuditCheckpoints checkpoints, MeterRegistry meters) {
		this.auditLog = auditLog;
		this.checkpoints = checkpoints;
		this.chained = Counter.builder("vaerdig.audit.chained.entries").register(meters);
		this.busy = Timer.builder("vaerdig.audit.chain").register(meters);
		FunctionCounter.builder("vaerdig.audit.chain.cpu.seconds", this, c -> c.cpuSeconds).register(meters);
		Gauge.builder("vaerdig.audit.unchained.entries", auditLog, AuditLog::unchained).register(meters);
	}

	@Scheduled(fixedDelayString = "${vaerdig.access.audit-chain-interval:500ms}")
	@SchedulerLock(name = "audit-chain", lockAtMostFor = "5m")
	public void chainNewEntries() {
		long start = System.nanoTime();
		long cpuStart = threads.getCurrentThreadCpuTime();
		int n;
		do {
			n = auditLog.chain();
			chained.increment(n);
		}
		while (n == AuditLog.BATCH && System.nanoTime() - start < MAX_RUN_NANOS);
		cpuSeconds += (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		busy.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	@Scheduled(fixedDelayString = "${vaerdig.access.audit.checkpoint-interval:1m}",
			initialDelayString = "${vaerdig.access.audit.checkpoint-interval:1m}")
	@SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "5m")
	public void writeCheckpoint() {
		checkpoints.write();
	}
}
