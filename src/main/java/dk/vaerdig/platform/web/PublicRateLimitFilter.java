package dk.vaerdig.platform.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import dk.vaerdig.platform.RateLimits;

/**
 * A token bucket (Bucket4j) per client address on the pages anyone can reach without logging in: the questionnaire
 * ({@code /s/}), the kiosk, pop-up booking, the lobby screen, and the candidates' login entry points on Min side
 * ({@code /min-side/login}, and the demo's {@code /min-side/test-login}), which anyone can call. Past the limit the
 * client gets 429 with a short plain-language page and a Retry-After header. Tokens are random and unguessable
 * anyway; the limit keeps a misbehaving client from loading the job centre's system (and from trying logins fast). The buckets are in PostgreSQL ({@link RateLimits}), so
 * the limit holds for the client across every app node behind the load balancer, not per node.
 */
public class PublicRateLimitFilter extends OncePerRequestFilter {

	private static final String PAGE = """
			<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Vent et øjeblik</title></head><body>
			<main><h1>Vent et øjeblik</h1><p>Der kommer mange forespørgsler fra din forbindelse lige nu. Vent et minut, og prøv så igen.</p>
			<p lang="en">Too many requests from your connection just now. Wait a minute, then try again.</p></main></body></html>""";

	private final int perMinute;

	private final RateLimits.Limit limit;

	private final RateLimits limits;

	public PublicRateLimitFilter(int perMinute, RateLimits limits) {
		this.perMinute = perMinute;
		this.limit = new RateLimits.Limit(Math.max(1, perMinute), Duration.ofMinutes(1));
		this.limits = limits;
	}

	static boolean isPublic(String path) {
		return path.startsWith("/s/") || path.startsWith("/kiosk/") || path.startsWith("/book/") || path.equals("/lobby")
				|| path.equals("/min-side/login") || path.startsWith("/min-side/login/")
				|| path.equals("/min-side/test-login");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return perMinute <= 0 || !isPublic(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimits.Outcome outcome = limits.tryConsume("public:" + request.getRemoteAddr(), limit);
		if (outcome.allowed()) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write(PAGE);
	}
}
