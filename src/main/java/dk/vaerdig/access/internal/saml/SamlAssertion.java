package dk.vaerdig.access.internal.saml;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A checked assertion: who (NameID), the session at the identity provider (for single logout), the attributes.
 * Holds personal data (a CPR number in the attributes of a MitID login): never log it.
 */
public record SamlAssertion(String id, String nameId, String nameIdFormat, String sessionIndex,
		Map<String, List<String>> attributes, Instant notOnOrAfter) {

	public String first(String attribute) {
		List<String> values = attributes.get(attribute);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	@Override
	public String toString() {
		return "SamlAssertion[" + id + "]";
	}
}
