package dk.vaerdig.access.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Single logout started by us: before the session is ended (this handler runs before Spring Security's own), a
 * session that came from a SAML login gets a signed LogoutRequest to the identity provider; after it, the browser is
 * sent there, or to the login page when the login was not SAML.
 */
class SamlLogout implements LogoutHandler, LogoutSuccessHandler {

	/** The request attribute with the identity provider's logout address, set by a logout handler. */
	static final String REDIRECT = SamlLogout.class.getName() + ".redirect";

	private final SamlLogins saml;

	private final String loggedOutUrl;

	SamlLogout(SamlLogins saml, String loggedOutUrl) {
		this.saml = saml;
		this.loggedOutUrl = loggedOutUrl;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		saml.startLogout(request, response).ifPresent(url -> request.setAttribute(REDIRECT, url));
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		Object idp = request.getAttribute(REDIRECT);
		response.sendRedirect(idp instanceof String url ? url : request.getContextPath() + loggedOutUrl);
	}
}
