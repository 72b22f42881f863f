package dk.vaerdig.access.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.Retention;

/**
 * Runs retention every night on one node at a time (ShedLock). The lock is held at most 5 hours, longer than a run's
 * configured limit ({@code vaerdig.access.retention.max-run-time}, 4 hours), so a node that dies midway frees it for
 * the next night's run, which continues where this one ended.
 */
@Component
class RetentionJob {

	private final Retention retention;

	RetentionJob(Retention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${vaerdig.access.retention.cron:0 30 2 * * *}", zone = "${vaerdig.platform.zone:Europe/Copenhagen}")
	@SchedulerLock(name = "retention", lockAtMostFor = "5h")
	void runNightly() {
		retention.run(retention.today(), Long.MAX_VALUE);
	}
}
