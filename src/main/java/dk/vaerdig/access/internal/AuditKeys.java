package dk.vaerdig.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret keys of the audit chain's HMAC-SHA-256. They come from the environment or a key file, never from the
 * database, so someone who can write to the database cannot recompute the chain. Each key has an id, stored beside
 * every hash it made; new entries use the current (last listed) key, and verification picks the key by the entry's id,
 * so a key can be rotated by adding a new one and keeping the old ones listed.
 */
public final class AuditKeys {

	/** The shortest key accepted, in bytes. */
	static final int MIN_KEY_BYTES = 16;

	private final Map<String, SecretKeySpec> keys;

	private final String currentId;

	private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

	private AuditKeys(Map<String, SecretKeySpec> keys, String currentId) {
		this.keys = keys;
		this.currentId = currentId;
	}

	/** Parses keys written as {@code base64} or {@code id:base64}, in order; the last is the current one. */
	public static AuditKeys parse(List<String> specs) {
		Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
		String current = null;
		for (String raw : specs) {
			String spec = raw.strip();
			if (spec.isEmpty() || spec.startsWith("#")) {
				continue;
			}
			int colon = spec.indexOf(':');
			String id = colon < 0 ? null : spec.substring(0, colon).strip();
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(spec.substring(colon + 1).strip());
			}
			catch (IllegalArgumentException e) {
				throw new IllegalStateException("An audit key is not valid base64 (" + (id == null ? "no id" : "id " + id)
						+ "). Make one with: openssl rand -base64 32");
			}
			if (bytes.length < MIN_KEY_BYTES) {
				throw new IllegalStateException("An audit key has " + bytes.length + " bytes; at least " + MIN_KEY_BYTES
						+ " are needed. Make one with: openssl rand -base64 32");
			}
			if (id == null || id.isEmpty()) {
				id = fingerprint(bytes);
			}
			if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
				throw new IllegalStateException("An audit key id may hold only letters, digits, '.', '_' and '-' (at most 32): "
						+ id);
			}
			SecretKeySpec previous = keys.put(id, new SecretKeySpec(bytes, "HmacSHA256"));
			if (previous != null && !MessageDigest.isEqual(previous.getEncoded(), bytes)) {
				throw new IllegalStateException("Two different audit keys have the same id " + id);
			}
			current = id;
		}
		if (current == null) {
			throw new IllegalStateException("No audit key is configured.");
		}
		return new AuditKeys(Collections.unmodifiableMap(keys), current);
	}

	/**
	 * These keys and one more, {@code base64} or {@code id:base64}, which becomes the current key: what appending a line
	 * to the key file and restarting does.
	 */
	public AuditKeys rotatedTo(String spec) {
		List<String> specs = new ArrayList<>();
		keys.forEach((id, key) -> {
			if (!id.equals(currentId)) {
				specs.add(id + ":" + Base64.getEncoder().encodeToString(key.getEncoded()));
			}
		});
		specs.add(currentId + ":" + Base64.getEncoder().encodeToString(keys.get(currentId).getEncoded()));
		specs.add(spec);
		return parse(specs);
	}

	/** A new random key of 32 bytes, as {@code base64}. */
	public static String newKey() {
		byte[] bytes = new byte[32];
		new java.security.SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/** The id of the key that new entries are signed with. */
	public String currentId() {
		return currentId;
	}

	public boolean knows(String keyId) {
		return keys.containsKey(keyId);
	}

	/** The ids of all configured keys, oldest first. */
	public List<String> ids() {
		return new ArrayList<>(keys.keySet());
	}

	/** HMAC-SHA-256 of the text with the key of that id, as 64 hex digits. */
	public String mac(String keyId, String text) {
		SecretKeySpec key = keys.get(keyId);
		if (key == null) {
			throw new IllegalArgumentException("Unknown audit key id " + keyId);
		}
		Mac mac = macs.get().computeIfAbsent(keyId, id -> {
			try {
				Mac m = Mac.getInstance("HmacSHA256");
				m.init(key);
				return m;
			}
			catch (NoSuchAlgorithmException | InvalidKeyException e) {
				throw new IllegalStateException(e);
			}
		});
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String fingerprint(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
