package dk.vaerdig.access.internal.saml;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks of a SAML Response at our ACS, with responses built and signed in the test by a test identity provider
 * (no Keycloak needed): each rule refuses what breaks it.
 */
class SamlResponsesTest {

	static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	static final Duration SKEW = Duration.ofSeconds(60);

	final SamlRegistration registration = TestIdentityProvider.registration();

	final Set<String> seen = new HashSet<>();

	final SamlResponses.Replay replay = (r, id, expires) -> seen.add(id);

	TestIdentityProvider.Response response() {
		TestIdentityProvider.Response r = new TestIdentityProvider.Response("req1", NOW);
		r.attributes.put("dk:gov:saml:attribute:Privileges_intermediate", "x");
		return r;
	}

	SamlAssertion check(Document doc) {
		return check(doc, NOW);
	}

	SamlAssertion check(Document doc, Instant at) {
		// through the wire format, as the ACS gets it
		String base64 = Base64.getEncoder().encodeToString(SamlXml.toString(doc).getBytes(StandardCharsets.UTF_8));
		return SamlResponses.check(SamlXml.fromPost(base64), registration, Set.of("req1"), at, SKEW, replay);
	}

	@Test
	void acceptsAnAssertionSignedByTheIdentityProvider() {
		SamlAssertion a = check(response().signed(true, false, "idp"));
		assertThat(a.nameId()).isEqualTo("caseworker1");
		assertThat(a.sessionIndex()).isEqualTo("s1");
		assertThat(a.first("dk:gov:saml:attribute:Privileges_intermediate")).isEqualTo("x");
	}

	@Test
	void acceptsAResponseSignedByTheIdentityProviderAndBoth() {
		assertThat(check(response().signed(false, true, "idp")).nameId()).isEqualTo("caseworker1");
		assertThat(check(response().signed(true, true, "idp")).nameId()).isEqualTo("caseworker1");
	}

	@Test
	void refusesAnUnsignedResponse() {
		assertThatThrownBy(() -> check(response().document())).isInstanceOf(SamlException.class)
			.hasMessageContaining("neither");
	}

	@Test
	void refusesASignatureByAnotherKey() {
		assertThatThrownBy(() -> check(response().signed(true, false, "attacker"))).isInstanceOf(SamlException.class)
			.hasMessageContaining("does not verify");
		assertThatThrownBy(() -> check(response().signed(false, true, "attacker"))).isInstanceOf(SamlException.class);
	}

	@Test
	void refusesAnAssertionChangedAfterSigning() {
		Document doc = response().signed(true, false, "idp");
		Element nameId = SamlXml.all(doc, SamlXml.ASSERTION, "NameID").get(0);
		nameId.setTextContent("admin");
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class).hasMessageContaining("does not verify");
	}

	@Test
	void refusesAResponseChangedAfterSigning() {
		Document doc = response().signed(false, true, "idp");
		SamlXml.all(doc, SamlXml.ASSERTION, "Audience").get(0).setTextContent(TestIdentityProvider.SP_ENTITY_ID + "x");
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class);
	}

	@Test
	void refusesSignatureWrappingWithASecondAssertion() {
		// XSW: the signed assertion is kept (inside an evil one's Extensions-like place), an unsigned one is read
		Document doc = response().signed(true, false, "idp");
		Element response = doc.getDocumentElement();
		Element signed = SamlXml.child(response, SamlXml.ASSERTION, "Assertion");
		Element evil = (Element) signed.cloneNode(true);
		evil.setAttribute("ID", "evil");
		SamlXml.all(doc, SamlXml.ASSERTION, "NameID").get(0).setTextContent("admin");
		evil.removeChild(SamlXml.child(evil, SamlXml.DSIG, "Signature"));
		response.replaceChild(evil, signed);
		evil.appendChild(signed);
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class).hasMessageContaining("exactly one Assertion");
	}

	@Test
	void refusesASignatureThatReferencesAnotherElement() {
		// the response's signature is moved onto the assertion: it references the response, not the assertion
		Document doc = response().signed(false, true, "idp");
		Element response = doc.getDocumentElement();
		Element signature = SamlXml.child(response, SamlXml.DSIG, "Signature");
		Element assertion = SamlXml.child(response, SamlXml.ASSERTION, "Assertion");
		response.removeChild(signature);
		assertion.appendChild(signature);
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class)
			.hasMessageContaining("does not reference the signed element");
	}

	@Test
	void refusesADuplicatedId() {
		TestIdentityProvider.Response r = response();
		r.responseId = r.assertionId;
		assertThatThrownBy(() -> check(r.signed(true, false, "idp"))).isInstanceOf(SamlException.class)
			.hasMessageContaining("ID not unique");
	}

	@Test
	void refusesAnotherAudience() {
		TestIdentityProvider.Response r = response();
		r.audience = "https://another-service.test";
		assertThatThrownBy(() -> check(r.signed(true, true, "idp"))).isInstanceOf(SamlException.class)
			.hasMessageContaining("Audience");
	}

	@Test
	void refusesAnotherDestinationOrRecipient() {
		TestIdentityProvider.Response d = response();
		d.destination = "https://elsewhere.test/acs";
		assertThatThrownBy(() -> check(d.signed(true, true, "idp"))).hasMessageContaining("Destination");
		TestIdentityProvider.Response r = response();
		r.recipient = "https://elsewhere.test/acs";
		assertThatThrownBy(() -> check(r.signed(true, true, "idp"))).hasMessageContaining("Recipient");
	}

	@Test
	void refusesAnotherIssuer() {
		TestIdentityProvider.Response r = response();
		r.issuer = "https://evil.test";
		assertThatThrownBy(() -> check(r.signed(true, false, "idp"))).hasMessageContaining("Issuer");
	}

	@Test
	void refusesAResponseToARequestWeDidNotSend() {
		TestIdentityProvider.Response r = response();
		r.inResponseTo = "someone-elses-request";
		assertThatThrownBy(() -> check(r.signed(true, true, "idp"))).hasMessageContaining("InResponseTo");
	}

	@Test
	void refusesAnExpiredAssertionButAllowsTheSkew() {
		Document doc = response().signed(true, false, "idp");
		assertThatThrownBy(() -> check(doc, NOW.plusSeconds(300 + 61))).hasMessageContaining("expired");
		assertThat(check(doc, NOW.plusSeconds(300 + 59)).nameId()).isEqualTo("caseworker1");
	}

	@Test
	void refusesAnAssertionNotYetValid() {
		Document doc = response().signed(true, false, "idp");
		assertThatThrownBy(() -> check(doc, NOW.minusSeconds(5 + 61))).hasMessageContaining("not yet valid");
	}

	@Test
	void refusesTheSameAssertionTwice() {
		Document doc = response().signed(true, false, "idp");
		check(doc);
		assertThatThrownBy(() -> check(doc)).hasMessageContaining("replay");
	}

	@Test
	void refusesAFailureStatus() {
		TestIdentityProvider.Response r = response();
		r.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
		assertThatThrownBy(() -> check(r.signed(false, true, "idp"))).hasMessageContaining("status");
	}

	@Test
	void refusesADoctype() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
		assertThatThrownBy(() -> SamlXml.parse(xxe.getBytes(StandardCharsets.UTF_8))).isInstanceOf(SamlException.class);
	}

	@Test
	void readsThePrivilegesOfTheBasicPrivilegeProfile() {
		String list = """
				<bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">
				  <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189846">
				    <Privilege>http://vaerdig.dk/roles/caseworker</Privilege>
				  </PrivilegeGroup>
				  <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:11111111">
				    <Privilege>http://vaerdig.dk/roles/admin</Privilege>
				  </PrivilegeGroup>
				</bpp:PrivilegeList>""";
		String base64 = Base64.getEncoder().encodeToString(list.getBytes(StandardCharsets.UTF_8));
		assertThat(Privileges.of(base64, null)).containsExactly("http://vaerdig.dk/roles/caseworker",
				"http://vaerdig.dk/roles/admin");
		assertThat(Privileges.of(base64, "urn:dk:gov:saml:cvrNumberIdentifier:29189846"))
			.containsExactly("http://vaerdig.dk/roles/caseworker");
		assertThat(Privileges.of(null, null)).isEmpty();
	}

	@Test
	void signsTheRedirectBindingSoThatItVerifies() {
		SamlMessages.Sent sent = SamlMessages.authnRequest(registration, NOW, "r");
		String query = sent.redirectUrl().substring(sent.redirectUrl().indexOf('?') + 1);
		var params = SamlSignatures.verifyRedirect(query, "SAMLRequest",
				java.util.List.of(TestIdentityProvider.certificate("sp")));
		Document request = SamlXml.fromRedirect(params.get("SAMLRequest"));
		assertThat(request.getDocumentElement().getAttribute("ID")).isEqualTo(sent.id());
		assertThat(request.getDocumentElement().getAttribute("AssertionConsumerServiceURL"))
			.isEqualTo(TestIdentityProvider.ACS);
		assertThatThrownBy(() -> SamlSignatures.verifyRedirect(query.replace("RelayState=r", "RelayState=s"), "SAMLRequest",
				java.util.List.of(TestIdentityProvider.certificate("sp")))).hasMessageContaining("does not verify");
	}
}
