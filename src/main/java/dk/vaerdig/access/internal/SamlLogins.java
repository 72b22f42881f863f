package dk.vaerdig.access.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dk.vaerdig.access.AssuranceLevel;
import dk.vaerdig.access.CandidateFinder;
import dk.vaerdig.access.CandidateIdentity;
import dk.vaerdig.access.CandidateLogins;
import dk.vaerdig.access.Role;
import dk.vaerdig.access.internal.saml.AssertionReplayGuard;
import dk.vaerdig.access.internal.saml.Privileges;
import dk.vaerdig.access.internal.saml.SamlAssertion;
import dk.vaerdig.access.internal.saml.SamlException;
import dk.vaerdig.access.internal.saml.SamlMessages;
import dk.vaerdig.access.internal.saml.SamlRegistration;
import dk.vaerdig.access.internal.saml.SamlResponses;
import dk.vaerdig.access.internal.saml.SamlSettings;
import dk.vaerdig.access.internal.saml.SamlSignatures;
import dk.vaerdig.access.internal.saml.SamlXml;
import dk.vaerdig.platform.Cpr;

/**
 * The SAML 2.0 logins, between the protocol ({@code saml} package) and the two kinds of user: staff (KOMBIT, roles
 * from the privileges attribute, through {@link StaffLogins}) and candidates (MitID through NemLog-in, CPR number and
 * level of assurance, through {@link CandidateLogins}).
 * <p>
 * The id of each request we send is kept for the browser that sent it: in its session and in a short-lived cookie
 * limited to the registration's SAML path. The cookie is there because the identity provider's POST to our ACS is a
 * cross-site request, on which browsers do not send the SameSite=Lax session cookie; it is HttpOnly, and
 * SameSite=None; Secure over HTTPS.
 */
@Service
class SamlLogins {

	static final String STAFF = "staff";

	static final String MITID = "mitid";

	/** The session attribute holding what single logout needs. */
	static final String SESSION_KEY = "VAERDIG_SAML_SESSION";

	private static final String SENT_KEY = "VAERDIG_SAML_SENT_";

	private static final String COOKIE = "VAERDIG_SAML_";

	private static final Logger log = LoggerFactory.getLogger(SamlLogins.class);

	/** What single logout needs of a SAML login. */
	record SamlSession(String registration, String nameId, String nameIdFormat, String sessionIndex) implements Serializable {
	}

	/** The outcome of an ACS post. */
	sealed interface Outcome {
	}

	record SignedIn(String redirectTo) implements Outcome {
	}

	/** Refused; the reason is a message key's last part. */
	record Refused(String reason) implements Outcome {
	}

	record NoCase() implements Outcome {
	}

	private final SamlSettings settings;

	private final ResourceLoader resources;

	private final StaffLogins staffLogins;

	private final CandidateLogins candidateLogins;

	private final ObjectProvider<CandidateFinder> candidates;

	private final AssertionReplayGuard replay;

	private final Clock clock;

	private final Map<String, SamlRegistration> loaded = new ConcurrentHashMap<>();

	SamlLogins(SamlSettings settings, ResourceLoader resources, StaffLogins staffLogins, CandidateLogins candidateLogins,
			ObjectProvider<CandidateFinder> candidates, AssertionReplayGuard replay, Clock clock) {
		this.settings = settings;
		this.resources = resources;
		this.staffLogins = staffLogins;
		this.candidateLogins = candidateLogins;
		this.candidates = candidates;
		this.replay = replay;
		this.clock = clock;
	}

	boolean enabled(String id) {
		return settingsOf(id).enabled();
	}

	private SamlSettings.Registration settingsOf(String id) {
		return STAFF.equals(id) ? settings.staff() : settings.mitid();
	}

	static String basePath(String id) {
		return STAFF.equals(id) ? "/saml/staff" : SessionCookies.CANDIDATE_PATH + "/saml";
	}

	/**
	 * The registration, read on first use (the identity provider's metadata may be a URL), for the configured base
	 * address or, without one, this request's.
	 */
	Optional<SamlRegistration> registration(String id, HttpServletRequest request) {
		if (!enabled(id)) {
			return Optional.empty();
		}
		String base = blank(settings.baseUrl())
				? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
				: settings.baseUrl();
		String key = id + " " + base;
		SamlRegistration known = loaded.get(key);
		if (known == null) {
			known = SamlRegistration.load(id, basePath(id), base, settingsOf(id), resources);
			if (loaded.size() < 16) { // without a configured base, a few host names; never an unbounded map
				loaded.put(key, known);
			}
		}
		return Optional.of(known);
	}

	/** Starts a login: the signed AuthnRequest's address, its id kept for this browser. */
	String startLogin(SamlRegistration r, HttpServletRequest request, HttpServletResponse response) {
		SamlMessages.Sent sent = SamlMessages.authnRequest(r, clock.instant(), null);
		remember(r, sent.id(), request, response);
		return sent.redirectUrl();
	}

	private void remember(SamlRegistration r, String id, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(true);
		session.setAttribute(SENT_KEY + r.id(), id);
		boolean secure = request.isSecure();
		response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE + r.id(), id)
			.path(r.basePath())
			.httpOnly(true)
			.secure(secure)
			.sameSite(secure ? "None" : "Lax")
			.maxAge(Duration.ofMinutes(15))
			.build()
			.toString());
	}

	/** The ids of requests this browser sent (session and cookie), forgotten as they are read: each is used once. */
	private Set<String> sent(SamlRegistration r, HttpServletRequest request, HttpServletResponse response) {
		Set<String> ids = new LinkedHashSet<>();
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SENT_KEY + r.id()) instanceof String id) {
			ids.add(id);
			session.removeAttribute(SENT_KEY + r.id());
		}
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if ((COOKIE + r.id()).equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
					ids.add(c.getValue());
				}
			}
		}
		response.addHeader("Set-Cookie",
				ResponseCookie.from(COOKIE + r.id(), "").path(r.basePath()).httpOnly(true).maxAge(0).build().toString());
		return ids;
	}

	/** The ACS: checks the response, then signs the member of staff or the candidate in. */
	Outcome acs(SamlRegistration r, String samlResponse, HttpServletRequest request, HttpServletResponse response) {
		Set<String> sent = sent(r, request, response);
		SamlAssertion assertion;
		try {
			assertion = SamlResponses.check(SamlXml.fromPost(samlResponse), r, sent, clock.instant(), settings.clockSkew(),
					replay);
		}
		catch (SamlException e) {
			log.warn("SAML response refused ({}): {}", r.id(), e.getMessage());
			return new Refused("invalid");
		}
		return STAFF.equals(r.id()) ? staff(r, assertion, request, response) : candidate(r, assertion, request, response);
	}

	private Outcome staff(SamlRegistration r, SamlAssertion a, HttpServletRequest request, HttpServletResponse response) {
		SamlSettings.Registration s = r.settings();
		String username = blank(s.usernameAttribute()) ? a.nameId() : a.first(s.usernameAttribute());
		Set<String> privileges;
		try {
			privileges = Privileges.of(a.first(s.privilegesAttribute()), s.privilegeScope());
		}
		catch (SamlException e) {
			log.warn("SAML staff login refused: {}", e.getMessage());
			return new Refused("invalid");
		}
		Set<Role> roles = new LinkedHashSet<>();
		privileges.forEach(p -> Optional.ofNullable(s.privilegeRoles().get(p)).ifPresent(roles::add));
		if (roles.isEmpty()) {
			log.info("SAML staff login refused: no privilege that maps to a role");
			return new Refused("noPrivilege");
		}
		Optional<Role> role = staffLogins.forSaml(username, roles);
		if (role.isEmpty()) {
			log.info("SAML staff login refused: no active member of staff with this user name");
			return new Refused("unknownStaff");
		}
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username.strip(), null,
				StaffLogins.authorities(role.get())));
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		remember(r, a, request);
		return new SignedIn("/");
	}

	private Outcome candidate(SamlRegistration r, SamlAssertion a, HttpServletRequest request,
			HttpServletResponse response) {
		AssuranceLevel level = assurance(a.first(r.settings().loaAttribute()));
		if (!level.atLeast(CandidateLogins.REQUIRED)) {
			log.info("MitID login refused: level of assurance {}", level);
			return new Refused("lowAssurance");
		}
		String cprText = a.first(r.settings().cprAttribute());
		if (cprText == null || !Cpr.isValid(cprText)) {
			log.warn("MitID login refused: no valid CPR number in the assertion");
			return new Refused("invalid");
		}
		CandidateFinder finder = candidates.getIfAvailable();
		Optional<CandidateFinder.Found> found = finder == null ? Optional.empty() : finder.byCpr(Cpr.of(cprText));
		if (found.isEmpty()) {
			return new NoCase();
		}
		candidateLogins.signIn(new CandidateIdentity(found.get().candidateId(), found.get().firstName(), level),
				"MitID through NemLog-in (SAML)", request, response);
		remember(r, a, request);
		return new SignedIn(SessionCookies.CANDIDATE_PATH);
	}

	/**
	 * Keeps what single logout needs in the session, and indexes the session by registration and NameID (hashed, so
	 * the NameID is not in the clear in the session table) as its principal name, so that a LogoutRequest from the
	 * identity provider finds it on any node.
	 */
	private static void remember(SamlRegistration r, SamlAssertion a, HttpServletRequest request) {
		HttpSession session = request.getSession();
		session.setAttribute(SESSION_KEY, new SamlSession(r.id(), a.nameId(), a.nameIdFormat(), a.sessionIndex()));
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
				SamlIdpLogout.sessionIndexKey(r.id(), a.nameId()));
	}

	/** NemLog-in's values "Low", "Substantial", "High" (or a URI ending in one); anything else counts as low. */
	static AssuranceLevel assurance(String value) {
		if (value == null) {
			return AssuranceLevel.LOW;
		}
		String last = value.substring(value.lastIndexOf('/') + 1).strip().toUpperCase(Locale.ROOT);
		try {
			return AssuranceLevel.valueOf(last);
		}
		catch (IllegalArgumentException e) {
			return AssuranceLevel.LOW;
		}
	}

	/**
	 * Single logout, SP-initiated: when the session being ended came from a SAML login, the signed LogoutRequest's
	 * address (its id kept for this browser), else empty.
	 */
	Optional<String> startLogout(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(SESSION_KEY) instanceof SamlSession saml)) {
			return Optional.empty();
		}
		Optional<SamlRegistration> r = registration(saml.registration(), request);
		if (r.isEmpty() || blank(r.get().idpSloUrl())) {
			return Optional.empty();
		}
		SamlMessages.Sent sent = SamlMessages.logoutRequest(r.get(), clock.instant(), saml.nameId(), saml.nameIdFormat(),
				saml.sessionIndex());
		boolean secure = request.isSecure();
		response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE + "logout_" + r.get().id(), sent.id())
			.path(r.get().basePath())
			.httpOnly(true)
			.secure(secure)
			.sameSite(secure ? "None" : "Lax")
			.maxAge(Duration.ofMinutes(15))
			.build()
			.toString());
		return Optional.of(sent.redirectUrl());
	}

	/** The identity provider's LogoutResponse (Redirect or POST binding): checked; our session is already ended. */
	boolean finishLogout(SamlRegistration r, HttpServletRequest request, HttpServletResponse response) {
		String sentId = null;
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if ((COOKIE + "logout_" + r.id()).equals(c.getName())) {
					sentId = c.getValue();
				}
			}
		}
		response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE + "logout_" + r.id(), "")
			.path(r.basePath())
			.httpOnly(true)
			.maxAge(0)
			.build()
			.toString());
		try {
			if ("GET".equals(request.getMethod())) {
				Map<String, String> params = SamlSignatures
					.verifyRedirect(request.getQueryString(), "SAMLResponse", r.idpCertificates());
				return SamlResponses.checkLogoutResponse(SamlXml.fromRedirect(params.get("SAMLResponse")), r, sentId,
						false);
			}
			return SamlResponses.checkLogoutResponse(SamlXml.fromPost(request.getParameter("SAMLResponse")), r, sentId,
					true);
		}
		catch (SamlException e) {
			log.warn("SAML logout response refused ({}): {}", r.id(), e.getMessage());
			return false;
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
