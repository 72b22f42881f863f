package dk.vaerdig.platform;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

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
 * @param municipality who runs the job centre and how candidates reach it: shown on every page without login
 * @param publicBaseUrl the address candidates reach the app at, for links in messages to them; unless set, the same as
 *        {@code vaerdig.surveys.public-base-url} (application.properties)
 */
@ConfigurationProperties("vaerdig.platform")
public record PlatformSettings(
		@DefaultValue("Europe/Copenhagen") ZoneId zone,
		@DefaultValue({ "--06-05", "--12-24", "--12-31" }) List<MonthDay> extraClosingDays,
		@DefaultValue EmbeddedDb embeddedDb, @DefaultValue("300") int publicRateLimitPerMinute,
		@DefaultValue Municipality municipality, @DefaultValue("http://localhost:8080") String publicBaseUrl) {

	/**
	 * The municipality behind the job centre. The defaults are the demo municipality's: a real installation sets
	 * every one of them.
	 *
	 * @param name the municipality's name, e.g. "Roskilde Kommune"
	 * @param phone the job centre's phone number for candidates, as it is written, e.g. "46 31 00 00"
	 * @param openingHours when the phone and the front desk are open, e.g. {@code MONDAY-THURSDAY 09:00-15:00}
	 * @param accessibilityEmail where people report a problem with the accessibility of the pages
	 * @param accessibilityStatementDate when the accessibility statement was last assessed and updated
	 */
	public record Municipality(@DefaultValue("Demo Kommune") String name, @DefaultValue("12 34 56 78") String phone,
			@DefaultValue({ "MONDAY-WEDNESDAY 09:00-15:00", "THURSDAY 09:00-17:00", "FRIDAY 09:00-12:00" }) List<OpeningHours> openingHours,
			@DefaultValue("tilgaengelighed@demokommune.example") String accessibilityEmail,
			@DefaultValue("2026-12-01") LocalDate accessibilityStatementDate) {

		/** The phone number for a {@code tel:} link: digits only, with the Danish country code. */
		public String phoneLink() {
			String digits = phone.replaceAll("[^0-9+]", "");
			return "tel:" + (digits.startsWith("+") || digits.length() != 8 ? digits : "+45" + digits);
		}
	}

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
