package dk.vaerdig.letters.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.letters.LetterSettings;
import dk.vaerdig.letters.internal.ApiTokens;
import dk.vaerdig.platform.RateLimits;

/**
 * The analyser's HTTP API ({@code /v2/check} and {@code /v2/languages}, LanguageTool-compatible, and
 * {@code /api/letters/analysis}) has a security filter chain of its own, ordered before the staff chain:
 * <ul>
 * <li>who may call: the holder of an API token ({@code Authorization: Bearer …}, or LanguageTool's {@code apiKey}
 * form parameter, which the add-ons send), or a signed-in member of staff whose role may use the letters editor (the
 * staff session, checked against the staff row on every call as the staff chain does); anyone else gets 401 in JSON,
 * never a redirect to the login page. {@code /v2/languages} is open, as in LanguageTool;</li>
 * <li>no CSRF token: the API changes nothing (it analyses the text it is sent and keeps nothing), and the staff
 * session cookie is SameSite=Lax, so a cross-site POST does not carry it. Everywhere else CSRF protection stays;</li>
 * <li>CORS for the add-ons, which call from extension and add-in origins: the configured origins (default any), without
 * credentials, so a page elsewhere can use a token it holds but can never read an answer with a member of staff's
 * cookie;</li>
 * <li>a rate limit per token and per member of staff ({@link RateLimits}, shared by every node): past it, 429 with
 * Retry-After; and a limit on the body's size (413);</li>
 * <li>no session is made for a token's call.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CheckApiSecurity {

	static final String[] PATHS = { "/v2/check", "/v2/languages", "/api/letters/**" };

	/** The authority of a call with an API token (not a staff permission: a token is no member of staff). */
	static final String TOKEN_AUTHORITY = "LETTER_API_TOKEN";

	@Bean
	@Order(0)
	SecurityFilterChain letterCheckApi(HttpSecurity http, ApiTokens tokens, StaffDirectory staff, RateLimits limits,
			LetterSettings settings) throws Exception {
		http.securityMatcher(PATHS);
		http.csrf(csrf -> csrf.disable());
		http.cors(cors -> cors.configurationSource(cors(settings.api())));
		http.requestCache(cache -> cache.disable());
		http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		http.addFilterBefore(new ApiAccessFilter(tokens, staff, limits, settings.api()), AuthorizationFilter.class);
		http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.OPTIONS, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/v2/languages")
			.permitAll()
			.anyRequest()
			.hasAnyAuthority(TOKEN_AUTHORITY, Permission.USE_LETTERS.authority()));
		http.exceptionHandling(e -> e
			.authenticationEntryPoint((request, response, ex) -> ApiErrors.write(response, 401,
					"Log in, or send an API token: Authorization: Bearer <token> (or the form parameter apiKey)."))
			.accessDeniedHandler((request, response, ex) -> ApiErrors.write(response, 403,
					"Your role may not use the letters analyser.")));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	private static UrlBasedCorsConfigurationSource cors(LetterSettings.Api api) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(api.corsOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language"));
		cors.setExposedHeaders(List.of("Retry-After"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		for (String path : PATHS) {
			source.registerCorsConfiguration(path, cors);
		}
		return source;
	}

	/** Who calls (token or staff session), whether the rate limit allows it, and whether the body is small enough. */
	static final class ApiAccessFilter extends OncePerRequestFilter {

		private final ApiTokens tokens;

		private final StaffDirectory staff;

		private final RateLimits limits;

		private final LetterSettings.Api api;

		private final RateLimits.Limit perToken;

		private final RateLimits.Limit perMember;

		ApiAccessFilter(ApiTokens tokens, StaffDirectory staff, RateLimits limits, LetterSettings.Api api) {
			this.tokens = tokens;
			this.staff = staff;
			this.limits = limits;
			this.api = api;
			this.perToken = new RateLimits.Limit(Math.max(1, api.tokenRequestsPerMinute()), Duration.ofMinutes(1));
			this.perMember = new RateLimits.Limit(Math.max(1, api.sessionRequestsPerMinute()), Duration.ofMinutes(1));
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return HttpMethod.OPTIONS.matches(request.getMethod())
					|| (path.equals("/v2/languages") && HttpMethod.GET.matches(request.getMethod()));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getContentLengthLong() > api.maxBodyBytes()) {
				ApiErrors.write(response, 413, "The request is larger than " + api.maxBodyBytes() + " bytes.");
				return;
			}
			String token = token(request);
			String bucket;
			if (token != null) {
				Optional<ApiTokens.Holder> holder = tokens.authenticate(token);
				if (holder.isEmpty()) {
					response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
					ApiErrors.write(response, 401, "The API token is unknown or has been revoked.");
					return;
				}
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-token:" + holder.get().id(),
						null, List.of(new SimpleGrantedAuthority(TOKEN_AUTHORITY))));
				SecurityContextHolder.setContext(context);
				bucket = "letters-api:token:" + holder.get().id();
			}
			else {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
					response.setHeader("WWW-Authenticate", "Bearer");
					ApiErrors.write(response, 401,
							"Log in, or send an API token: Authorization: Bearer <token> (or the form parameter apiKey).");
					return;
				}
				// the staff row decides, as on every staff page (access's one re-check): deactivated or without the
				// permission, no access; this request carries the permissions the row's role has now
				Optional<Authentication> rechecked = staff.recheck(auth);
				if (rechecked.isEmpty()) {
					ApiErrors.write(response, 401, "Your login is no longer active. Log in again.");
					return;
				}
				if (rechecked.get().getAuthorities().stream()
					.noneMatch(a -> Permission.USE_LETTERS.authority().equals(a.getAuthority()))) {
					ApiErrors.write(response, 403, "Your role may not use the letters analyser.");
					return;
				}
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(rechecked.get());
				SecurityContextHolder.setContext(context);
				bucket = "letters-api:staff:" + rechecked.get().getName();
			}
			RateLimits.Outcome outcome = limits.tryConsume(bucket, token != null ? perToken : perMember);
			if (!outcome.allowed()) {
				response.setHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
				ApiErrors.write(response, 429, "Too many requests. Try again in " + outcome.retryAfterSeconds() + " seconds.");
				return;
			}
			chain.doFilter(request, response);
		}

		/** The token from {@code Authorization: Bearer …}, or LanguageTool's {@code apiKey} form parameter. */
		private static String token(HttpServletRequest request) {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return header.substring(7).strip();
			}
			String apiKey = request.getParameter("apiKey");
			return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
		}
	}
}
