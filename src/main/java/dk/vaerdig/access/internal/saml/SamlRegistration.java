package dk.vaerdig.access.internal.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.core.io.ResourceLoader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A configured SAML registration made ready: our URLs, our key and certificate, and the identity provider's entity
 * id, addresses and trusted certificates (from its metadata and/or configured directly; configured values win).
 *
 * @param id {@code staff} or {@code mitid}
 * @param basePath where its endpoints live: {@code /saml/staff} or {@code /min-side/saml}
 * @param decryptionKeys our keys for encrypted assertions, the current one first (then those of earlier rollovers)
 * @param encryptionCertificate the current decryption key's certificate, published in our metadata
 */
public record SamlRegistration(String id, String basePath, String entityId, String acsUrl, String sloUrl,
		String metadataUrl, PrivateKey spKey, X509Certificate spCertificate, String idpEntityId, String idpSsoUrl,
		String idpSloUrl, List<X509Certificate> idpCertificates, SamlSettings.Registration settings,
		List<PrivateKey> decryptionKeys, X509Certificate encryptionCertificate) {

	public static SamlRegistration load(String id, String basePath, String baseUrl, SamlSettings.Registration s,
			ResourceLoader resources) {
		String base = baseUrl.replaceAll("/+$", "") + basePath;
		String metadataUrl = base + "/metadata";
		String entityId = blank(s.entityId()) ? metadataUrl : s.entityId();
		String idpEntityId = s.idpEntityId();
		String sso = s.idpSsoUrl();
		String slo = s.idpSloUrl();
		List<X509Certificate> certs = new ArrayList<>();
		if (!blank(s.idpMetadata())) {
			Document metadata = SamlXml.parse(read(resources, s.idpMetadata()));
			if (!blank(s.idpMetadataTrustCertificate())) {
				checkSignature(metadata, certificate(pem(read(resources, s.idpMetadataTrustCertificate()), "CERTIFICATE")),
						id, s.idpMetadata(), Instant.now());
			}
			Element idp = SamlXml.all(metadata, SamlXml.METADATA, "IDPSSODescriptor")
				.stream()
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no IDPSSODescriptor in " + s.idpMetadata()));
			Element entity = (Element) idp.getParentNode();
			if (blank(idpEntityId)) {
				idpEntityId = entity.getAttribute("entityID");
			}
			if (blank(sso)) {
				sso = location(idp, "SingleSignOnService");
			}
			if (blank(slo)) {
				slo = location(idp, "SingleLogoutService");
			}
			for (Element key : SamlXml.children(idp, SamlXml.METADATA, "KeyDescriptor")) {
				String use = SamlXml.attribute(key, "use");
				if (use == null || use.equals("signing")) {
					for (Element c : SamlXml.all(metadata, SamlXml.DSIG, "X509Certificate")) {
						if (isInside(c, key)) {
							certs.add(certificate(Base64.getMimeDecoder().decode(SamlXml.text(c))));
						}
					}
				}
			}
		}
		if (!blank(s.idpCertificate())) {
			certs.add(0, certificate(pem(read(resources, s.idpCertificate()), "CERTIFICATE")));
		}
		if (blank(idpEntityId) || blank(sso) || certs.isEmpty()) {
			throw new IllegalStateException("vaerdig.access.saml." + id
					+ ": the identity provider's entity id, SSO address and certificate are needed (metadata or settings)");
		}
		if (blank(s.spKey()) || blank(s.spCertificate())) {
			throw new IllegalStateException("vaerdig.access.saml." + id + ": sp-key and sp-certificate are needed");
		}
		PrivateKey key = privateKey(pem(read(resources, s.spKey()), "PRIVATE KEY"));
		X509Certificate cert = certificate(pem(read(resources, s.spCertificate()), "CERTIFICATE"));
		if (blank(s.spEncryptionKey()) != blank(s.spEncryptionCertificate())) {
			throw new IllegalStateException(
					"vaerdig.access.saml." + id + ": sp-encryption-key and sp-encryption-certificate go together");
		}
		List<PrivateKey> decryptionKeys = new ArrayList<>();
		decryptionKeys.add(blank(s.spEncryptionKey()) ? key : privateKey(pem(read(resources, s.spEncryptionKey()), "PRIVATE KEY")));
		for (String old : s.spOldEncryptionKeys()) {
			decryptionKeys.add(privateKey(pem(read(resources, old), "PRIVATE KEY")));
		}
		X509Certificate encryptionCert = blank(s.spEncryptionCertificate()) ? cert
				: certificate(pem(read(resources, s.spEncryptionCertificate()), "CERTIFICATE"));
		return new SamlRegistration(id, basePath, entityId, base + "/acs", base + "/logout", metadataUrl, key, cert,
				idpEntityId, sso, slo, List.copyOf(certs), s, List.copyOf(decryptionKeys), encryptionCert);
	}

	/**
	 * The metadata's signature: on its root element (an EntityDescriptor or EntitiesDescriptor), by the trusted
	 * certificate, with the same rules as a SAML message's signature (so it covers everything read from it), and its
	 * {@code validUntil}, if any, not passed.
	 */
	static void checkSignature(Document metadata, X509Certificate trusted, String id, String location, Instant now) {
		Element root = metadata.getDocumentElement();
		if (!SamlXml.METADATA.equals(root.getNamespaceURI())) {
			throw new IllegalStateException("vaerdig.access.saml." + id + ": " + location + " is not SAML metadata");
		}
		try {
			SamlSignatures.verify(root, List.of(trusted));
		}
		catch (SamlException e) {
			throw new IllegalStateException("vaerdig.access.saml." + id + ": the identity provider's metadata " + location
					+ " is refused: " + e.getMessage(), e);
		}
		String validUntil = SamlXml.attribute(root, "validUntil");
		if (validUntil != null && !now.isBefore(parse(validUntil, id))) {
			throw new IllegalStateException("vaerdig.access.saml." + id + ": the identity provider's metadata " + location
					+ " expired at " + validUntil);
		}
	}

	private static Instant parse(String time, String id) {
		try {
			return OffsetDateTime.parse(time).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new IllegalStateException("vaerdig.access.saml." + id + ": bad validUntil in the identity provider's metadata");
		}
	}

	private static boolean isInside(Element inner, Element outer) {
		for (var n = inner.getParentNode(); n != null; n = n.getParentNode()) {
			if (n == outer) {
				return true;
			}
		}
		return false;
	}

	private static String location(Element idp, String service) {
		for (Element e : SamlXml.children(idp, SamlXml.METADATA, service)) {
			if (SamlXml.REDIRECT_BINDING.equals(e.getAttribute("Binding"))) {
				return e.getAttribute("Location");
			}
		}
		return null;
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static byte[] read(ResourceLoader resources, String location) {
		try (InputStream in = resources.getResource(location).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + location, e);
		}
	}

	/** The DER bytes of the first PEM block of this kind (or the whole input, if it is not PEM). */
	static byte[] pem(byte[] content, String kind) {
		String text = new String(content, StandardCharsets.US_ASCII);
		String begin = "-----BEGIN " + kind + "-----";
		int start = text.indexOf(begin);
		if (start < 0) {
			return content;
		}
		int end = text.indexOf("-----END " + kind + "-----", start);
		return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
	}

	public static X509Certificate certificate(byte[] der) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
		}
		catch (Exception e) {
			throw new IllegalStateException("not an X.509 certificate", e);
		}
	}

	static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (Exception e) {
			throw new IllegalStateException("the SP key must be an RSA key in PKCS#8 PEM (BEGIN PRIVATE KEY)", e);
		}
	}
}
