package dk.vaerdig.access.internal.saml;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAML logins through the whole app over HTTP, with an identity provider played by the test: it reads our signed
 * AuthnRequest from the redirect, answers with a Response signed by its test key, and the browser posts it to our
 * ACS. Staff get the role their privileges map to; candidates get their own Min side at level "substantial" and are
 * refused below it; single logout sends a signed LogoutRequest.
 */
@IntegrationTest
@TestPropertySource(properties = { "vaerdig.access.saml.staff.enabled=true",
		"vaerdig.access.saml.staff.sp-key=classpath:saml/sp-key.pem",
		"vaerdig.access.saml.staff.sp-certificate=classpath:saml/sp-cert.pem",
		"vaerdig.access.saml.staff.idp-entity-id=https\\://idp.test/saml",
		"vaerdig.access.saml.staff.idp-sso-url=https\\://idp.test/sso",
		"vaerdig.access.saml.staff.idp-slo-url=https\\://idp.test/slo",
		"vaerdig.access.saml.staff.idp-certificate=classpath:saml/idp-cert.pem",
		"vaerdig.access.saml.staff.privilege-roles[http\\://vaerdig.dk/roles/teamlead]=TEAM_LEAD",
		"vaerdig.access.saml.staff.privilege-roles[http\\://vaerdig.dk/roles/caseworker]=CASEWORKER",
		"vaerdig.access.saml.mitid.enabled=true", "vaerdig.access.saml.mitid.sp-key=classpath:saml/sp-key.pem",
		"vaerdig.access.saml.mitid.sp-certificate=classpath:saml/sp-cert.pem",
		"vaerdig.access.saml.mitid.idp-entity-id=https\\://idp.test/saml",
		"vaerdig.access.saml.mitid.idp-sso-url=https\\://idp.test/sso",
		"vaerdig.access.saml.mitid.idp-slo-url=https\\://idp.test/slo",
		"vaerdig.access.saml.mitid.idp-certificate=classpath:saml/idp-cert.pem" })
class SamlLoginIntegrationTest {

	static final String PRIVILEGES = "dk:gov:saml:attribute:Privileges_intermediate";

	static final String CPR = "https://data.gov.dk/model/core/eid/cprNumber";

	static final String LOA = "https://data.gov.dk/concept/core/nsis/loa";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@LocalServerPort
	int port;

	String base() {
		return "http://localhost:" + port;
	}

	String newCaseworker() {
		String username = "saml" + System.nanoTime();
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, role, team_id)
				SELECT ?, 'Saml Prøve', 'CASEWORKER', team_id FROM staff_user WHERE username = 'sagsbehandler'""")
			.param(username)
			.update();
		return username;
	}

	static String privileges(String... uris) {
		StringBuilder xml = new StringBuilder(
				"<bpp:PrivilegeList xmlns:bpp=\"http://itst.dk/oiosaml/basic_privilege_profile\"><PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:29189846\">");
		for (String uri : uris) {
			xml.append("<Privilege>").append(uri).append("</Privilege>");
		}
		return Base64.getEncoder()
			.encodeToString(xml.append("</PrivilegeGroup></bpp:PrivilegeList>").toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Starts a login as the browser does, checks our AuthnRequest's signature, and returns its id. */
	static String startLogin(WebSession browser, String path) {
		HttpResponse<byte[]> start = browser.get(path);
		assertThat(start.statusCode()).isEqualTo(302);
		String location = start.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("https://idp.test/sso?SAMLRequest=");
		Map<String, String> params = SamlSignatures.verifyRedirect(location.substring(location.indexOf('?') + 1),
				"SAMLRequest", List.of(TestIdentityProvider.certificate("sp")));
		Document request = SamlXml.fromRedirect(params.get("SAMLRequest"));
		assertThat(request.getDocumentElement().getLocalName()).isEqualTo("AuthnRequest");
		return request.getDocumentElement().getAttribute("ID");
	}

	TestIdentityProvider.Response answer(String requestId, String basePath) {
		TestIdentityProvider.Response r = new TestIdentityProvider.Response(requestId, Instant.now());
		r.destination = base() + basePath + "/acs";
		r.recipient = r.destination;
		r.audience = base() + basePath + "/metadata";
		return r;
	}

	@Test
	void staffLogInWithTheRoleTheirPrivilegeMapsTo() {
		String username = newCaseworker();
		WebSession browser = WebSession.anonymous(URI.create(base()));
		TestIdentityProvider.Response r = answer(startLogin(browser, "/saml/staff/login"), "/saml/staff");
		r.nameId = username;
		r.attributes.put(PRIVILEGES, privileges("http://vaerdig.dk/roles/teamlead", "http://unknown.test/x"));
		HttpResponse<byte[]> acs = browser.post("/saml/staff/acs", Map.of("SAMLResponse", r.base64(r.signed(true, true, "idp"))));
		assertThat(acs.statusCode()).isEqualTo(302);
		assertThat(acs.headers().firstValue("Location").orElseThrow()).isEqualTo(base() + "/");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT role FROM staff_user WHERE username = ?").param(username).query(String.class).single())
			.isEqualTo("TEAM_LEAD");
		// a candidate page is not reached with the staff login
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(302);

		// the same response again: refused (no request of this browser waits for it, and the assertion was used)
		HttpResponse<byte[]> again = browser.post("/saml/staff/acs", Map.of("SAMLResponse", r.base64(r.signed(true, true, "idp"))));
		assertThat(again.statusCode()).isEqualTo(403);

		// single logout: a signed LogoutRequest for this NameID goes to the identity provider
		HttpResponse<byte[]> logout = browser.post("/logout", Map.of("_csrf", browser.csrf(browser.get("/"), "/logout")));
		String location = logout.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("https://idp.test/slo?SAMLRequest=");
		Map<String, String> params = SamlSignatures.verifyRedirect(location.substring(location.indexOf('?') + 1),
				"SAMLRequest", List.of(TestIdentityProvider.certificate("sp")));
		Document logoutRequest = SamlXml.fromRedirect(params.get("SAMLRequest"));
		assertThat(logoutRequest.getDocumentElement().getLocalName()).isEqualTo("LogoutRequest");
		assertThat(SamlXml.all(logoutRequest, SamlXml.ASSERTION, "NameID").get(0).getTextContent()).isEqualTo(username);
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		// the identity provider's signed LogoutResponse is accepted back
		String logoutResponse = "<samlp:LogoutResponse xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\""
				+ SamlXml.ASSERTION + "\" ID=\"lr1\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\" InResponseTo=\""
				+ logoutRequest.getDocumentElement().getAttribute("ID") + "\"><saml:Issuer>" + TestIdentityProvider.IDP_ENTITY_ID
				+ "</saml:Issuer><samlp:Status><samlp:StatusCode Value=\"" + SamlXml.SUCCESS + "\"/></samlp:Status></samlp:LogoutResponse>";
		HttpResponse<byte[]> back = browser.get("/saml/staff/logout?" + SamlSignatures.signedQuery("SAMLResponse",
				SamlXml.deflateBase64(logoutResponse), null, TestIdentityProvider.key("idp")));
		assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
	}

	/** The identity provider's LogoutRequest for this NameID, to our logout address under this path. */
	String idpLogoutRequest(String basePath, String nameId, String sessionIndex) {
		return "<samlp:LogoutRequest xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION
				+ "\" ID=\"" + SamlMessages.newId() + "\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\" Destination=\""
				+ base() + basePath + "/logout\"><saml:Issuer>" + TestIdentityProvider.IDP_ENTITY_ID + "</saml:Issuer><saml:NameID>"
				+ nameId + "</saml:NameID><samlp:SessionIndex>" + sessionIndex + "</samlp:SessionIndex></samlp:LogoutRequest>";
	}

	@Test
	void aLogoutStartedByTheIdentityProviderEndsTheStaffSessionOnlyWhenSignedByIt() {
		String username = newCaseworker();
		WebSession browser = WebSession.anonymous(URI.create(base()));
		TestIdentityProvider.Response r = answer(startLogin(browser, "/saml/staff/login"), "/saml/staff");
		r.nameId = username;
		r.attributes.put(PRIVILEGES, privileges("http://vaerdig.dk/roles/caseworker"));
		assertThat(browser.post("/saml/staff/acs", Map.of("SAMLResponse", r.base64(r.signed(true, false, "idp")))).statusCode())
			.isEqualTo(302);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		// the identity provider's front channel, in another browser (or tab without our cookie): the session is found
		// in the session table, as on another node
		WebSession idp = WebSession.anonymous(URI.create(base()));
		String request = idpLogoutRequest("/saml/staff", username, "s1");
		HttpResponse<byte[]> forged = idp.get("/saml/staff/logout?" + SamlSignatures.signedQuery("SAMLRequest",
				SamlXml.deflateBase64(request), null, TestIdentityProvider.key("attacker")));
		assertThat(forged.statusCode()).isEqualTo(403);
		HttpResponse<byte[]> otherSession = idp.get("/saml/staff/logout?" + SamlSignatures.signedQuery("SAMLRequest",
				SamlXml.deflateBase64(idpLogoutRequest("/saml/staff", username, "another-session")), null,
				TestIdentityProvider.key("idp")));
		assertThat(otherSession.statusCode()).isEqualTo(302);
		assertThat(browser.get("/").statusCode()).as("a LogoutRequest for another session index ends nothing").isEqualTo(200);
		HttpResponse<byte[]> logout = idp.get("/saml/staff/logout?" + SamlSignatures.signedQuery("SAMLRequest",
				SamlXml.deflateBase64(request), "relay-1", TestIdentityProvider.key("idp")));
		assertThat(logout.statusCode()).isEqualTo(302);
		String location = logout.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("https://idp.test/slo?SAMLResponse=");
		Map<String, String> params = SamlSignatures.verifyRedirect(location.substring(location.indexOf('?') + 1),
				"SAMLResponse", List.of(TestIdentityProvider.certificate("sp")));
		assertThat(params.get("RelayState")).isEqualTo("relay-1");
		Document answer = SamlXml.fromRedirect(params.get("SAMLResponse"));
		assertThat(answer.getDocumentElement().getLocalName()).isEqualTo("LogoutResponse");
		assertThat(SamlXml.all(answer, SamlXml.PROTOCOL, "StatusCode").get(0).getAttribute("Value")).isEqualTo(SamlXml.SUCCESS);
		assertThat(browser.get("/").statusCode()).as("the staff session is ended").isEqualTo(302);
	}

	@Test
	void aLogoutStartedByTheIdentityProviderEndsTheCandidateSessionThroughThePostBinding() {
		TestCandidates.Made me = candidates.make("sagsbehandler");
		WebSession browser = WebSession.anonymous(URI.create(base()));
		TestIdentityProvider.Response r = answer(startLogin(browser, "/min-side/saml/login"), "/min-side/saml");
		r.nameId = "https://data.gov.dk/model/core/eid/person/uuid/" + java.util.UUID.randomUUID();
		r.attributes.put(CPR, me.cpr().replace("-", ""));
		r.attributes.put(LOA, "Substantial");
		assertThat(browser.post("/min-side/saml/acs", Map.of("SAMLResponse", r.base64(r.signed(true, false, "idp"))))
			.statusCode()).isEqualTo(302);
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(200);
		WebSession idp = WebSession.anonymous(URI.create(base()));
		Document unsigned = SamlXml.parse(idpLogoutRequest("/min-side/saml", r.nameId, "s1").getBytes(StandardCharsets.UTF_8));
		assertThat(idp.post("/min-side/saml/logout", Map.of("SAMLRequest", r.base64(unsigned))).statusCode()).isEqualTo(403);
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(200);
		Document signed = SamlXml.parse(idpLogoutRequest("/min-side/saml", r.nameId, "s1").getBytes(StandardCharsets.UTF_8));
		TestIdentityProvider.sign(signed.getDocumentElement(), TestIdentityProvider.key("idp"),
				TestIdentityProvider.certificate("idp"));
		HttpResponse<byte[]> logout = idp.post("/min-side/saml/logout", Map.of("SAMLRequest", r.base64(signed)));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith("https://idp.test/slo?SAMLResponse=");
		assertThat(browser.get("/min-side").statusCode()).as("the candidate's session is ended").isEqualTo(302);
	}

	@Test
	void staffWithoutAPrivilegeForVaerdigAreRefusedWithAClearPage() {
		String username = newCaseworker();
		WebSession browser = WebSession.anonymous(URI.create(base()));
		TestIdentityProvider.Response r = answer(startLogin(browser, "/saml/staff/login"), "/saml/staff");
		r.nameId = username;
		r.attributes.put(PRIVILEGES, privileges("http://unknown.test/x"));
		HttpResponse<byte[]> acs = browser.post("/saml/staff/acs", Map.of("SAMLResponse", r.base64(r.signed(true, false, "idp"))));
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(WebSession.text(acs)).contains("Du har ingen rettighed til Værdig");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void staffUnknownToVaerdigAreNotCreated() {
		WebSession browser = WebSession.anonymous(URI.create(base()));
		TestIdentityProvider.Response r = answer(startLogin(browser, "/saml/staff/login"), "/saml/staff");
		r.nameId = "nobody" + System.nanoTime();
		r.attributes.put(PRIVILEGES, privileges("http://vaerdig.dk/roles/caseworker"));
		HttpResponse<byte[]> acs = browser.post("/saml/staff/acs", Map.of("SAMLResponse", r.base64(r.signed(true, false, "idp"))));
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(WebSession.text(acs)).contains("Du er ikke oprettet som aktiv bruger");
		assertThat(jdbc.sql("SELECT count(*) FROM staff_user WHERE username = ?").param(r.nameId).query(Long.class).single())
			.isZero();
	}

	@Test
	void aResponseSignedByAnotherKeyIsRefused() {
		String username = newCaseworker();
		WebSession browser = WebSession.anonymous(URI.create(base()));
		TestIdentityProvider.Response r = answer(startLogin(browser, "/saml/staff/login"), "/saml/staff");
		r.nameId = username;
		r.attributes.put(PRIVILEGES, privileges("http://vaerdig.dk/roles/caseworker"));
		HttpResponse<byte[]> acs = browser.post("/saml/staff/acs",
				Map.of("SAMLResponse", r.base64(r.signed(true, true, "attacker"))));
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(WebSession.text(acs)).contains("kunne ikke godkendes");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void aCandidateLogsInWithMitIdAndSeesTheirOwnPage() {
		TestCandidates.Made me = candidates.make("sagsbehandler");
		WebSession browser = WebSession.anonymous(URI.create(base()));
		assertThat(WebSession.text(browser.get("/min-side/login"))).contains("Log ind med MitID");
		TestIdentityProvider.Response r = answer(startLogin(browser, "/min-side/saml/login"), "/min-side/saml");
		r.nameId = "https://data.gov.dk/model/core/eid/person/uuid/" + java.util.UUID.randomUUID();
		r.attributes.put(CPR, me.cpr().replace("-", ""));
		r.attributes.put(LOA, "Substantial");
		HttpResponse<byte[]> acs = browser.post("/min-side/saml/acs",
				Map.of("SAMLResponse", r.base64(r.signed(true, false, "idp"))));
		assertThat(acs.statusCode()).isEqualTo(302);
		assertThat(acs.headers().firstValue("Location").orElseThrow()).isEqualTo(base() + "/min-side");
		HttpResponse<byte[]> page = browser.get("/min-side");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(WebSession.text(page)).contains(me.firstName());
		// the login is in the audit log with the candidate's id as actor, and the CPR number nowhere in it
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'SIGN_IN' AND detail LIKE '%MitID%'")
			.param("candidate:" + me.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor || coalesce(detail, '') LIKE ? OR actor || coalesce(detail, '') LIKE ?")
			.params("%" + me.cpr() + "%", "%" + me.cpr().replace("-", "") + "%")
			.query(Long.class)
			.single()).isZero();
		// and the staff pages do not see the candidate's login
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void aCandidateBelowSubstantialIsRefusedKindly() {
		TestCandidates.Made me = candidates.make("sagsbehandler");
		WebSession browser = WebSession.anonymous(URI.create(base()));
		TestIdentityProvider.Response r = answer(startLogin(browser, "/min-side/saml/login"), "/min-side/saml");
		r.attributes.put(CPR, me.cpr().replace("-", ""));
		r.attributes.put(LOA, "Low");
		HttpResponse<byte[]> acs = browser.post("/min-side/saml/acs",
				Map.of("SAMLResponse", r.base64(r.signed(true, false, "idp"))));
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(WebSession.text(acs)).contains("Du skal logge ind med MitID på en sikrere måde");
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(302);
	}

	@Test
	void aPersonWithNoCaseGetsTheFriendlyNoCasePage() {
		WebSession browser = WebSession.anonymous(URI.create(base()));
		TestIdentityProvider.Response r = answer(startLogin(browser, "/min-side/saml/login"), "/min-side/saml");
		r.attributes.put(CPR, "0101605000"); // born 1860: no demo or test candidate
		r.attributes.put(LOA, "High");
		HttpResponse<byte[]> acs = browser.post("/min-side/saml/acs",
				Map.of("SAMLResponse", r.base64(r.signed(true, false, "idp"))));
		assertThat(acs.statusCode()).isEqualTo(200);
		assertThat(WebSession.text(acs)).contains("Vi kan ikke finde et forløb til dig");
	}

	@Test
	void publishesMetadataWithOurCertificateAndAddresses() {
		WebSession browser = WebSession.anonymous(URI.create(base()));
		String metadata = WebSession.text(browser.get("/saml/staff/metadata"));
		assertThat(metadata).contains("entityID=\"" + base() + "/saml/staff/metadata\"")
			.contains("Location=\"" + base() + "/saml/staff/acs\"")
			.contains("AuthnRequestsSigned=\"true\"");
		assertThat(WebSession.text(browser.get("/min-side/saml/metadata"))).contains(base() + "/min-side/saml/acs");
	}
}
