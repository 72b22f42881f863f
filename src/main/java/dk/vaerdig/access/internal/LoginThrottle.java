package dk.vaerdig.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dk.vaerdig.access.LoginThrottleSettings;
import dk.vaerdig.platform.RateLimits;

/**
 * Throttles form login per user name and per client address ({@link LoginThrottleSettings}). A failed login takes a
 * token from both buckets ({@link RateLimits}, shared by every app node); a login attempt while either bucket is empty
 * is refused before the password is checked, with the same message whether or not the user exists, so the throttle
 * tells nothing about which user names are real. The client address is {@code request.getRemoteAddr()}: behind a
 * reverse proxy that is the real client only when the proxy is configured as trusted.
 * <p>
 * Failed and refused logins are logged at WARN by the logger {@code dk.vaerdig.access.login} with the client address
 * and the user name as the first 12 hex digits of its SHA-256 (lower-cased and trimmed), never as typed and never the
 * password: people type their password into the user name field by mistake, and a log must not keep it.
 */
@Component
class LoginThrottle extends SimpleUrlAuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger("dk.vaerdig.access.login");

	private final RateLimits limits;

	private final LoginThrottleSettings settings;

	private final RateLimits.Limit perUser;

	private final RateLimits.Limit perAddress;

	LoginThrottle(RateLimits limits, LoginThrottleSettings settings) {
		super("/login?error");
		this.limits = limits;
		this.settings = settings;
		this.perUser = new RateLimits.Limit(Math.max(1, settings.perUser()), settings.window());
		this.perAddress = new RateLimits.Limit(Math.max(1, settings.perAddress()), settings.window());
	}

	/** The filter that refuses a login attempt while throttled; it runs before the password is checked. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !"POST".equals(request.getMethod())
						|| !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				long waitSeconds = throttledFor(request.getParameter("username"), request.getRemoteAddr());
				if (waitSeconds > 0) {
					long minutes = Math.max(1, (waitSeconds + 59) / 60);
					response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	/** Seconds until a login for this name from this address may be tried again; 0 when it may be tried now. */
	long throttledFor(String username, String address) {
		long wait = 0;
		if (settings.perUser() > 0) {
			RateLimits.Outcome user = limits.check(userKey(username), perUser);
			if (!user.allowed()) {
				wait = user.retryAfterSeconds();
			}
		}
		if (settings.perAddress() > 0) {
			RateLimits.Outcome client = limits.check(addressKey(address), perAddress);
			if (!client.allowed()) {
				wait = Math.max(wait, client.retryAfterSeconds());
			}
		}
		if (wait > 0) {
			log.warn("Login refused, throttled for {} s: user#{} from {}", wait, hash(username), address);
		}
		return wait;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		failed(request.getParameter("username"), request.getRemoteAddr(), exception.getClass().getSimpleName());
		super.onAuthenticationFailure(request, response, exception);
	}

	void failed(String username, String address, String reason) {
		if (settings.perUser() > 0) {
			limits.tryConsume(userKey(username), perUser);
		}
		if (settings.perAddress() > 0) {
			limits.tryConsume(addressKey(address), perAddress);
		}
		log.warn("Login failed ({}): user#{} from {}", reason, hash(username), address);
	}

	private static String userKey(String username) {
		return "login-user:" + hash(username);
	}

	private static String addressKey(String address) {
		return "login-address:" + address;
	}

	/** The first 12 hex digits of the SHA-256 of the user name, lower-cased and trimmed. */
	static String hash(String username) {
		String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
