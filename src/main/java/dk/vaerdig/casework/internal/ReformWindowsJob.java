package dk.vaerdig.casework.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works out every candidate's reform windows again every night, on one node at a time (ShedLock), to repair any
 * drift of the rows kept up to date by the marks of V186 (a rule changed by a migration, a change made around the
 * triggers).
 */
@Component
class ReformWindowsJob {

	private static final Logger log = LoggerFactory.getLogger(ReformWindowsJob.class);

	private final ReformWindows windows;

	ReformWindowsJob(ReformWindows windows) {
		this.windows = windows;
	}

	@Scheduled(cron = "${vaerdig.casework.reform-windows-cron:0 15 3 * * *}",
			zone = "${vaerdig.platform.zone:Europe/Copenhagen}")
	@SchedulerLock(name = "reform-windows-rebuild", lockAtMostFor = "2h")
	void rebuildNightly() {
		long started = System.nanoTime();
		int n = windows.rebuild();
		log.info("Rebuilt the reform windows of {} candidates in {} ms", n, (System.nanoTime() - started) / 1_000_000);
	}
}
