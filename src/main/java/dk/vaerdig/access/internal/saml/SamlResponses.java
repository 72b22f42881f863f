package dk.vaerdig.access.internal.saml;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static dk.vaerdig.access.internal.saml.SamlXml.ASSERTION;
import static dk.vaerdig.access.internal.saml.SamlXml.PROTOCOL;
import static dk.vaerdig.access.internal.saml.SamlXml.attribute;
import static dk.vaerdig.access.internal.saml.SamlXml.child;
import static dk.vaerdig.access.internal.saml.SamlXml.required;
import static dk.vaerdig.access.internal.saml.SamlXml.text;

/**
 * Checks a {@code samlp:Response} that arrived at our ACS, and reads its one assertion. Every check refuses with a
 * {@link SamlException}:
 * <ul>
 * <li>the signature: the Response or the Assertion (or both) signed by a trusted certificate of the configured
 * identity provider, each signature over exactly the element we read (see {@link SamlSignatures}); exactly one
 * Assertion in the whole message, a direct child of the Response;</li>
 * <li>an {@code EncryptedAssertion} is decrypted with our keys ({@link SamlDecryption}) after the Response's
 * signature (which covers it encrypted) is checked, and before the Assertion's; a registration may require
 * encryption;</li>
 * <li>Destination and the bearer confirmation's Recipient = our ACS address; Issuer (Response, if present, and
 * Assertion) = the identity provider; Audience = our entity id; status Success;</li>
 * <li>InResponseTo (Response and confirmation) = the id of a request we sent to this browser;</li>
 * <li>the times: Conditions' NotBefore/NotOnOrAfter and the confirmation's NotOnOrAfter, with the configured skew;</li>
 * <li>one-time use: the assertion's id is recorded until it expires, and a second use refused ({@link Replay}).</li>
 * </ul>
 */
public final class SamlResponses {

	private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

	/** Records an assertion id until it expires; false when it was seen before. */
	@FunctionalInterface
	public interface Replay {

		boolean firstUse(String registration, String assertionId, Instant expires);
	}

	private SamlResponses() {
	}

	public static SamlAssertion check(Document doc, SamlRegistration r, Set<String> sentRequestIds, Instant now,
			Duration skew, Replay replay) {
		Element response = doc.getDocumentElement();
		if (!PROTOCOL.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
			throw new SamlException("not a SAML Response");
		}
		if (!"2.0".equals(attribute(response, "Version"))) {
			throw new SamlException("not SAML 2.0");
		}
		if (!r.acsUrl().equals(attribute(response, "Destination"))) {
			throw new SamlException("Destination is not our ACS");
		}
		Element issuer = child(response, ASSERTION, "Issuer");
		if (issuer != null && !r.idpEntityId().equals(text(issuer))) {
			throw new SamlException("Response Issuer is not the identity provider");
		}
		String inResponseTo = attribute(response, "InResponseTo");
		if (inResponseTo == null || !sentRequestIds.contains(inResponseTo)) {
			throw new SamlException("InResponseTo is not a request we sent to this browser");
		}
		Element status = required(required(response, PROTOCOL, "Status"), PROTOCOL, "StatusCode");
		if (!SamlXml.SUCCESS.equals(attribute(status, "Value"))) {
			throw new SamlException("status " + attribute(status, "Value"));
		}
		List<Element> encrypted = SamlXml.all(doc, ASSERTION, "EncryptedAssertion");
		List<Element> plain = SamlXml.all(doc, ASSERTION, "Assertion");
		if (encrypted.size() + plain.size() != 1) {
			throw new SamlException("not exactly one Assertion, directly in the Response");
		}
		Element assertion = encrypted.isEmpty() ? plain.get(0) : encrypted.get(0);
		if (assertion.getParentNode() != response) {
			throw new SamlException("not exactly one Assertion, directly in the Response");
		}
		// the Response's signature covers the assertion as it came: encrypted, if it is
		boolean responseSigned = SamlSignatures.isSigned(response);
		if (responseSigned) {
			SamlSignatures.verify(response, r.idpCertificates());
		}
		if (!encrypted.isEmpty()) {
			assertion = SamlDecryption.decrypt(assertion, r.decryptionKeys());
			if (SamlXml.all(doc, ASSERTION, "Assertion").size() != 1) {
				throw new SamlException("not exactly one Assertion, directly in the Response");
			}
		}
		else if (r.settings().requireEncryptedAssertions()) {
			throw new SamlException("assertion not encrypted, and this registration requires encryption");
		}
		boolean assertionSigned = SamlSignatures.isSigned(assertion);
		if (!responseSigned && !assertionSigned) {
			throw new SamlException("neither Response nor Assertion signed");
		}
		if (assertionSigned) {
			SamlSignatures.verify(assertion, r.idpCertificates());
		}
		if (!r.idpEntityId().equals(text(required(assertion, ASSERTION, "Issuer")))) {
			throw new SamlException("Assertion Issuer is not the identity provider");
		}
		Element subject = required(assertion, ASSERTION, "Subject");
		Element nameId = required(subject, ASSERTION, "NameID");
		boolean confirmed = false;
		for (Element confirmation : SamlXml.children(subject, ASSERTION, "SubjectConfirmation")) {
			if (!BEARER.equals(attribute(confirmation, "Method"))) {
				continue;
			}
			Element data = required(confirmation, ASSERTION, "SubjectConfirmationData");
			if (!r.acsUrl().equals(attribute(data, "Recipient"))) {
				throw new SamlException("Recipient is not our ACS");
			}
			String confirmationInResponseTo = attribute(data, "InResponseTo");
			if (confirmationInResponseTo != null && !confirmationInResponseTo.equals(inResponseTo)) {
				throw new SamlException("confirmation InResponseTo differs");
			}
			Instant notOnOrAfter = time(data, "NotOnOrAfter");
			if (notOnOrAfter == null || !now.isBefore(notOnOrAfter.plus(skew))) {
				throw new SamlException("confirmation expired");
			}
			Instant notBefore = time(data, "NotBefore");
			if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
				throw new SamlException("confirmation not yet valid");
			}
			confirmed = true;
		}
		if (!confirmed) {
			throw new SamlException("no bearer confirmation");
		}
		Element conditions = required(assertion, ASSERTION, "Conditions");
		Instant notBefore = time(conditions, "NotBefore");
		Instant notOnOrAfter = time(conditions, "NotOnOrAfter");
		if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
			throw new SamlException("assertion not yet valid");
		}
		if (notOnOrAfter == null || !now.isBefore(notOnOrAfter.plus(skew))) {
			throw new SamlException("assertion expired");
		}
		List<Element> restrictions = SamlXml.children(conditions, ASSERTION, "AudienceRestriction");
		if (restrictions.isEmpty()) {
			throw new SamlException("no AudienceRestriction");
		}
		for (Element restriction : restrictions) {
			boolean ours = SamlXml.children(restriction, ASSERTION, "Audience")
				.stream()
				.anyMatch(a -> r.entityId().equals(text(a)));
			if (!ours) {
				throw new SamlException("Audience is not our entity id");
			}
		}
		String sessionIndex = null;
		for (Element authn : SamlXml.children(assertion, ASSERTION, "AuthnStatement")) {
			sessionIndex = attribute(authn, "SessionIndex");
		}
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		for (Element statement : SamlXml.children(assertion, ASSERTION, "AttributeStatement")) {
			for (Element a : SamlXml.children(statement, ASSERTION, "Attribute")) {
				List<String> values = attributes.computeIfAbsent(a.getAttribute("Name"), k -> new ArrayList<>());
				SamlXml.children(a, ASSERTION, "AttributeValue").forEach(v -> values.add(text(v)));
			}
		}
		String id = attribute(assertion, "ID");
		if (!replay.firstUse(r.id(), id, notOnOrAfter.plus(skew))) {
			throw new SamlException("assertion used before (replay)");
		}
		return new SamlAssertion(id, text(nameId), attribute(nameId, "Format"), sessionIndex, attributes, notOnOrAfter);
	}

	/**
	 * Checks a {@code samlp:LogoutResponse} to our LogoutRequest: from the identity provider, in response to the
	 * request we sent, and (for the POST binding) signed; the HTTP-Redirect binding's signature is checked by the
	 * caller over the query string.
	 *
	 * @return whether the identity provider reports success
	 */
	public static boolean checkLogoutResponse(Document doc, SamlRegistration r, String sentRequestId,
			boolean xmlSignatureRequired) {
		Element response = doc.getDocumentElement();
		if (!PROTOCOL.equals(response.getNamespaceURI()) || !"LogoutResponse".equals(response.getLocalName())) {
			throw new SamlException("not a LogoutResponse");
		}
		if (xmlSignatureRequired) {
			SamlSignatures.verify(response, r.idpCertificates());
		}
		Element issuer = child(response, ASSERTION, "Issuer");
		if (issuer == null || !r.idpEntityId().equals(text(issuer))) {
			throw new SamlException("LogoutResponse Issuer is not the identity provider");
		}
		String destination = attribute(response, "Destination");
		if (destination != null && !destination.equals(r.sloUrl())) {
			throw new SamlException("LogoutResponse Destination is not ours");
		}
		if (sentRequestId == null || !sentRequestId.equals(attribute(response, "InResponseTo"))) {
			throw new SamlException("LogoutResponse is not to our LogoutRequest");
		}
		Element status = required(required(response, PROTOCOL, "Status"), PROTOCOL, "StatusCode");
		return SamlXml.SUCCESS.equals(attribute(status, "Value"));
	}

	/** A LogoutRequest from the identity provider: its id (for our answer), whom it logs out, and which sessions. */
	public record LogoutRequested(String id, String nameId, List<String> sessionIndexes) {
	}

	/**
	 * Checks a {@code samlp:LogoutRequest} from the identity provider (logout it started): signed by the identity
	 * provider (for the POST binding here; the HTTP-Redirect binding's signature is checked by the caller over the
	 * query string), Issuer = the identity provider, Destination (if present) = our logout address, not expired, and
	 * with a plain NameID.
	 */
	public static LogoutRequested checkLogoutRequest(Document doc, SamlRegistration r, boolean xmlSignatureRequired,
			Instant now, Duration skew) {
		Element request = doc.getDocumentElement();
		if (!PROTOCOL.equals(request.getNamespaceURI()) || !"LogoutRequest".equals(request.getLocalName())) {
			throw new SamlException("not a LogoutRequest");
		}
		if (!"2.0".equals(attribute(request, "Version"))) {
			throw new SamlException("not SAML 2.0");
		}
		if (xmlSignatureRequired) {
			SamlSignatures.verify(request, r.idpCertificates());
		}
		Element issuer = child(request, ASSERTION, "Issuer");
		if (issuer == null || !r.idpEntityId().equals(text(issuer))) {
			throw new SamlException("LogoutRequest Issuer is not the identity provider");
		}
		String destination = attribute(request, "Destination");
		if (destination != null && !destination.equals(r.sloUrl())) {
			throw new SamlException("LogoutRequest Destination is not ours");
		}
		Instant issued = time(request, "IssueInstant");
		if (issued == null || now.plus(skew).isBefore(issued) || !now.isBefore(issued.plus(LOGOUT_REQUEST_LIFETIME).plus(skew))) {
			throw new SamlException("LogoutRequest IssueInstant not within " + LOGOUT_REQUEST_LIFETIME.toMinutes() + " minutes");
		}
		Instant notOnOrAfter = time(request, "NotOnOrAfter");
		if (notOnOrAfter != null && !now.isBefore(notOnOrAfter.plus(skew))) {
			throw new SamlException("LogoutRequest expired");
		}
		if (child(request, ASSERTION, "EncryptedID") != null) {
			throw new SamlException("LogoutRequest with an encrypted NameID is not supported");
		}
		String nameId = text(required(request, ASSERTION, "NameID"));
		String id = attribute(request, "ID");
		if (id == null || id.isBlank() || nameId == null || nameId.isBlank()) {
			throw new SamlException("LogoutRequest without ID or NameID");
		}
		List<String> sessionIndexes = SamlXml.children(request, PROTOCOL, "SessionIndex").stream().map(SamlXml::text).toList();
		return new LogoutRequested(id, nameId, sessionIndexes);
	}

	/** How old an identity provider's LogoutRequest may be. */
	static final Duration LOGOUT_REQUEST_LIFETIME = Duration.ofMinutes(5);

	private static Instant time(Element e, String attribute) {
		String value = attribute(e, attribute);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new SamlException("bad time in " + attribute);
		}
	}
}
