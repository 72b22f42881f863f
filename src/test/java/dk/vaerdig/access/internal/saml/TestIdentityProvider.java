package dk.vaerdig.access.internal.saml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An identity provider in the test: builds SAML Responses and signs them with the test keys under
 * {@code src/test/resources/saml} (made for these tests only, never used anywhere else).
 */
public final class TestIdentityProvider {

	public static final String IDP_ENTITY_ID = "https://idp.test/saml";

	public static final String SP_ENTITY_ID = "https://vaerdig.test/saml/staff/metadata";

	public static final String ACS = "https://vaerdig.test/saml/staff/acs";

	public static PrivateKey key(String name) {
		return SamlRegistration.privateKey(SamlRegistration.pem(resource(name + "-key.pem"), "PRIVATE KEY"));
	}

	public static X509Certificate certificate(String name) {
		return SamlRegistration.certificate(SamlRegistration.pem(resource(name + "-cert.pem"), "CERTIFICATE"));
	}

	static byte[] resource(String name) {
		try (InputStream in = TestIdentityProvider.class.getResourceAsStream("/saml/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The staff registration as the SP sees it, trusting the test IdP's certificate. */
	public static SamlRegistration registration() {
		return registration(false, List.of(key("sp")));
	}

	/** The same, requiring encrypted assertions or not, and decrypting with these keys. */
	public static SamlRegistration registration(boolean requireEncrypted, List<PrivateKey> decryptionKeys) {
		SamlSettings.Registration s = new SamlSettings.Registration(true, SP_ENTITY_ID, null, null, null, null,
				IDP_ENTITY_ID, "https://idp.test/sso", "https://idp.test/slo", null, null,
				"dk:gov:saml:attribute:Privileges_intermediate", null, Map.of(), "https://data.gov.dk/model/core/eid/cprNumber",
				"https://data.gov.dk/concept/core/nsis/loa", null, null, null, requireEncrypted, null);
		return new SamlRegistration("staff", "/saml/staff", SP_ENTITY_ID, ACS, "https://vaerdig.test/saml/staff/logout",
				SP_ENTITY_ID, key("sp"), certificate("sp"), IDP_ENTITY_ID, "https://idp.test/sso", "https://idp.test/slo",
				List.of(certificate("idp")), s, decryptionKeys, certificate("sp"));
	}

	/**
	 * Encrypts the Response's Assertion for the holder of this certificate, as an identity provider does: a fresh
	 * AES key for the assertion, itself encrypted with the certificate's RSA key inside the EncryptedData's KeyInfo,
	 * and the EncryptedData in a {@code saml:EncryptedAssertion} where the Assertion was.
	 */
	public static void encryptAssertion(Document doc, X509Certificate to, String dataAlgorithm, String keyAlgorithm) {
		org.apache.xml.security.Init.init();
		try {
			Element assertion = SamlXml.child(doc.getDocumentElement(), SamlXml.ASSERTION, "Assertion");
			javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
			generator.init(dataAlgorithm.contains("128") ? 128 : 256);
			javax.crypto.SecretKey secret = generator.generateKey();
			org.apache.xml.security.encryption.XMLCipher keyCipher = org.apache.xml.security.encryption.XMLCipher
				.getInstance(keyAlgorithm);
			keyCipher.init(org.apache.xml.security.encryption.XMLCipher.WRAP_MODE, to.getPublicKey());
			org.apache.xml.security.encryption.EncryptedKey encryptedKey = keyCipher.encryptKey(doc, secret);
			org.apache.xml.security.encryption.XMLCipher dataCipher = org.apache.xml.security.encryption.XMLCipher
				.getInstance(dataAlgorithm);
			dataCipher.init(org.apache.xml.security.encryption.XMLCipher.ENCRYPT_MODE, secret);
			org.apache.xml.security.keys.KeyInfo keyInfo = new org.apache.xml.security.keys.KeyInfo(doc);
			keyInfo.add(encryptedKey);
			dataCipher.getEncryptedData().setKeyInfo(keyInfo);
			Element parent = (Element) assertion.getParentNode();
			Element wrapper = doc.createElementNS(SamlXml.ASSERTION, "saml:EncryptedAssertion");
			parent.replaceChild(wrapper, assertion);
			wrapper.appendChild(assertion);
			dataCipher.doFinal(doc, assertion, false);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** A Response, changeable field by field before it is built. */
	public static final class Response {

		public String responseId = SamlMessages.newId();

		public String assertionId = SamlMessages.newId();

		public String inResponseTo;

		public String destination = ACS;

		public String recipient = ACS;

		public String issuer = IDP_ENTITY_ID;

		public String audience = SP_ENTITY_ID;

		public String nameId = "caseworker1";

		public Instant notBefore;

		public Instant notOnOrAfter;

		public String status = SamlXml.SUCCESS;

		public final Map<String, String> attributes = new LinkedHashMap<>();

		public Response(String inResponseTo, Instant now) {
			this.inResponseTo = inResponseTo;
			this.notBefore = now.minusSeconds(5);
			this.notOnOrAfter = now.plusSeconds(300);
		}

		public String xml() {
			StringBuilder attrs = new StringBuilder();
			attributes.forEach((k, v) -> attrs.append("<saml:Attribute Name=\"").append(SamlXml.escape(k))
				.append("\"><saml:AttributeValue>").append(SamlXml.escape(v)).append("</saml:AttributeValue></saml:Attribute>"));
			return "<samlp:Response xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION + "\" ID=\""
					+ responseId + "\" Version=\"2.0\" IssueInstant=\"" + notBefore + "\" Destination=\"" + destination
					+ "\" InResponseTo=\"" + inResponseTo + "\"><saml:Issuer>" + issuer + "</saml:Issuer>"
					+ "<samlp:Status><samlp:StatusCode Value=\"" + status + "\"/></samlp:Status>"
					+ "<saml:Assertion ID=\"" + assertionId + "\" Version=\"2.0\" IssueInstant=\"" + notBefore + "\">"
					+ "<saml:Issuer>" + issuer + "</saml:Issuer><saml:Subject><saml:NameID>" + nameId + "</saml:NameID>"
					+ "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
					+ "<saml:SubjectConfirmationData InResponseTo=\"" + inResponseTo + "\" Recipient=\"" + recipient
					+ "\" NotOnOrAfter=\"" + notOnOrAfter + "\"/></saml:SubjectConfirmation></saml:Subject>"
					+ "<saml:Conditions NotBefore=\"" + notBefore + "\" NotOnOrAfter=\"" + notOnOrAfter + "\">"
					+ "<saml:AudienceRestriction><saml:Audience>" + audience + "</saml:Audience></saml:AudienceRestriction>"
					+ "</saml:Conditions><saml:AuthnStatement AuthnInstant=\"" + notBefore + "\" SessionIndex=\"s1\"/>"
					+ "<saml:AttributeStatement>" + attrs + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
		}

		public Document document() {
			return SamlXml.parse(xml().getBytes(StandardCharsets.UTF_8));
		}

		/** Signed: the assertion, the response, or both, by the named test key. */
		public Document signed(boolean assertion, boolean response, String by) {
			Document doc = document();
			Element root = doc.getDocumentElement();
			if (assertion) {
				sign(SamlXml.child(root, SamlXml.ASSERTION, "Assertion"), key(by), certificate(by));
			}
			if (response) {
				sign(root, key(by), certificate(by));
			}
			return doc;
		}

		public String base64(Document doc) {
			return Base64.getEncoder().encodeToString(SamlXml.toString(doc).getBytes(StandardCharsets.UTF_8));
		}
	}

	/** An enveloped signature right after the element's Issuer, as SAML's schema places it (or first, without one). */
	public static void sign(Element element, PrivateKey key, X509Certificate cert) {
		try {
			element.setIdAttributeNS(null, "ID", true);
			XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
			Reference ref = f.newReference("#" + element.getAttribute("ID"), f.newDigestMethod(DigestMethod.SHA256, null),
					List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
							f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
					null, null);
			SignedInfo info = f.newSignedInfo(
					f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
					f.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
			KeyInfoFactory kif = f.getKeyInfoFactory();
			Element issuer = SamlXml.child(element, SamlXml.ASSERTION, "Issuer");
			DOMSignContext context = new DOMSignContext(key, element,
					issuer == null ? element.getFirstChild() : issuer.getNextSibling());
			context.setDefaultNamespacePrefix("ds");
			f.newXMLSignature(info, kif.newKeyInfo(List.of(kif.newX509Data(List.of(cert))))).sign(context);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
