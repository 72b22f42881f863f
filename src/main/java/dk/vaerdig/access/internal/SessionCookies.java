package dk.vaerdig.access.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Two session cookies, so a candidate's session and a staff session are two sessions even in one browser: the
 * candidate's pages ({@code /min-side/**}) use the cookie {@value #CANDIDATE_COOKIE}, sent by the browser only to
 * {@code /min-side}; every other page uses {@code SESSION}, which the candidate's pages never read. Both are
 * HttpOnly, SameSite=Lax, and Secure when the request came over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

	static final String CANDIDATE_COOKIE = "VAERDIG_MIN_SIDE";

	static final String CANDIDATE_PATH = "/min-side";

	@Bean
	HttpSessionIdResolver httpSessionIdResolver() {
		return new ByPath(resolver("SESSION", null), resolver(CANDIDATE_COOKIE, CANDIDATE_PATH));
	}

	private static CookieHttpSessionIdResolver resolver(String name, String path) {
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName(name);
		if (path != null) {
			cookies.setCookiePath(path);
		}
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
		resolver.setCookieSerializer(cookies);
		return resolver;
	}

	/** Whether the request is for the candidate's pages. */
	static boolean candidatePages(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(CANDIDATE_PATH) || path.startsWith(CANDIDATE_PATH + "/");
	}

	/** The staff (and public) session cookie, or the candidate's, by the request's path. */
	record ByPath(HttpSessionIdResolver staff, HttpSessionIdResolver candidate) implements HttpSessionIdResolver {

		private HttpSessionIdResolver of(HttpServletRequest request) {
			return candidatePages(request) ? candidate : staff;
		}

		@Override
		public List<String> resolveSessionIds(HttpServletRequest request) {
			return of(request).resolveSessionIds(request);
		}

		@Override
		public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
			of(request).setSessionId(request, response, sessionId);
		}

		@Override
		public void expireSession(HttpServletRequest request, HttpServletResponse response) {
			of(request).expireSession(request, response);
		}
	}
}
