package dk.vaerdig.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket (Bucket4j) per client address on the pages anyone can reach without logging in: the questionnaire
 * ({@code /s/}), the kiosk, pop-up booking and the lobby screen. Past the limit the client gets 429 with a short
 * plain-language page and a Retry-After header. Tokens are random and unguessable anyway; the limit keeps a
 * misbehaving client from loading the job centre's system.
 */
public class PublicRateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 100_000;

	private static final String PAGE = """
			<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Vent et øjeblik</title></head><body>
			<main><h1>Vent et øjeblik</h1><p>Der kommer mange forespørgsler fra din forbindelse lige nu. Vent et minut, og prøv så igen.</p>
			<p lang="en">Too many requests from your connection just now. Wait a minute, then try again.</p></main></body></html>""";

	private final int perMinute;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public PublicRateLimitFilter(int perMinute) {
		this.perMinute = perMinute;
	}

	static boolean isPublic(String path) {
		return path.startsWith("/s/") || path.startsWith("/kiosk/") || path.startsWith("/book/") || path.equals("/lobby");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return perMinute <= 0 || !isPublic(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (buckets.size() > MAX_CLIENTS) {
			buckets.clear(); // coarse, but bounded: a flood of addresses cannot grow the map without end
		}
		Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(),
				k -> Bucket.builder().addLimit(Bandwidth.simple(perMinute, Duration.ofMinutes(1))).build());
		if (bucket.tryConsume(1)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", "60");
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write(PAGE);
	}
}
