package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.vaerdig.access.AuditLog.AuditEntry;
import dk.vaerdig.access.internal.AuditKeys;

class AuditKeysTest {

	private static final Instant AT = Instant.parse("2026-11-26T10:15:30.123456Z");

	private static final String KEY_A = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	private static final String KEY_B = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

	private final AuditKeys keys = AuditKeys.parse(List.of("a:" + KEY_A));

	private static AuditEntry entry(long seq, Instant at, String actor, Long candidate, AuditAction action, String detail) {
		return new AuditEntry(seq, at, actor, candidate, action, detail);
	}

	@Test
	void theHashCoversEveryFieldThePositionTheKeyAndThePreviousHash() {
		String prev = "0".repeat(64);
		AuditEntry e = entry(7, AT, "mette", 42L, AuditAction.VIEW_CASE, null);
		String base = AuditLog.hash(keys, "a", 1, e, prev);
		assertThat(base).hasSize(64).isEqualTo(AuditLog.hash(keys, "a", 1, e, prev));
		assertThat(AuditLog.hash(keys, "a", 2, e, prev)).isNotEqualTo(base);
		assertThat(AuditLog.hash(keys, "a", 1, entry(8, AT, "mette", 42L, AuditAction.VIEW_CASE, null), prev))
			.isNotEqualTo(base);
		assertThat(AuditLog.hash(keys, "a", 1, entry(7, AT.plusNanos(1000), "mette", 42L, AuditAction.VIEW_CASE, null), prev))
			.isNotEqualTo(base);
		assertThat(AuditLog.hash(keys, "a", 1, entry(7, AT, "jonas", 42L, AuditAction.VIEW_CASE, null), prev))
			.isNotEqualTo(base);
		assertThat(AuditLog.hash(keys, "a", 1, entry(7, AT, "mette", 43L, AuditAction.VIEW_CASE, null), prev))
			.isNotEqualTo(base);
		assertThat(AuditLog.hash(keys, "a", 1, entry(7, AT, "mette", 42L, AuditAction.REVEAL_CPR, null), prev))
			.isNotEqualTo(base);
		// a missing detail is not the text "null"
		assertThat(AuditLog.hash(keys, "a", 1, entry(7, AT, "mette", 42L, AuditAction.VIEW_CASE, "null"), prev))
			.isNotEqualTo(base);
		assertThat(AuditLog.hash(keys, "a", 1, e, "1".repeat(64))).isNotEqualTo(base);
	}

	@Test
	void anotherKeyGivesAnotherHashSoTheChainCannotBeRecomputedWithoutIt() {
		AuditKeys other = AuditKeys.parse(List.of("a:" + KEY_B));
		AuditEntry e = entry(7, AT, "mette", 42L, AuditAction.VIEW_CASE, null);
		assertThat(AuditLog.hash(other, "a", 1, e, "0".repeat(64)))
			.isNotEqualTo(AuditLog.hash(keys, "a", 1, e, "0".repeat(64)));
	}

	@Test
	void theLastKeyListedIsCurrentAndOlderKeysStillVerify() {
		AuditKeys rotated = AuditKeys.parse(List.of("# rotated in November", "a:" + KEY_A, "", "b:" + KEY_B));
		assertThat(rotated.currentId()).isEqualTo("b");
		assertThat(rotated.ids()).containsExactly("a", "b");
		AuditEntry e = entry(7, AT, "mette", 42L, AuditAction.VIEW_CASE, null);
		assertThat(AuditLog.hash(rotated, "a", 1, e, "0".repeat(64)))
			.isEqualTo(AuditLog.hash(keys, "a", 1, e, "0".repeat(64)));
		assertThat(keys.rotatedTo("b:" + KEY_B).currentId()).isEqualTo("b");
		assertThat(keys.rotatedTo("b:" + KEY_B).knows("a")).isTrue();
	}

	@Test
	void aKeyWithoutIdIsNamedByItsFingerprint() {
		AuditKeys unnamed = AuditKeys.parse(List.of(KEY_A));
		assertThat(unnamed.currentId()).matches("[0-9a-f]{8}");
		assertThat(AuditKeys.parse(List.of(KEY_A)).currentId()).isEqualTo(unnamed.currentId());
		assertThat(AuditKeys.parse(List.of(KEY_B)).currentId()).isNotEqualTo(unnamed.currentId());
	}

	@Test
	void shortOrMalformedKeysAreRefusedWithAHowTo() {
		assertThatThrownBy(() -> AuditKeys.parse(List.of(Base64.getEncoder().encodeToString(new byte[8]))))
			.hasMessageContaining("at least 16").hasMessageContaining("openssl rand -base64 32");
		assertThatThrownBy(() -> AuditKeys.parse(List.of("a:not base64!"))).hasMessageContaining("base64");
		assertThatThrownBy(() -> AuditKeys.parse(List.of("# only a comment"))).hasMessageContaining("No audit key");
		assertThatThrownBy(() -> AuditKeys.parse(List.of("a:" + KEY_A, "a:" + KEY_B))).hasMessageContaining("same id");
		assertThat(AuditKeys.parse(List.of(AuditKeys.newKey())).currentId()).hasSize(8);
	}
}
