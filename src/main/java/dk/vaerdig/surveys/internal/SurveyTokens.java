package dk.vaerdig.surveys.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dk.vaerdig.surveys.SurveySettings;

/**
 * The single-use tokens of survey invitations. A token is the first 128 bits of HMAC-SHA-256 over the invitation's id
 * with a server secret, so the server can show it again later (the printed meeting summary, the kiosk) without
 * storing it; the database keeps only its SHA-256. A database reader therefore cannot answer for a candidate: the
 * hash does not give the token back, and without the secret the token cannot be made from the id. A plain, unsalted
 * SHA-256 is enough because the token has 128 bits of entropy: nobody can try all tokens against a stolen hash.
 * <p>
 * The secret is {@code vaerdig.surveys.token-secret} (at least 32 characters, e.g. {@code openssl rand -base64 32}).
 * Without it the app refuses to start against a real database; on the embedded database it makes one itself and keeps
 * it beside the data directory (or, without one, for this run only, as the database itself is then temporary).
 */
@Component
public class SurveyTokens {

	private static final Logger log = LoggerFactory.getLogger(SurveyTokens.class);

	static final String SECRET_PROPERTY = "vaerdig.surveys.token-secret";

	private final SecretKeySpec key;

	SurveyTokens(SurveySettings settings, Environment environment) {
		this.key = new SecretKeySpec(secret(settings.tokenSecret(), environment).getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
	}

	/** The token of the invitation with this id. */
	public String forInvitation(long invitationId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] full = mac.doFinal(("survey-invitation:" + invitationId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** What the database stores of a token: its SHA-256, in hex. */
	public static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String secret(String configured, Environment environment) {
		if (configured != null && !configured.isBlank()) {
			if (configured.strip().length() < 32) {
				throw new IllegalStateException(SECRET_PROPERTY + " is too short: use at least 32 characters, e.g. the"
						+ " output of `openssl rand -base64 32`");
			}
			return configured.strip();
		}
		if (environment.getProperty("spring.datasource.url") != null) {
			throw new IllegalStateException("Set " + SECRET_PROPERTY + " (environment variable VAERDIG_SURVEYS_TOKEN_SECRET)"
					+ " to a secret of at least 32 characters, e.g. the output of `openssl rand -base64 32`, the same on"
					+ " every node and kept across restarts: survey links and QR codes are made from it");
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String made = Base64.getEncoder().encodeToString(random);
		String dataDirectory = environment.getProperty("vaerdig.platform.embedded-db.data-directory");
		if (dataDirectory == null || dataDirectory.isBlank()) {
			log.info("Survey tokens: a secret made for this run (embedded database without a data directory)");
			return made;
		}
		Path dir = Path.of(dataDirectory.replaceFirst("^~", System.getProperty("user.home")));
		Path file = dir.resolveSibling(dir.getFileName() + ".survey-token-secret");
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, made);
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException e) {
					// not a POSIX file system: the file keeps the directory's permissions
				}
				log.info("Survey tokens: made a secret for the embedded database and keep it in {}", file);
			}
			return Files.readString(file).strip();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the survey token secret in " + file, e);
		}
	}
}
