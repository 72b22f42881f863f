package dk.vaerdig.platform;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Token buckets (Bucket4j) kept in PostgreSQL (table {@code rate_limit_bucket}), so every app node counts against the
 * same bucket: Bucket4j's PostgreSQL proxy manager reads a key's row {@code FOR UPDATE}, computes, writes it back and
 * commits, one short transaction per call. A bucket refills completely one window after it was last touched and is
 * then removed by a cleanup job.
 */
@Component
public class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	/**
	 * A limit: at most {@code capacity} tokens, all of them back {@code window} after the bucket was first drawn on
	 * (refilled at once, not gradually, so "after the window it works again" holds exactly).
	 */
	public record Limit(long capacity, Duration window) {

		BucketConfiguration configuration() {
			return BucketConfiguration.builder()
				.addLimit(BandwidthBuilder.builder().capacity(capacity).refillIntervally(capacity, window).build())
				.build();
		}
	}

	/** The outcome of a call: allowed or not, and when the bucket has a token again (whole seconds, at least 1). */
	public record Outcome(boolean allowed, long retryAfterSeconds) {
	}

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	RateLimits(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build();
	}

	/** Takes one token from the bucket of {@code key}, if it has one. */
	public Outcome tryConsume(String key, Limit limit) {
		ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
		return new Outcome(probe.isConsumed(), seconds(probe.getNanosToWaitForRefill()));
	}

	/** Whether the bucket of {@code key} has a token, without taking it. */
	public Outcome check(String key, Limit limit) {
		EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
		return new Outcome(probe.canBeConsumed(), seconds(probe.getNanosToWaitForRefill()));
	}

	private io.github.bucket4j.distributed.BucketProxy bucket(String key, Limit limit) {
		return buckets.builder().build(key, limit::configuration);
	}

	/** Forgets full buckets (those whose window has passed), on one node at a time. */
	@Scheduled(fixedDelayString = "${vaerdig.platform.rate-limit-cleanup-interval:5m}", initialDelayString = "1m")
	@SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "10m")
	public void removeExpired() {
		int removed;
		int total = 0;
		do {
			removed = buckets.removeExpired(1000);
			total += removed;
		}
		while (removed == 1000);
		if (total > 0) {
			log.debug("Removed {} expired rate-limit buckets", total);
		}
	}

	private static long seconds(long nanos) {
		return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
	}
}
