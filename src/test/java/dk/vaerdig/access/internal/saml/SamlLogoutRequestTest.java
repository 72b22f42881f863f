package dk.vaerdig.access.internal.saml;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static dk.vaerdig.access.internal.saml.SamlResponsesTest.NOW;
import static dk.vaerdig.access.internal.saml.SamlResponsesTest.SKEW;
import static dk.vaerdig.access.internal.saml.TestIdentityProvider.certificate;
import static dk.vaerdig.access.internal.saml.TestIdentityProvider.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identity provider's LogoutRequest (logout it started), in both bindings: only a signed one from it counts. */
class SamlLogoutRequestTest {

	final SamlRegistration registration = TestIdentityProvider.registration();

	static String logoutRequest(String issuer, Instant issued, String... sessionIndexes) {
		StringBuilder indexes = new StringBuilder();
		for (String index : sessionIndexes) {
			indexes.append("<samlp:SessionIndex>").append(index).append("</samlp:SessionIndex>");
		}
		return "<samlp:LogoutRequest xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION
				+ "\" ID=\"idp-lr1\" Version=\"2.0\" IssueInstant=\"" + issued + "\" Destination=\""
				+ "https://vaerdig.test/saml/staff/logout\"><saml:Issuer>" + issuer + "</saml:Issuer>"
				+ "<saml:NameID>caseworker1</saml:NameID>" + indexes + "</samlp:LogoutRequest>";
	}

	static Document signed(String xml, String by) {
		Document doc = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
		TestIdentityProvider.sign(doc.getDocumentElement(), key(by), certificate(by));
		return doc;
	}

	SamlResponses.LogoutRequested post(Document doc) {
		String base64 = java.util.Base64.getEncoder().encodeToString(SamlXml.toString(doc).getBytes(StandardCharsets.UTF_8));
		return SamlResponses.checkLogoutRequest(SamlXml.fromPost(base64), registration, true, NOW, SKEW);
	}

	SamlResponses.LogoutRequested redirect(String xml, String signedBy) {
		String query = SamlSignatures.signedQuery("SAMLRequest", SamlXml.deflateBase64(xml), "rs1", key(signedBy));
		Map<String, String> params = SamlSignatures.verifyRedirect(query, "SAMLRequest", registration.idpCertificates());
		assertThat(params.get("RelayState")).isEqualTo("rs1");
		return SamlResponses.checkLogoutRequest(SamlXml.fromRedirect(params.get("SAMLRequest")), registration, false, NOW,
				SKEW);
	}

	@Test
	void readsASignedLogoutRequestInBothBindings() {
		SamlResponses.LogoutRequested posted = post(signed(logoutRequest(TestIdentityProvider.IDP_ENTITY_ID, NOW, "s1"), "idp"));
		assertThat(posted.id()).isEqualTo("idp-lr1");
		assertThat(posted.nameId()).isEqualTo("caseworker1");
		assertThat(posted.sessionIndexes()).containsExactly("s1");
		assertThat(redirect(logoutRequest(TestIdentityProvider.IDP_ENTITY_ID, NOW), "idp").sessionIndexes()).isEmpty();
	}

	@Test
	void refusesAnUnsignedOrBadlySignedLogoutRequest() {
		String xml = logoutRequest(TestIdentityProvider.IDP_ENTITY_ID, NOW);
		assertThatThrownBy(() -> post(SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8)))).isInstanceOf(SamlException.class)
			.hasMessageContaining("not signed");
		assertThatThrownBy(() -> post(signed(xml, "attacker"))).isInstanceOf(SamlException.class)
			.hasMessageContaining("does not verify");
		assertThatThrownBy(() -> redirect(xml, "attacker")).isInstanceOf(SamlException.class)
			.hasMessageContaining("redirect signature does not verify");
		assertThatThrownBy(() -> SamlSignatures.verifyRedirect("SAMLRequest=" + SamlSignatures.encode(SamlXml.deflateBase64(xml)),
				"SAMLRequest", List.of(certificate("idp")))).isInstanceOf(SamlException.class).hasMessageContaining("not signed");
		Document changed = signed(xml, "idp");
		SamlXml.all(changed, SamlXml.ASSERTION, "NameID").get(0).setTextContent("teamleder");
		assertThatThrownBy(() -> post(changed)).isInstanceOf(SamlException.class).hasMessageContaining("does not verify");
	}

	@Test
	void refusesALogoutRequestFromAnotherIssuer() {
		assertThatThrownBy(() -> post(signed(logoutRequest("https://other-idp.test", NOW), "idp")))
			.isInstanceOf(SamlException.class)
			.hasMessageContaining("Issuer is not the identity provider");
		assertThatThrownBy(() -> redirect(logoutRequest("https://other-idp.test", NOW), "idp")).isInstanceOf(SamlException.class)
			.hasMessageContaining("Issuer is not the identity provider");
	}

	@Test
	void refusesAnOldLogoutRequest() {
		assertThatThrownBy(() -> post(signed(logoutRequest(TestIdentityProvider.IDP_ENTITY_ID, NOW.minusSeconds(600)), "idp")))
			.isInstanceOf(SamlException.class)
			.hasMessageContaining("IssueInstant");
	}

	@Test
	void ourLogoutResponseIsSignedAndAnswersTheRequest() {
		SamlMessages.Sent sent = SamlMessages.logoutResponse(registration, NOW, "idp-lr1", "rs1");
		String url = sent.redirectUrl();
		assertThat(url).startsWith("https://idp.test/slo?SAMLResponse=");
		Map<String, String> params = SamlSignatures.verifyRedirect(url.substring(url.indexOf('?') + 1), "SAMLResponse",
				List.of(certificate("sp")));
		assertThat(params.get("RelayState")).isEqualTo("rs1");
		Document response = SamlXml.fromRedirect(params.get("SAMLResponse"));
		assertThat(response.getDocumentElement().getLocalName()).isEqualTo("LogoutResponse");
		assertThat(response.getDocumentElement().getAttribute("InResponseTo")).isEqualTo("idp-lr1");
		assertThat(SamlXml.all(response, SamlXml.PROTOCOL, "StatusCode").get(0).getAttribute("Value")).isEqualTo(SamlXml.SUCCESS);
	}
}
