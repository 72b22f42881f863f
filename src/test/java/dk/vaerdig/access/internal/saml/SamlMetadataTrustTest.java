package dk.vaerdig.access.internal.saml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.w3c.dom.Document;

import static dk.vaerdig.access.internal.saml.TestIdentityProvider.certificate;
import static dk.vaerdig.access.internal.saml.TestIdentityProvider.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identity provider's metadata, read from a file: with a trust certificate configured, only metadata signed by it
 * is used (unsigned, signed by another key, changed after signing or expired metadata is refused).
 */
class SamlMetadataTrustTest {

	@TempDir
	Path dir;

	static String metadata(String validUntil) throws Exception {
		String cert = Base64.getEncoder().encodeToString(certificate("idp").getEncoded());
		return "<md:EntityDescriptor xmlns:md=\"" + SamlXml.METADATA + "\" xmlns:ds=\"" + SamlXml.DSIG
				+ "\" ID=\"md1\" entityID=\"https://idp.test/saml\"" + (validUntil == null ? "" : " validUntil=\"" + validUntil + "\"")
				+ "><md:IDPSSODescriptor protocolSupportEnumeration=\"" + SamlXml.PROTOCOL + "\">"
				+ "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + cert
				+ "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
				+ "<md:SingleSignOnService Binding=\"" + SamlXml.REDIRECT_BINDING + "\" Location=\"https://idp.test/sso\"/>"
				+ "</md:IDPSSODescriptor></md:EntityDescriptor>";
	}

	static Document signed(String xml, String by) {
		Document doc = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
		TestIdentityProvider.sign(doc.getDocumentElement(), key(by), certificate(by));
		return doc;
	}

	SamlRegistration load(String metadataXml, boolean trust) throws Exception {
		Path file = dir.resolve("idp-metadata.xml");
		Files.writeString(file, metadataXml);
		SamlSettings.Registration s = new SamlSettings.Registration(true, null, "classpath:saml/sp-key.pem",
				"classpath:saml/sp-cert.pem", file.toUri().toString(), null, null, null, null, null, null,
				"dk:gov:saml:attribute:Privileges_intermediate", null, Map.of(), "cpr", "loa", null, null, null, false,
				trust ? "classpath:saml/idp-cert.pem" : null);
		return SamlRegistration.load("staff", "/saml/staff", "https://vaerdig.test", s, new DefaultResourceLoader());
	}

	@Test
	void usesMetadataSignedByTheTrustedCertificate() throws Exception {
		SamlRegistration r = load(SamlXml.toString(signed(metadata("2099-01-01T00:00:00Z"), "idp")), true);
		assertThat(r.idpEntityId()).isEqualTo("https://idp.test/saml");
		assertThat(r.idpSsoUrl()).isEqualTo("https://idp.test/sso");
		assertThat(r.idpCertificates()).containsExactly(certificate("idp"));
	}

	@Test
	void refusesUnsignedMetadataWhenATrustCertificateIsSet() throws Exception {
		assertThatThrownBy(() -> load(metadata(null), true)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("is refused")
			.hasMessageContaining("not signed");
		// without a trust certificate, unsigned metadata is read as before
		assertThat(load(metadata(null), false).idpEntityId()).isEqualTo("https://idp.test/saml");
	}

	@Test
	void refusesMetadataSignedByAnotherKeyOrChangedAfterSigning() throws Exception {
		assertThatThrownBy(() -> load(SamlXml.toString(signed(metadata(null), "attacker")), true))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("does not verify");
		String changed = SamlXml.toString(signed(metadata(null), "idp")).replace("https://idp.test/sso", "https://evil.test/sso");
		assertThatThrownBy(() -> load(changed, true)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("does not verify");
	}

	@Test
	void refusesExpiredMetadata() throws Exception {
		String expired = SamlXml.toString(signed(metadata(Instant.now().minusSeconds(60).toString()), "idp"));
		assertThatThrownBy(() -> load(expired, true)).isInstanceOf(IllegalStateException.class).hasMessageContaining("expired");
	}
}
