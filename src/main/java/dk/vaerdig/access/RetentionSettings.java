package dk.vaerdig.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention job. The periods themselves are data ({@code retention_rule}), not settings.
 *
 * @param cron when the job runs, in the municipality's time zone ({@code -} switches it off)
 * @param batchSize records deleted or anonymised per transaction
 * @param pauseBetweenBatches a pause after each batch, to leave the database to the users
 * @param maxRunTime a run stops after this long, between two batches; the next run continues where it stopped
 */
@ConfigurationProperties("vaerdig.access.retention")
public record RetentionSettings(@DefaultValue("0 30 2 * * *") String cron, @DefaultValue("1000") int batchSize,
		@DefaultValue("0ms") Duration pauseBetweenBatches, @DefaultValue("4h") Duration maxRunTime) {

	public RetentionSettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("vaerdig.access.retention.batch-size must be at least 1");
		}
	}
}
