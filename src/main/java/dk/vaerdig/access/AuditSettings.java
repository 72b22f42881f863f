package dk.vaerdig.access;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit log is keyed and checkpointed (kept apart from {@link AccessSettings} so the audit trail's settings
 * read as one block: {@code vaerdig.access.audit.*}).
 *
 * @param key one or more keys for the HMAC of the chain, comma-separated, each {@code base64} or {@code id:base64}
 *     (at least 16 bytes, e.g. {@code openssl rand -base64 32}); also read from the environment variable
 *     {@code VAERDIG_AUDIT_KEY}. New entries use the last key listed; older keys still verify the entries they signed.
 *     A key without an id gets the first 8 hex digits of the SHA-256 of the key as its id.
 * @param keyFile a file with one key per line, in the same form (lines starting with # are ignored); its keys come
 *     before those of {@code key}, so the last line of the file is the current key unless {@code key} is set too.
 *     Rotation: append a new line ({@code openssl rand -base64 32 >> /etc/vaerdig/audit.key}) and restart.
 * @param checkpointFile an append-only file that a signed checkpoint of the chain's head is appended to (and read back
 *     from by the verification); empty for none (the checkpoints still go to the log stream). Make it append-only for
 *     the app's user: {@code chattr +a}, or a directory on another host that the app may only append to.
 * @param checkpointInterval how often a checkpoint is written (when the chain has grown since the last one): the tail
 *     written after the latest checkpoint is what can still be cut unnoticed
 */
@ConfigurationProperties("vaerdig.access.audit")
public record AuditSettings(String key, Path keyFile, Path checkpointFile,
		@DefaultValue("1m") Duration checkpointInterval) {
}
