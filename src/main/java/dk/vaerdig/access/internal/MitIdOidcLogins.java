package dk.vaerdig.access.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import dk.vaerdig.access.AssuranceLevel;
import dk.vaerdig.access.CandidateFinder;
import dk.vaerdig.access.CandidateIdentity;
import dk.vaerdig.access.CandidateLogins;
import dk.vaerdig.platform.Cpr;

/**
 * The candidates' MitID login through an OIDC broker ({@link MitIdOidcSettings}), between Spring Security's OAuth2
 * client (the protocol: authorization code with PKCE, the ID token's signature, issuer, audience, nonce and expiry) and
 * {@link CandidateLogins}: the CPR claim finds the candidate through {@link CandidateFinder}, and the login goes on as
 * {@code candidate:<id>}, as the SAML login does. The CPR number is the key of the lookup only: it is not the
 * principal's name, not in the session, not in the log or the audit log.
 * <p>
 * The client registration is not a {@code ClientRegistrationRepository} bean (that would replace the staff OIDC
 * registrations Spring Boot makes from {@code spring.security.oauth2.client.*}); it is read on first use, so the
 * broker need not answer while the app starts.
 */
@Service
class MitIdOidcLogins {

	/** The registration id, the last part of the redirect URI. */
	static final String ID = "mitid-oidc";

	/** Where the login starts (Spring Security's authorization request endpoint). */
	static final String AUTHORIZATION_BASE = SessionCookies.CANDIDATE_PATH + "/oidc/authorization";

	static final String LOGIN = AUTHORIZATION_BASE + "/" + ID;

	/** Where the broker sends the browser back with the code. */
	static final String CODE_BASE = SessionCookies.CANDIDATE_PATH + "/oidc/code";

	/** The refusal page; its reason is one of {@link #REASONS}. */
	static final String REFUSED = SessionCookies.CANDIDATE_PATH + "/oidc/refused";

	static final String NO_CASE = SessionCookies.CANDIDATE_PATH + "/oidc/no-case";

	/** Refusals (an error code, and the last part of a message key {@code portal.mitid.refused.*}). */
	static final String LOW_ASSURANCE = "lowAssurance";

	static final String NO_CPR = "noCpr";

	static final String INVALID = "invalid";

	static final String NO_CASE_CODE = "noCase";

	static final Set<String> REASONS = Set.of(LOW_ASSURANCE, NO_CPR, INVALID);

	/** The session attribute that marks a session as signed in through the broker (for logout there). */
	static final String SESSION_KEY = "VAERDIG_MITID_OIDC";

	private static final Logger log = LoggerFactory.getLogger(MitIdOidcLogins.class);

	private final MitIdOidcSettings settings;

	private final ObjectProvider<CandidateFinder> candidates;

	private final CandidateLogins candidateLogins;

	private volatile ClientRegistration registration;

	MitIdOidcLogins(MitIdOidcSettings settings, ObjectProvider<CandidateFinder> candidates,
			CandidateLogins candidateLogins) {
		this.settings = settings;
		this.candidates = candidates;
		this.candidateLogins = candidateLogins;
	}

	boolean enabled() {
		return settings.enabled();
	}

	MitIdOidcSettings settings() {
		return settings;
	}

	/** The client registration, for Spring Security's OAuth2 client; null for another id, or when it is off. */
	ClientRegistration registration(String id) {
		if (!settings.enabled() || !ID.equals(id)) {
			return null;
		}
		ClientRegistration known = registration;
		if (known == null) {
			try {
				known = build();
			}
			catch (RuntimeException e) { // the broker does not answer (yet): the next login tries again
				log.warn("MitID OIDC: the broker's configuration could not be read: {}", e.getMessage());
				return null;
			}
			registration = known;
		}
		return known;
	}

	private ClientRegistration build() {
		ClientRegistration.Builder b;
		if (!blank(settings.issuerUri())) {
			b = ClientRegistrations.fromIssuerLocation(settings.issuerUri()).registrationId(ID);
		}
		else {
			b = ClientRegistration.withRegistrationId(ID)
				.authorizationUri(settings.authorizationUri())
				.tokenUri(settings.tokenUri())
				.jwkSetUri(settings.jwkSetUri())
				.issuerUri(settings.issuer())
				.userInfoUri(settings.userInfoUri());
		}
		if (!blank(settings.endSessionUri())) {
			b.providerConfigurationMetadata(Map.of("end_session_endpoint", settings.endSessionUri()));
		}
		Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
		scopes.addAll(settings.scopes());
		return b.clientId(settings.clientId())
			.clientSecret(blank(settings.clientSecret()) ? null : settings.clientSecret())
			.clientAuthenticationMethod(blank(settings.clientSecret()) ? ClientAuthenticationMethod.NONE
					: ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(settings.redirectUri())
			.scope(scopes)
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.clientName("MitID")
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
	}

	/**
	 * The candidate the claims of a checked ID token (and UserInfo) name: the level of assurance first (below
	 * substantial, or missing, is refused), then the CPR number, then the candidate it finds.
	 *
	 * @throws OAuth2AuthenticationException with the error code {@link #LOW_ASSURANCE}, {@link #NO_CPR} or
	 *     {@link #NO_CASE_CODE}
	 */
	CandidateIdentity candidate(Map<String, Object> claims) {
		AssuranceLevel level = assurance(claims);
		if (!level.atLeast(CandidateLogins.REQUIRED)) {
			log.info("MitID login through the OIDC broker refused: level of assurance {}", level);
			throw refusal(LOW_ASSURANCE);
		}
		Object cpr = claims.get(settings.cprClaim());
		String cprText = cpr instanceof String s ? s.strip() : null;
		if (cprText == null || !Cpr.isValid(cprText)) {
			log.warn("MitID login through the OIDC broker refused: no valid CPR number in claim {}", settings.cprClaim());
			throw refusal(NO_CPR);
		}
		CandidateFinder finder = candidates.getIfAvailable();
		Optional<CandidateFinder.Found> found = finder == null ? Optional.empty() : finder.byCpr(Cpr.of(cprText));
		if (found.isEmpty()) {
			throw refusal(NO_CASE_CODE);
		}
		return new CandidateIdentity(found.get().candidateId(), found.get().firstName(), level);
	}

	/**
	 * The level of assurance: the {@code loa-claim} or, without it, the {@code loa-fallback-claim}, compared with the
	 * configured values; anything else, or nothing, counts as low.
	 */
	AssuranceLevel assurance(Map<String, Object> claims) {
		Object value = claims.get(settings.loaClaim());
		if (value == null && !blank(settings.loaFallbackClaim())) {
			value = claims.get(settings.loaFallbackClaim());
		}
		if (!(value instanceof String text)) {
			return AssuranceLevel.LOW;
		}
		if (matches(settings.highValues(), text)) {
			return AssuranceLevel.HIGH;
		}
		return matches(settings.substantialValues(), text) ? AssuranceLevel.SUBSTANTIAL : AssuranceLevel.LOW;
	}

	private static boolean matches(List<String> accepted, String value) {
		return accepted != null && accepted.stream().anyMatch(a -> a.strip().equalsIgnoreCase(value.strip()));
	}

	static OAuth2AuthenticationException refusal(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error(code), code);
	}

	/** Signs the candidate in ({@link CandidateLogins}: new session id, audit entry) and marks the session. */
	void signIn(CandidateIdentity identity, HttpServletRequest request, HttpServletResponse response) {
		candidateLogins.signIn(identity, "MitID through an OIDC broker", request, response);
		request.getSession().setAttribute(SESSION_KEY, ID);
	}

	/**
	 * RP-initiated logout: when the session being ended came from this login, logout at the broker is on and the
	 * broker has an end-session endpoint, its address (with our client id and where to come back to), else empty.
	 * Without {@code id_token_hint}: the ID token holds the CPR number and is not kept in the session, so the broker
	 * may ask the candidate to confirm.
	 */
	Optional<String> endSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (!settings.enabled() || !settings.logoutAtBroker() || session == null
				|| !ID.equals(session.getAttribute(SESSION_KEY))) {
			return Optional.empty();
		}
		ClientRegistration r = registration(ID);
		Object endpoint = r == null ? null : r.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
		if (!(endpoint instanceof String end) || end.isBlank()) {
			return Optional.empty();
		}
		String base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
		return Optional.of(UriComponentsBuilder.fromUriString(end)
			.queryParam("client_id", r.getClientId())
			.queryParam("post_logout_redirect_uri", settings.postLogoutRedirectUri().replace("{baseUrl}", base))
			.encode()
			.build()
			.toUriString());
	}

	/** The refusal reasons of the page: known ones, anything else as "invalid". */
	static String reason(String code) {
		return code != null && REASONS.contains(code) ? code : INVALID;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
