package dk.vaerdig.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages to candidates are delivered. Without an SMS gateway URL, SMS go only to the log and the staff outbox
 * page; without {@code spring.mail.host}, e-mails do the same.
 *
 * @param sms the municipality's SMS gateway
 * @param email e-mail through the mail server that {@code spring.mail.*} configures
 * @param maxAttempts after this many failed attempts a message is given up (FAILED)
 * @param firstRetryAfter the pause after the first failed attempt; it doubles after each further failure
 * @param longestRetryAfter the pause between attempts never grows beyond this
 * @param dispatchInterval how often the dispatcher looks for messages that are due
 * @param batchSize how many messages one run of the dispatcher takes at most
 * @param reminders when reminders to candidates go (issue 13)
 */
@ConfigurationProperties("vaerdig.messaging")
public record MessagingSettings(@DefaultValue Sms sms, @DefaultValue Email email, @DefaultValue("8") int maxAttempts,
		@DefaultValue("1m") Duration firstRetryAfter, @DefaultValue("1h") Duration longestRetryAfter,
		@DefaultValue("5s") Duration dispatchInterval, @DefaultValue("50") int batchSize,
		@DefaultValue Reminders reminders) {

	/**
	 * @param gatewayUrl where to POST {@code {"to": "+4520304050", "text": "..."}}; empty for the development channel
	 * @param token sent as {@code Authorization: Bearer <token>}; set it from the environment
	 *        ({@code VAERDIG_MESSAGING_SMS_TOKEN}), never in a file in the repository
	 * @param connectTimeout how long to wait for a connection to the gateway
	 * @param readTimeout how long to wait for the gateway's answer
	 */
	public record Sms(URI gatewayUrl, String token, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("10s") Duration readTimeout) {

		public boolean configured() {
			return gatewayUrl != null && !gatewayUrl.toString().isBlank();
		}

		/** Never prints the token. */
		@Override
		public String toString() {
			return "Sms[gatewayUrl=" + gatewayUrl + ", token=" + (token == null || token.isBlank() ? "none" : "set")
					+ ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
		}
	}

	/**
	 * @param from the sender of the e-mails, e.g. {@code Jobcenter Eksempel <ikke-svar@eksempel.dk>}; required when a
	 *        mail server is configured
	 */
	public record Email(String from) {
	}

	/**
	 * Reminders to candidates, by SMS or e-mail as each candidate prefers, in the municipality's time zone. A reminder
	 * that would fall in the quiet window of the night goes at its end instead.
	 *
	 * @param quietFrom no reminder goes from this time …
	 * @param quietUntil … until this time (the window may run over midnight; equal times: no quiet window)
	 * @param meetingDaysBefore a meeting is reminded of this many days before its day …
	 * @param meetingAt … at this time (e.g. 16:00 the day before)
	 * @param agreementDaysBefore an open agreement is reminded of this many days before its deadline …
	 * @param agreementAt … at this time
	 * @param surveyAfterDays an unanswered survey invitation is reminded of once, this many days after it was made …
	 * @param surveyAt … at this time, if the invitation has not expired
	 * @param interval how often the reminder jobs look for reminders that are due
	 * @param enabled whether the reminder jobs run in the background (tests drive them themselves)
	 */
	public record Reminders(@DefaultValue("21:00") LocalTime quietFrom, @DefaultValue("08:00") LocalTime quietUntil,
			@DefaultValue("1") int meetingDaysBefore, @DefaultValue("16:00") LocalTime meetingAt,
			@DefaultValue("2") int agreementDaysBefore, @DefaultValue("10:00") LocalTime agreementAt,
			@DefaultValue("3") int surveyAfterDays, @DefaultValue("10:00") LocalTime surveyAt,
			@DefaultValue("1m") Duration interval, @DefaultValue("true") boolean enabled) {
	}
}
