package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditHashTest {

	private static final Instant AT = Instant.parse("2026-11-26T10:15:30.123456Z");

	@Test
	void theHashCoversEveryFieldAndThePreviousHash() {
		String base = AuditLog.hash(1, AT, "mette", 42L, "VIEW_CASE", null, "0".repeat(64));
		assertThat(base).hasSize(64).isEqualTo(AuditLog.hash(1, AT, "mette", 42L, "VIEW_CASE", null, "0".repeat(64)));
		assertThat(AuditLog.hash(2, AT, "mette", 42L, "VIEW_CASE", null, "0".repeat(64))).isNotEqualTo(base);
		assertThat(AuditLog.hash(1, AT.plusMillis(1), "mette", 42L, "VIEW_CASE", null, "0".repeat(64))).isNotEqualTo(base);
		assertThat(AuditLog.hash(1, AT, "jonas", 42L, "VIEW_CASE", null, "0".repeat(64))).isNotEqualTo(base);
		assertThat(AuditLog.hash(1, AT, "mette", 43L, "VIEW_CASE", null, "0".repeat(64))).isNotEqualTo(base);
		assertThat(AuditLog.hash(1, AT, "mette", 42L, "REVEAL_CPR", null, "0".repeat(64))).isNotEqualTo(base);
		assertThat(AuditLog.hash(1, AT, "mette", 42L, "VIEW_CASE", "x", "0".repeat(64))).isNotEqualTo(base);
		assertThat(AuditLog.hash(1, AT, "mette", 42L, "VIEW_CASE", null, "1".repeat(64))).isNotEqualTo(base);
	}
}
