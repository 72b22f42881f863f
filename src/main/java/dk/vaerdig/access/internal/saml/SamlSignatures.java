package dk.vaerdig.access.internal.saml;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signatures of SAML messages with the JDK's own XML Signature API, with explicit defences against signature wrapping:
 * a signature counts only for the element it is a direct child of, its one reference must name exactly that element by
 * its {@code ID}, that {@code ID} must occur once in the whole document, only the enveloped-signature and exclusive
 * canonicalisation transforms are allowed, and only RSA or ECDSA with SHA-256 or stronger. The JDK's secure validation
 * mode is on. And the signatures of the HTTP-Redirect binding (over the query string), RSA-SHA256.
 */
public final class SamlSignatures {

	public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

	private static final Set<String> SIGNATURE_METHODS = Set.of(RSA_SHA256,
			"http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
			"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");

	private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
			CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

	private SamlSignatures() {
	}

	/** Whether the element carries a signature of its own (a {@code ds:Signature} as direct child). */
	public static boolean isSigned(Element element) {
		return !SamlXml.children(element, SamlXml.DSIG, "Signature").isEmpty();
	}

	/**
	 * Verifies the element's own enveloped signature by one of the trusted certificates.
	 *
	 * @throws SamlException when there is none, or more than one, or it is not over exactly this element, or it does
	 *     not verify
	 */
	public static void verify(Element signed, List<X509Certificate> trusted) {
		String id = SamlXml.attribute(signed, "ID");
		if (id == null || id.isBlank()) {
			throw new SamlException("signed element without ID");
		}
		Document doc = signed.getOwnerDocument();
		if (countId(doc.getDocumentElement(), id) != 1) {
			throw new SamlException("ID not unique in the message");
		}
		Element signature = SamlXml.child(signed, SamlXml.DSIG, "Signature");
		if (signature == null) {
			throw new SamlException(signed.getLocalName() + " not signed");
		}
		if (trusted.isEmpty()) {
			throw new SamlException("no trusted certificate of the identity provider");
		}
		SamlException last = null;
		for (X509Certificate cert : trusted) {
			try {
				verifyWith(signed, id, signature, cert);
				return;
			}
			catch (SamlException e) {
				last = e;
			}
		}
		throw last;
	}

	private static void verifyWith(Element signed, String id, Element signature, X509Certificate cert) {
		try {
			DOMValidateContext context = new DOMValidateContext(cert.getPublicKey(), signature);
			context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
			context.setIdAttributeNS(signed, null, "ID");
			XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
			XMLSignature xmlSignature = factory.unmarshalXMLSignature(context);
			var info = xmlSignature.getSignedInfo();
			if (!SIGNATURE_METHODS.contains(info.getSignatureMethod().getAlgorithm())) {
				throw new SamlException("signature algorithm not allowed: " + info.getSignatureMethod().getAlgorithm());
			}
			String c14n = info.getCanonicalizationMethod().getAlgorithm();
			if (!CanonicalizationMethod.EXCLUSIVE.equals(c14n) && !CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS.equals(c14n)) {
				throw new SamlException("canonicalisation not allowed: " + c14n);
			}
			if (info.getReferences().size() != 1) {
				throw new SamlException("a signature must have exactly one reference");
			}
			Reference reference = (Reference) info.getReferences().get(0);
			if (!("#" + id).equals(reference.getURI())) {
				throw new SamlException("signature does not reference the signed element");
			}
			for (Object t : reference.getTransforms()) {
				String algorithm = ((Transform) t).getAlgorithm();
				if (!TRANSFORMS.contains(algorithm)) {
					throw new SamlException("transform not allowed: " + algorithm);
				}
			}
			if (!xmlSignature.validate(context)) {
				throw new SamlException("signature of " + signed.getLocalName() + " does not verify");
			}
		}
		catch (javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
			throw new SamlException("signature of " + signed.getLocalName() + " not valid", e);
		}
		catch (RuntimeException e) {
			if (e instanceof SamlException s) {
				throw s;
			}
			throw new SamlException("signature of " + signed.getLocalName() + " not valid", e);
		}
	}

	private static int countId(Element e, String id) {
		int n = id.equals(SamlXml.attribute(e, "ID")) || id.equals(SamlXml.attribute(e, "Id"))
				|| id.equals(SamlXml.attribute(e, "id")) ? 1 : 0;
		for (var c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
			if (c instanceof Element child) {
				n += countId(child, id);
			}
		}
		return n;
	}

	/**
	 * The query string of a signed HTTP-Redirect message: {@code SAMLRequest} (or {@code SAMLResponse}), the relay
	 * state if any, {@code SigAlg} and {@code Signature} over the three in that order.
	 */
	public static String signedQuery(String parameter, String deflatedBase64, String relayState, PrivateKey key) {
		StringBuilder q = new StringBuilder(parameter).append('=').append(encode(deflatedBase64));
		if (relayState != null) {
			q.append("&RelayState=").append(encode(relayState));
		}
		q.append("&SigAlg=").append(encode(RSA_SHA256));
		try {
			Signature s = Signature.getInstance("SHA256withRSA");
			s.initSign(key);
			s.update(q.toString().getBytes(StandardCharsets.UTF_8));
			return q + "&Signature=" + encode(Base64.getEncoder().encodeToString(s.sign()));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign with the SP key", e);
		}
	}

	/**
	 * Verifies an HTTP-Redirect message's signature over the raw (still URL-encoded) query string parameters as they
	 * arrived, and returns the decoded parameters.
	 */
	public static Map<String, String> verifyRedirect(String rawQuery, String parameter, List<X509Certificate> trusted) {
		Map<String, String> raw = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0 && raw.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
					throw new SamlException("repeated query parameter");
				}
			}
		}
		if (!raw.containsKey(parameter) || !raw.containsKey("SigAlg") || !raw.containsKey("Signature")) {
			throw new SamlException("redirect message not signed");
		}
		String sigAlg = URLDecoder.decode(raw.get("SigAlg"), StandardCharsets.UTF_8);
		if (!RSA_SHA256.equals(sigAlg)) {
			throw new SamlException("redirect signature algorithm not allowed: " + sigAlg);
		}
		StringBuilder signedPart = new StringBuilder(parameter).append('=').append(raw.get(parameter));
		if (raw.containsKey("RelayState")) {
			signedPart.append("&RelayState=").append(raw.get("RelayState"));
		}
		signedPart.append("&SigAlg=").append(raw.get("SigAlg"));
		byte[] signature;
		try {
			signature = Base64.getMimeDecoder().decode(URLDecoder.decode(raw.get("Signature"), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException e) {
			throw new SamlException("redirect signature not base64");
		}
		for (X509Certificate cert : trusted) {
			try {
				Signature s = Signature.getInstance("SHA256withRSA");
				s.initVerify(cert.getPublicKey());
				s.update(signedPart.toString().getBytes(StandardCharsets.UTF_8));
				if (s.verify(signature)) {
					Map<String, String> decoded = new LinkedHashMap<>();
					raw.forEach((k, v) -> decoded.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
					return decoded;
				}
			}
			catch (GeneralSecurityException e) {
				// try the next certificate
			}
		}
		throw new SamlException("redirect signature does not verify");
	}

	static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
