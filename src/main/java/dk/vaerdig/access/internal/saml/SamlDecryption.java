package dk.vaerdig.access.internal.saml;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Encrypted assertions (XML Encryption, as NemLog-in and KOMBIT send them under OIOSAML 3) with Apache Santuario.
 * Only what the profile names is accepted: the assertion under AES-GCM (128 or 256 bits), its key transported with
 * RSA-OAEP; anything else (AES-CBC, RSA 1.5, key agreement, a key by reference) is refused with the algorithm in the
 * message. The plaintext is parsed by our own hardened parser ({@link SamlXml#parse}), must be exactly one
 * {@code saml:Assertion}, and replaces the {@code EncryptedAssertion} in the Response, so that every check of a plain
 * assertion (its signature, the wrapping rules, audience, times, replay) then runs on it unchanged.
 */
public final class SamlDecryption {

	public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

	/** What we accept for the assertion itself. */
	public static final Set<String> DATA_ALGORITHMS = Set.of(XMLCipher.AES_128_GCM, XMLCipher.AES_256_GCM);

	/** What we accept for the transport of its key. */
	public static final Set<String> KEY_TRANSPORT_ALGORITHMS = Set.of(XMLCipher.RSA_OAEP, XMLCipher.RSA_OAEP_11);

	static {
		org.apache.xml.security.Init.init();
	}

	private SamlDecryption() {
	}

	/**
	 * Decrypts the {@code EncryptedAssertion} with the first of our keys that opens it, and puts the Assertion in its
	 * place.
	 *
	 * @return the Assertion, now a child of the EncryptedAssertion's parent
	 * @throws SamlException when an algorithm is not allowed, no key opens it, the ciphertext was changed, or the
	 *     plaintext is not exactly one Assertion
	 */
	public static Element decrypt(Element encryptedAssertion, List<PrivateKey> keys) {
		Element encryptedData = SamlXml.required(encryptedAssertion, XENC, "EncryptedData");
		String dataAlgorithm = algorithm(encryptedData);
		if (!DATA_ALGORITHMS.contains(dataAlgorithm)) {
			throw new SamlException("assertion encryption algorithm not allowed: " + dataAlgorithm);
		}
		List<Element> encryptedKeys = new ArrayList<>();
		Element keyInfo = SamlXml.child(encryptedData, SamlXml.DSIG, "KeyInfo");
		if (keyInfo != null) {
			encryptedKeys.addAll(SamlXml.children(keyInfo, XENC, "EncryptedKey"));
		}
		encryptedKeys.addAll(SamlXml.children(encryptedAssertion, XENC, "EncryptedKey"));
		if (encryptedKeys.isEmpty()) {
			throw new SamlException("encrypted assertion without an EncryptedKey");
		}
		for (Element k : encryptedKeys) {
			String keyAlgorithm = algorithm(k);
			if (!KEY_TRANSPORT_ALGORITHMS.contains(keyAlgorithm)) {
				throw new SamlException("key transport algorithm not allowed: " + keyAlgorithm);
			}
		}
		if (keys.isEmpty()) {
			throw new SamlException("encrypted assertion, but no decryption key");
		}
		byte[] plain = null;
		for (Element k : encryptedKeys) {
			for (PrivateKey key : keys) {
				plain = open(encryptedAssertion, encryptedData, k, dataAlgorithm, key);
				if (plain != null) {
					break;
				}
			}
			if (plain != null) {
				break;
			}
		}
		if (plain == null) {
			throw new SamlException("encrypted assertion cannot be decrypted with our keys (or was changed)");
		}
		Element assertion = parseInContext(plain, encryptedAssertion);
		encryptedAssertion.getParentNode().replaceChild(assertion, encryptedAssertion);
		return assertion;
	}

	/** The plaintext, or null when this key does not open it (a wrong key, or a changed ciphertext: GCM's tag). */
	private static byte[] open(Element encryptedAssertion, Element encryptedData, Element encryptedKey,
			String dataAlgorithm, PrivateKey key) {
		try {
			XMLCipher keyCipher = XMLCipher.getInstance();
			keyCipher.setSecureValidation(true);
			keyCipher.init(XMLCipher.UNWRAP_MODE, key);
			EncryptedKey loaded = keyCipher.loadEncryptedKey(encryptedAssertion.getOwnerDocument(), encryptedKey);
			Key secret = keyCipher.decryptKey(loaded, dataAlgorithm);
			XMLCipher dataCipher = XMLCipher.getInstance(dataAlgorithm);
			dataCipher.setSecureValidation(true);
			dataCipher.init(XMLCipher.DECRYPT_MODE, secret);
			return dataCipher.decryptToByteArray(encryptedData);
		}
		catch (Exception e) {
			return null;
		}
	}

	private static String algorithm(Element encrypted) {
		Element method = SamlXml.child(encrypted, XENC, "EncryptionMethod");
		String algorithm = method == null ? null : SamlXml.attribute(method, "Algorithm");
		if (algorithm == null) {
			throw new SamlException(encrypted.getLocalName() + " without an EncryptionMethod");
		}
		return algorithm;
	}

	/**
	 * Parses the plaintext as XML Encryption says: in the namespace context of where it stood. The in-scope namespace
	 * declarations are put on a wrapper, and then on the Assertion itself (so its canonical form, and so its
	 * signature, does not depend on where it is placed).
	 */
	static Element parseInContext(byte[] plain, Element context) {
		String text = new String(plain, StandardCharsets.UTF_8).strip();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.startsWith("<?xml")) {
			int end = text.indexOf("?>");
			text = end < 0 ? text : text.substring(end + 2);
		}
		Map<String, String> namespaces = inScope(context);
		StringBuilder wrapper = new StringBuilder("<wrapper");
		namespaces.forEach((name, uri) -> wrapper.append(' ').append(name).append("=\"").append(SamlXml.escape(uri)).append('"'));
		wrapper.append('>').append(text).append("</wrapper>");
		Element root = SamlXml.parse(wrapper.toString().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
		Element assertion = null;
		for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				if (assertion != null) {
					throw new SamlException("encrypted assertion holds more than one element");
				}
				assertion = e;
			}
			else if (n.getNodeType() != Node.TEXT_NODE || !n.getNodeValue().isBlank()) {
				throw new SamlException("encrypted assertion holds more than an Assertion");
			}
		}
		if (assertion == null || !SamlXml.ASSERTION.equals(assertion.getNamespaceURI())
				|| !"Assertion".equals(assertion.getLocalName())) {
			throw new SamlException("encrypted assertion does not hold an Assertion");
		}
		for (var ns : namespaces.entrySet()) {
			if (!assertion.hasAttribute(ns.getKey())) {
				assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", ns.getKey(), ns.getValue());
			}
		}
		return (Element) context.getOwnerDocument().importNode(assertion, true);
	}

	/** The namespace declarations in scope at this element ({@code xmlns} and {@code xmlns:p}), the nearest winning. */
	private static Map<String, String> inScope(Element element) {
		Map<String, String> found = new LinkedHashMap<>();
		for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
			NamedNodeMap attributes = e.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr a = (Attr) attributes.item(i);
				if ("xmlns".equals(a.getName()) || a.getName().startsWith("xmlns:")) {
					found.putIfAbsent(a.getName(), a.getValue());
				}
			}
		}
		return found;
	}
}
