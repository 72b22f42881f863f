package dk.vaerdig.access.internal.saml;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dk.vaerdig.access.Role;

/**
 * SAML 2.0 logins ({@code vaerdig.access.saml.*}), off by default: {@code staff} for KOMBIT's Context Handler
 * (Fælleskommunal Adgangsstyring), {@code mitid} for NemLog-in. See README "Staff login through SAML 2.0".
 *
 * @param baseUrl the app's public address, from which the SP's URLs (metadata, ACS, logout) are made; empty means
 *     the address of each request (set it in production, so a Host header cannot move them)
 * @param clockSkew how far the identity provider's clock may be off from ours in the time checks
 * @param staff the staff registration
 * @param mitid the candidates' registration
 */
@ConfigurationProperties("vaerdig.access.saml")
public record SamlSettings(String baseUrl,
		@DefaultValue("60s") Duration clockSkew, @DefaultValue Registration staff, @DefaultValue Registration mitid) {

	/**
	 * One service provider registration.
	 *
	 * @param enabled whether this login is offered
	 * @param entityId our entity id (by default the metadata address)
	 * @param spKey our signing key, a PKCS#8 PEM file (Spring resource location: {@code file:…}, {@code classpath:…})
	 * @param spCertificate our certificate, PEM, published in our metadata
	 * @param idpMetadata the identity provider's metadata (a file or an https URL): entity id, SSO and logout
	 *     addresses and signing certificates are read from it
	 * @param idpCertificate the identity provider's signing certificate (PEM), if not (only) in the metadata
	 * @param idpEntityId the identity provider's entity id, if not from the metadata
	 * @param idpSsoUrl the identity provider's single sign-on address (HTTP-Redirect), if not from the metadata
	 * @param idpSloUrl the identity provider's single logout address (HTTP-Redirect), if not from the metadata
	 * @param authnContextClassRef an authentication context to ask for (NemLog-in: the level of assurance), or empty
	 * @param usernameAttribute staff: the attribute with the user name; empty means the NameID
	 * @param privilegesAttribute staff: the OIO Basic Privilege Profile attribute (base64 XML)
	 * @param privilegeScope staff: if set, only privilege groups of this scope count (e.g. the municipality's CVR
	 *     number as {@code urn:dk:gov:saml:cvrNumberIdentifier:29189846})
	 * @param privilegeRoles staff: privilege URI → Værdig role
	 * @param cprAttribute candidates: the attribute with the CPR number
	 * @param loaAttribute candidates: the attribute with the level of assurance ("Low", "Substantial", "High")
	 * @param spEncryptionKey our decryption key for encrypted assertions, a PKCS#8 PEM file; empty means the signing
	 *     key ({@code sp-key})
	 * @param spEncryptionCertificate its certificate, published in our metadata as the encryption key; empty means
	 *     the signing certificate
	 * @param spOldEncryptionKeys earlier decryption keys still accepted (key rollover: publish the new certificate,
	 *     keep the old key here until the identity provider has read the new metadata)
	 * @param requireEncryptedAssertions whether a plain (unencrypted) assertion is refused
	 * @param idpMetadataTrustCertificate the certificate (PEM) that must have signed the identity provider's
	 *     metadata; when set, unsigned or otherwise signed metadata is refused (NemLog-in and KOMBIT sign theirs)
	 */
	public record Registration(@DefaultValue("false") boolean enabled, String entityId, String spKey,
			String spCertificate, String idpMetadata, String idpCertificate, String idpEntityId, String idpSsoUrl,
			String idpSloUrl, String authnContextClassRef, String usernameAttribute,
			@DefaultValue("dk:gov:saml:attribute:Privileges_intermediate") String privilegesAttribute,
			String privilegeScope, Map<String, Role> privilegeRoles,
			@DefaultValue("https://data.gov.dk/model/core/eid/cprNumber") String cprAttribute,
			@DefaultValue("https://data.gov.dk/concept/core/nsis/loa") String loaAttribute, String spEncryptionKey,
			String spEncryptionCertificate, List<String> spOldEncryptionKeys,
			@DefaultValue("false") boolean requireEncryptedAssertions, String idpMetadataTrustCertificate) {

		public Map<String, Role> privilegeRoles() {
			return privilegeRoles == null ? Map.of() : privilegeRoles;
		}

		public List<String> spOldEncryptionKeys() {
			return spOldEncryptionKeys == null ? List.of() : spOldEncryptionKeys;
		}
	}
}
