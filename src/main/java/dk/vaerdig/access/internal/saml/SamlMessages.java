package dk.vaerdig.access.internal.saml;

import static dk.vaerdig.access.internal.saml.SamlXml.escape;

import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.TreeSet;
import java.util.UUID;

/** The messages we send: the signed AuthnRequest and LogoutRequest (HTTP-Redirect), and our metadata. */
public final class SamlMessages {

	private SamlMessages() {
	}

	/** A new message id: starts with a letter (xs:ID), 128 random bits. */
	public static String newId() {
		return "id" + UUID.randomUUID().toString().replace("-", "");
	}

	/** A sent request: its id (to check InResponseTo) and the address to send the browser to. */
	public record Sent(String id, String redirectUrl) {
	}

	public static Sent authnRequest(SamlRegistration r, Instant now, String relayState) {
		String id = newId();
		String context = SamlRegistration.blank(r.settings().authnContextClassRef()) ? ""
				: "<samlp:RequestedAuthnContext Comparison=\"minimum\"><saml:AuthnContextClassRef>"
						+ escape(r.settings().authnContextClassRef()) + "</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>";
		String xml = "<samlp:AuthnRequest xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION
				+ "\" ID=\"" + id + "\" Version=\"2.0\" IssueInstant=\"" + instant(now) + "\" Destination=\""
				+ escape(r.idpSsoUrl()) + "\" AssertionConsumerServiceURL=\"" + escape(r.acsUrl())
				+ "\" ProtocolBinding=\"" + SamlXml.POST_BINDING + "\"><saml:Issuer>" + escape(r.entityId())
				+ "</saml:Issuer>" + context + "</samlp:AuthnRequest>";
		return new Sent(id, redirect(r.idpSsoUrl(), "SAMLRequest", xml, relayState, r));
	}

	public static Sent logoutRequest(SamlRegistration r, Instant now, String nameId, String nameIdFormat,
			String sessionIndex) {
		if (SamlRegistration.blank(r.idpSloUrl())) {
			throw new SamlException("the identity provider has no single logout address");
		}
		String id = newId();
		String format = SamlRegistration.blank(nameIdFormat) ? "" : " Format=\"" + escape(nameIdFormat) + "\"";
		String index = SamlRegistration.blank(sessionIndex) ? ""
				: "<samlp:SessionIndex>" + escape(sessionIndex) + "</samlp:SessionIndex>";
		String xml = "<samlp:LogoutRequest xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION
				+ "\" ID=\"" + id + "\" Version=\"2.0\" IssueInstant=\"" + instant(now) + "\" Destination=\""
				+ escape(r.idpSloUrl()) + "\"><saml:Issuer>" + escape(r.entityId()) + "</saml:Issuer><saml:NameID"
				+ format + ">" + escape(nameId) + "</saml:NameID>" + index + "</samlp:LogoutRequest>";
		return new Sent(id, redirect(r.idpSloUrl(), "SAMLRequest", xml, null, r));
	}

	/**
	 * Our signed LogoutResponse (HTTP-Redirect) to the identity provider's LogoutRequest, with its RelayState passed
	 * back.
	 */
	public static Sent logoutResponse(SamlRegistration r, Instant now, String inResponseTo, String relayState) {
		if (SamlRegistration.blank(r.idpSloUrl())) {
			throw new SamlException("the identity provider has no single logout address");
		}
		String id = newId();
		String xml = "<samlp:LogoutResponse xmlns:samlp=\"" + SamlXml.PROTOCOL + "\" xmlns:saml=\"" + SamlXml.ASSERTION
				+ "\" ID=\"" + id + "\" Version=\"2.0\" IssueInstant=\"" + instant(now) + "\" Destination=\""
				+ escape(r.idpSloUrl()) + "\" InResponseTo=\"" + escape(inResponseTo) + "\"><saml:Issuer>"
				+ escape(r.entityId()) + "</saml:Issuer><samlp:Status><samlp:StatusCode Value=\"" + SamlXml.SUCCESS
				+ "\"/></samlp:Status></samlp:LogoutResponse>";
		return new Sent(id, redirect(r.idpSloUrl(), "SAMLResponse", xml, relayState, r));
	}

	private static String redirect(String to, String parameter, String xml, String relayState, SamlRegistration r) {
		String query = SamlSignatures.signedQuery(parameter, SamlXml.deflateBase64(xml), relayState, r.spKey());
		return to + (to.contains("?") ? "&" : "?") + query;
	}

	/**
	 * Our metadata: signed requests, signed assertions wanted, our signing and encryption certificates (with the
	 * encryption algorithms we accept), the ACS (POST) and single logout (Redirect and POST).
	 */
	public static String metadata(SamlRegistration r) {
		String keyInfo = keyInfo(r.spCertificate());
		StringBuilder methods = new StringBuilder();
		for (String algorithm : new TreeSet<>(SamlDecryption.DATA_ALGORITHMS)) {
			methods.append("<md:EncryptionMethod Algorithm=\"").append(algorithm).append("\"/>");
		}
		for (String algorithm : new TreeSet<>(SamlDecryption.KEY_TRANSPORT_ALGORITHMS)) {
			methods.append("<md:EncryptionMethod Algorithm=\"").append(algorithm).append("\"/>");
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<md:EntityDescriptor xmlns:md=\"" + SamlXml.METADATA
				+ "\" xmlns:ds=\"" + SamlXml.DSIG + "\" entityID=\"" + escape(r.entityId()) + "\">"
				+ "<md:SPSSODescriptor AuthnRequestsSigned=\"true\" WantAssertionsSigned=\"true\" "
				+ "protocolSupportEnumeration=\"" + SamlXml.PROTOCOL + "\">"
				+ "<md:KeyDescriptor use=\"signing\">" + keyInfo + "</md:KeyDescriptor>"
				+ "<md:KeyDescriptor use=\"encryption\">" + keyInfo(r.encryptionCertificate()) + methods
				+ "</md:KeyDescriptor>"
				+ "<md:SingleLogoutService Binding=\"" + SamlXml.REDIRECT_BINDING + "\" Location=\"" + escape(r.sloUrl())
				+ "\"/>" + "<md:SingleLogoutService Binding=\"" + SamlXml.POST_BINDING + "\" Location=\""
				+ escape(r.sloUrl()) + "\"/>"
				+ "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>"
				+ "<md:AssertionConsumerService Binding=\"" + SamlXml.POST_BINDING + "\" Location=\""
				+ escape(r.acsUrl()) + "\" index=\"0\" isDefault=\"true\"/>"
				+ "</md:SPSSODescriptor></md:EntityDescriptor>\n";
	}

	private static String keyInfo(java.security.cert.X509Certificate certificate) {
		try {
			return "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
					+ Base64.getEncoder().encodeToString(certificate.getEncoded())
					+ "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>";
		}
		catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String instant(Instant t) {
		return t.truncatedTo(ChronoUnit.SECONDS).toString();
	}
}
