package dk.vaerdig.access.internal.saml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The OIO Basic Privilege Profile bundle (KOMBIT's {@code dk:gov:saml:attribute:Privileges_intermediate}): base64 of
 * a {@code <bpp:PrivilegeList>} with {@code <PrivilegeGroup Scope="…">} elements, each with {@code <Privilege>} URIs.
 */
public final class Privileges {

	private Privileges() {
	}

	/**
	 * The privilege URIs in the bundle, of the given scope only if one is given.
	 *
	 * @throws SamlException when the value is not such a bundle
	 */
	public static Set<String> of(String base64, String requiredScope) {
		if (base64 == null || base64.isBlank()) {
			return Set.of();
		}
		Document doc;
		try {
			doc = SamlXml.parse(Base64.getMimeDecoder().decode(base64.strip()));
		}
		catch (IllegalArgumentException e) {
			// some test identity providers send the XML itself
			doc = SamlXml.parse(base64.strip().getBytes(StandardCharsets.UTF_8));
		}
		Element root = doc.getDocumentElement();
		if (!"PrivilegeList".equals(root.getLocalName())) {
			throw new SamlException("privileges attribute is not a PrivilegeList");
		}
		Set<String> privileges = new LinkedHashSet<>();
		var groups = root.getElementsByTagNameNS("*", "PrivilegeGroup");
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			if (requiredScope != null && !requiredScope.isBlank() && !requiredScope.equals(group.getAttribute("Scope"))) {
				continue;
			}
			var list = group.getElementsByTagNameNS("*", "Privilege");
			for (int j = 0; j < list.getLength(); j++) {
				String uri = list.item(j).getTextContent().strip();
				if (!uri.isEmpty()) {
					privileges.add(uri);
				}
			}
		}
		return privileges;
	}
}
