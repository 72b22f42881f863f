package dk.vaerdig.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

import dk.vaerdig.access.internal.saml.SamlException;
import dk.vaerdig.access.internal.saml.SamlMessages;
import dk.vaerdig.access.internal.saml.SamlRegistration;
import dk.vaerdig.access.internal.saml.SamlResponses;
import dk.vaerdig.access.internal.saml.SamlSettings;
import dk.vaerdig.access.internal.saml.SamlSignatures;
import dk.vaerdig.access.internal.saml.SamlXml;

/**
 * Single logout started by the identity provider, for both SAML registrations. A SAML login ({@link SamlLogins})
 * keeps its NameID and SessionIndex in the session and indexes the session by {@link #sessionIndexKey} as its
 * Spring Session principal name; the identity provider's LogoutRequest finds the sessions by that index, in the
 * session table, so on every node.
 */
@Service
class SamlIdpLogout {

	private static final Logger log = LoggerFactory.getLogger(SamlIdpLogout.class);

	private final SamlSettings settings;

	private final Clock clock;

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	SamlIdpLogout(SamlSettings settings, Clock clock,
			ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.settings = settings;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** The index of a SAML session: registration and NameID, hashed, so the NameID is not in the session table. */
	static String sessionIndexKey(String registration, String nameId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((registration + "\n" + nameId).getBytes(StandardCharsets.UTF_8));
			return "saml:" + registration + ":" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Single logout started by the identity provider: its signed LogoutRequest (HTTP-Redirect: signed query string;
	 * HTTP-POST: XML signature) ends every session of this registration with its NameID (and, when it names
	 * session indexes, only those), on every node, and is answered with our signed LogoutResponse.
	 *
	 * @return the address of our LogoutResponse at the identity provider, or empty when the request was refused
	 */
	Optional<String> idpLogout(SamlRegistration r, HttpServletRequest request) {
		SamlResponses.LogoutRequested logout;
		String relayState;
		try {
			if ("GET".equals(request.getMethod())) {
				Map<String, String> params = SamlSignatures.verifyRedirect(request.getQueryString(), "SAMLRequest", r.idpCertificates());
				relayState = params.get("RelayState");
				logout = SamlResponses.checkLogoutRequest(SamlXml.fromRedirect(params.get("SAMLRequest")), r, false,
						clock.instant(), settings.clockSkew());
			}
			else {
				relayState = request.getParameter("RelayState");
				logout = SamlResponses.checkLogoutRequest(SamlXml.fromPost(request.getParameter("SAMLRequest")), r, true,
						clock.instant(), settings.clockSkew());
			}
		}
		catch (SamlException e) {
			log.warn("SAML logout request refused ({}): {}", r.id(), e.getMessage());
			return Optional.empty();
		}
		int ended = endSessions(r, logout, request);
		log.info("SAML logout request from the identity provider ({}): {} session(s) ended", r.id(), ended);
		try {
			return Optional.of(SamlMessages.logoutResponse(r, clock.instant(), logout.id(), relayState).redirectUrl());
		}
		catch (SamlException e) {
			log.warn("SAML logout request ({}): cannot answer: {}", r.id(), e.getMessage());
			return Optional.empty();
		}
	}

	private int endSessions(SamlRegistration r, SamlResponses.LogoutRequested logout, HttpServletRequest request) {
		int ended = 0;
		HttpSession current = request.getSession(false);
		if (current != null && matches(current.getAttribute(SamlLogins.SESSION_KEY), r, logout)) {
			current.invalidate();
			ended++;
		}
		FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
		if (repository != null) {
			for (var e : repository.findByPrincipalName(sessionIndexKey(r.id(), logout.nameId())).entrySet()) {
				if (matches(e.getValue().getAttribute(SamlLogins.SESSION_KEY), r, logout)) {
					repository.deleteById(e.getKey());
					ended++;
				}
			}
		}
		return ended;
	}

	private static boolean matches(Object attribute, SamlRegistration r, SamlResponses.LogoutRequested logout) {
		return attribute instanceof SamlLogins.SamlSession s && s.registration().equals(r.id()) && s.nameId().equals(logout.nameId())
				&& (logout.sessionIndexes().isEmpty() || logout.sessionIndexes().contains(s.sessionIndex()));
	}
}
