package dk.vaerdig.platform;

import java.time.ZoneId;
import java.util.List;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared kernel.
 *
 * @param zone the time zone of the municipality
 * @param extraClosingDays days on which municipal offices close although they are no public holiday
 *        (Constitution Day, Christmas Eve, New Year's Eve), as {@code --MM-DD}
 * @param embeddedDb the embedded PostgreSQL used when no database URL is configured
 * @param publicRateLimitPerMinute requests a minute one client address may make to the pages without login (the
 *        questionnaire, the kiosk, booking, the lobby); 0 switches the limit off (load tests)
 */
@ConfigurationProperties("vaerdig.platform")
public record PlatformSettings(
		@DefaultValue("Europe/Copenhagen") ZoneId zone,
		@DefaultValue({ "--06-05", "--12-24", "--12-31" }) List<MonthDay> extraClosingDays,
		@DefaultValue EmbeddedDb embeddedDb, @DefaultValue("300") int publicRateLimitPerMinute) {

	/**
	 * @param dataDirectory where the embedded server keeps its data between runs; empty for a fresh temporary one
	 * @param port fixed port, or 0 for a free one
	 * @param fsync whether the server flushes to disk (off is fine for tests and demos)
	 * @param poolSize connections in the pool
	 */
	public record EmbeddedDb(String dataDirectory, @DefaultValue("0") int port, @DefaultValue("true") boolean fsync,
			@DefaultValue("20") int poolSize) {
	}
}
