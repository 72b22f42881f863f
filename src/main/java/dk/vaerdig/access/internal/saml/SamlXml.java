package dk.vaerdig.access.internal.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XML for SAML: a hardened parser (no DTD at all, so no entities, no external anything), the encodings of the
 * bindings (base64 for HTTP-POST, raw DEFLATE + base64 for HTTP-Redirect) and small DOM helpers.
 */
public final class SamlXml {

	public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

	public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

	public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";

	public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

	public static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

	public static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

	public static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

	/** The largest SAML message accepted, decoded. */
	static final int MAX_BYTES = 512 * 1024;

	private SamlXml() {
	}

	/** Parses XML with DTDs refused outright: a DOCTYPE anywhere is an error (no entity expansion, no XXE). */
	public static Document parse(byte[] xml) {
		if (xml.length > MAX_BYTES) {
			throw new SamlException("message too large");
		}
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setNamespaceAware(true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature("http://xml.org/sax/features/external-general-entities", false);
			f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			DocumentBuilder builder = f.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (Exception e) {
			throw new SamlException("not well-formed XML or a DOCTYPE", e);
		}
	}

	/** The HTTP-POST binding: base64 of the XML. */
	public static Document fromPost(String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new SamlException("no SAML message");
		}
		try {
			return parse(Base64.getMimeDecoder().decode(base64));
		}
		catch (IllegalArgumentException e) {
			throw new SamlException("not base64", e);
		}
	}

	/** The HTTP-Redirect binding: raw DEFLATE, then base64 (the caller URL-decodes). */
	public static Document fromRedirect(String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new SamlException("no SAML message");
		}
		byte[] compressed;
		try {
			compressed = Base64.getMimeDecoder().decode(base64);
		}
		catch (IllegalArgumentException e) {
			throw new SamlException("not base64", e);
		}
		Inflater inflater = new Inflater(true);
		inflater.setInput(compressed);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				out.write(buffer, 0, n);
				if (out.size() > MAX_BYTES) {
					throw new SamlException("message too large");
				}
			}
		}
		catch (DataFormatException e) {
			throw new SamlException("not DEFLATE", e);
		}
		finally {
			inflater.end();
		}
		return parse(out.toByteArray());
	}

	/** Raw DEFLATE, then base64: the value of {@code SAMLRequest} in the HTTP-Redirect binding, before URL encoding. */
	public static String deflateBase64(String xml) {
		Deflater deflater = new Deflater(Deflater.DEFLATED, true);
		deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return Base64.getEncoder().encodeToString(out.toByteArray());
	}

	public static String toString(Node node) {
		try {
			var t = TransformerFactory.newInstance();
			t.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			var transformer = t.newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(node), new StreamResult(out));
			return out.toString();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The element's direct children of this name. */
	public static List<Element> children(Element parent, String ns, String localName) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
				found.add(e);
			}
		}
		return found;
	}

	/** The one direct child of this name, or null; more than one is refused. */
	public static Element child(Element parent, String ns, String localName) {
		List<Element> found = children(parent, ns, localName);
		if (found.size() > 1) {
			throw new SamlException("more than one " + localName + " in " + parent.getLocalName());
		}
		return found.isEmpty() ? null : found.get(0);
	}

	public static Element required(Element parent, String ns, String localName) {
		Element e = child(parent, ns, localName);
		if (e == null) {
			throw new SamlException("no " + localName + " in " + parent.getLocalName());
		}
		return e;
	}

	/** Every element of this name anywhere in the document. */
	public static List<Element> all(Document doc, String ns, String localName) {
		NodeList list = doc.getElementsByTagNameNS(ns, localName);
		List<Element> found = new ArrayList<>();
		for (int i = 0; i < list.getLength(); i++) {
			found.add((Element) list.item(i));
		}
		return found;
	}

	/** The attribute's value, or null when absent (DOM answers "" for an absent attribute). */
	public static String attribute(Element e, String name) {
		return e.hasAttribute(name) ? e.getAttribute(name) : null;
	}

	public static String text(Element e) {
		return e == null ? null : e.getTextContent().strip();
	}

	/** Escapes text for an XML attribute or element. */
	public static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
	}
}
