package dk.vaerdig.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling (form login): failed logins are counted per user name (as typed, whether or not the user exists)
 * and per client address, in buckets in PostgreSQL that every app node shares. When either is used up, every login
 * attempt for that name or from that address is refused, the right password too, until the window has passed.
 *
 * @param perUser failed logins allowed per user name within the window; 0 switches the limit off
 * @param perAddress failed logins allowed per client address within the window (any user names); 0 switches it off
 * @param window how long after the first counted failure the count starts again
 */
@ConfigurationProperties("vaerdig.access.login-throttle")
public record LoginThrottleSettings(@DefaultValue("10") int perUser, @DefaultValue("50") int perAddress,
		@DefaultValue("15m") Duration window) {
}
