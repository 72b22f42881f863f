package dk.vaerdig.access.internal.saml;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.xml.security.encryption.XMLCipher;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static dk.vaerdig.access.internal.saml.SamlResponsesTest.NOW;
import static dk.vaerdig.access.internal.saml.SamlResponsesTest.SKEW;
import static dk.vaerdig.access.internal.saml.TestIdentityProvider.certificate;
import static dk.vaerdig.access.internal.saml.TestIdentityProvider.encryptAssertion;
import static dk.vaerdig.access.internal.saml.TestIdentityProvider.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encrypted assertions at our ACS, encrypted in the test as NemLog-in and KOMBIT do (AES-GCM, the key under
 * RSA-OAEP to our certificate): decrypted with our key, then held to every check of a plain assertion.
 */
class SamlDecryptionTest {

	final Set<String> seen = new HashSet<>();

	TestIdentityProvider.Response response() {
		return new TestIdentityProvider.Response("req1", NOW);
	}

	SamlAssertion check(Document doc) {
		return check(doc, TestIdentityProvider.registration());
	}

	SamlAssertion check(Document doc, SamlRegistration registration) {
		String base64 = Base64.getEncoder().encodeToString(SamlXml.toString(doc).getBytes(StandardCharsets.UTF_8));
		return SamlResponses.check(SamlXml.fromPost(base64), registration, Set.of("req1"), NOW, SKEW,
				(r, id, expires) -> seen.add(id));
	}

	/** A response whose assertion is signed by the identity provider, then encrypted as given. */
	Document signedThenEncrypted(String to, String data, String keyTransport) {
		Document doc = response().signed(true, false, "idp");
		encryptAssertion(doc, certificate(to), data, keyTransport);
		return doc;
	}

	@Test
	void readsASignedAssertionEncryptedToOurCertificate() {
		Document doc = signedThenEncrypted("sp", XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
		assertThat(SamlXml.toString(doc)).contains("EncryptedAssertion").doesNotContain("caseworker1");
		SamlAssertion a = check(doc);
		assertThat(a.nameId()).isEqualTo("caseworker1");
		assertThat(a.sessionIndex()).isEqualTo("s1");
		assertThat(check(signedThenEncrypted("sp", XMLCipher.AES_128_GCM, XMLCipher.RSA_OAEP_11)).nameId())
			.isEqualTo("caseworker1");
	}

	@Test
	void readsAnUnsignedEncryptedAssertionInASignedResponse() {
		// the Response's signature covers the ciphertext, and so what it decrypts to
		Document doc = response().document();
		encryptAssertion(doc, certificate("sp"), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
		TestIdentityProvider.sign(doc.getDocumentElement(), key("idp"), certificate("idp"));
		assertThat(check(doc).nameId()).isEqualTo("caseworker1");
	}

	@Test
	void refusesAnUnsignedEncryptedAssertionInAnUnsignedResponse() {
		// encryption to our public certificate proves nothing about who sent it
		Document doc = response().document();
		encryptAssertion(doc, certificate("sp"), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class).hasMessageContaining("neither");
	}

	@Test
	void refusesAnAssertionEncryptedForAnotherKey() {
		assertThatThrownBy(() -> check(signedThenEncrypted("attacker", XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP)))
			.isInstanceOf(SamlException.class)
			.hasMessageContaining("cannot be decrypted");
	}

	@Test
	void readsWithAnEarlierKeyDuringARollover() {
		SamlRegistration rolledOver = TestIdentityProvider.registration(false, List.<PrivateKey>of(key("attacker"), key("sp")));
		assertThat(check(signedThenEncrypted("sp", XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP), rolledOver).nameId())
			.isEqualTo("caseworker1");
	}

	@Test
	void refusesAlgorithmsOutsideTheProfile() {
		assertThatThrownBy(() -> check(signedThenEncrypted("sp", XMLCipher.AES_128, XMLCipher.RSA_OAEP)))
			.isInstanceOf(SamlException.class)
			.hasMessage("assertion encryption algorithm not allowed: " + XMLCipher.AES_128);
		assertThatThrownBy(() -> check(signedThenEncrypted("sp", XMLCipher.AES_256_GCM, XMLCipher.RSA_v1dot5)))
			.isInstanceOf(SamlException.class)
			.hasMessage("key transport algorithm not allowed: " + XMLCipher.RSA_v1dot5);
	}

	@Test
	void refusesAChangedCiphertext() {
		Document doc = signedThenEncrypted("sp", XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
		Element data = SamlXml.all(doc, SamlDecryption.XENC, "EncryptedData").get(0);
		Element cipherValue = SamlXml.required(SamlXml.required(data, SamlDecryption.XENC, "CipherData"),
				SamlDecryption.XENC, "CipherValue");
		byte[] bytes = Base64.getMimeDecoder().decode(cipherValue.getTextContent());
		bytes[bytes.length / 2] ^= 1;
		cipherValue.setTextContent(Base64.getEncoder().encodeToString(bytes));
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class).hasMessageContaining("cannot be decrypted");
	}

	@Test
	void refusesAnEncryptedAssertionWhoseSignatureDoesNotVerify() {
		// signed by someone else, then encrypted to our (public) certificate: decrypting is no proof of origin
		Document doc = response().signed(true, false, "attacker");
		encryptAssertion(doc, certificate("sp"), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class).hasMessageContaining("does not verify");
	}

	@Test
	void refusesAnEncryptedAssertionForAnotherAudience() {
		TestIdentityProvider.Response r = response();
		r.audience = "https://another-service.test";
		Document doc = r.signed(true, false, "idp");
		encryptAssertion(doc, certificate("sp"), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class).hasMessageContaining("Audience");
	}

	@Test
	void refusesAnEncryptedAssertionBesideAPlainOne() {
		Document doc = response().signed(true, false, "idp");
		Element plain = (Element) SamlXml.child(doc.getDocumentElement(), SamlXml.ASSERTION, "Assertion").cloneNode(true);
		plain.setAttribute("ID", "second");
		encryptAssertion(doc, certificate("sp"), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
		doc.getDocumentElement().appendChild(plain);
		assertThatThrownBy(() -> check(doc)).isInstanceOf(SamlException.class).hasMessageContaining("exactly one Assertion");
	}

	@Test
	void refusesAReplayedEncryptedAssertion() {
		Document doc = signedThenEncrypted("sp", XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
		String wire = SamlXml.toString(doc);
		check(SamlXml.parse(wire.getBytes(StandardCharsets.UTF_8)));
		assertThatThrownBy(() -> check(SamlXml.parse(wire.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(SamlException.class)
			.hasMessageContaining("replay");
	}

	@Test
	void aRegistrationThatRequiresEncryptionRefusesAPlainAssertion() {
		SamlRegistration strict = TestIdentityProvider.registration(true, List.of(key("sp")));
		assertThatThrownBy(() -> check(response().signed(true, true, "idp"), strict)).isInstanceOf(SamlException.class)
			.hasMessageContaining("requires encryption");
		assertThat(check(signedThenEncrypted("sp", XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP), strict).nameId())
			.isEqualTo("caseworker1");
	}

	@Test
	void ourMetadataPublishesTheEncryptionCertificateAndAlgorithms() {
		Document metadata = SamlXml.parse(SamlMessages.metadata(TestIdentityProvider.registration())
			.getBytes(StandardCharsets.UTF_8));
		List<Element> keys = SamlXml.all(metadata, SamlXml.METADATA, "KeyDescriptor");
		assertThat(keys).extracting(k -> k.getAttribute("use")).containsExactly("signing", "encryption");
		assertThat(SamlXml.children(keys.get(1), SamlXml.METADATA, "EncryptionMethod"))
			.extracting(m -> m.getAttribute("Algorithm"))
			.containsExactlyInAnyOrder(XMLCipher.AES_128_GCM, XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP,
					XMLCipher.RSA_OAEP_11)
			.doesNotContain(XMLCipher.AES_128, XMLCipher.RSA_v1dot5);
		assertThat(SamlXml.all(metadata, SamlXml.DSIG, "X509Certificate")).hasSize(2);
	}
}
