package dk.vaerdig.platform.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.jdbc.core.JdbcTemplate;

import dk.vaerdig.platform.AppNode;

/**
 * Writes every run of a scheduled job that took its ShedLock row to {@code job_run} (name, node, start and end by the
 * database's clock, both inside the time the lock was held), when {@code vaerdig.platform.job-run-log=true}. The
 * two-node harness reads it to show that no job ran on two nodes at once. Rows older than a day are deleted now and
 * then.
 */
class JobRunLog implements LockProvider {

	private final LockProvider delegate;

	private final JdbcTemplate jdbc;

	private final AtomicLong runs = new AtomicLong();

	private final AppNode node;

	JobRunLog(LockProvider delegate, JdbcTemplate jdbc, AppNode node) {
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.node = node;
	}

	@Override
	public Optional<SimpleLock> lock(LockConfiguration configuration) {
		Optional<SimpleLock> lock = delegate.lock(configuration);
		if (lock.isEmpty()) {
			return lock;
		}
		if (runs.incrementAndGet() % 1000 == 0) {
			jdbc.update("DELETE FROM job_run WHERE started_at < now() - interval '1 day'");
		}
		Long id = jdbc.queryForObject("INSERT INTO job_run (name, node) VALUES (?, ?) RETURNING id", Long.class,
				configuration.getName(), node.name());
		return Optional.of(new Recorded(lock.get(), id));
	}

	private final class Recorded implements SimpleLock {

		private final SimpleLock lock;

		private final long id;

		Recorded(SimpleLock lock, long id) {
			this.lock = lock;
			this.id = id;
		}

		@Override
		public void unlock() {
			try {
				jdbc.update("UPDATE job_run SET ended_at = clock_timestamp() WHERE id = ?", id);
			}
			finally {
				lock.unlock();
			}
		}

		@Override
		public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
			return lock.extend(lockAtMostFor, lockAtLeastFor).map(extended -> new Recorded(extended, id));
		}
	}
}
