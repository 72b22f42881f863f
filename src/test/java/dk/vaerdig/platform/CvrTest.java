package dk.vaerdig.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CvrTest {

	/** Real CVR numbers: Novo Nordisk 24256790, Danske Bank 61126228, Københavns Kommune 64942212. */
	@ParameterizedTest
	@ValueSource(strings = { "24256790", "61126228", "64942212", "DK 2425 6790", "dk24256790" })
	void acceptsValidNumbers(String text) {
		assertThat(Cvr.isValid(text)).isTrue();
	}

	@Test
	void theChecksumIsComputedAsTheDesignSays() {
		// 2*2 + 4*7 + 2*6 + 5*5 + 6*4 + 7*3 + 9*2 + 0*1 = 4 + 28 + 12 + 25 + 24 + 21 + 18 + 0 = 132 = 12 * 11
		assertThat(Cvr.of("24256790").value()).isEqualTo("24256790");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234567", "123456789", "02425679", "24256791", "2425679a", "24-25-67-90" })
	void rejectsInvalidNumbers(String text) {
		assertThat(Cvr.isValid(text)).isFalse();
		assertThatThrownBy(() -> Cvr.of(text)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cvr.invalid");
	}

	/** Property: changing any single digit of a valid number makes it invalid (the weights are all below 11). */
	@Test
	void everySingleDigitErrorIsCaught() {
		Random random = new Random(3);
		int found = 0;
		while (found < 300) {
			String candidate = String.valueOf(10_000_000 + random.nextInt(89_999_999));
			if (!Cvr.isValid(candidate)) {
				continue;
			}
			found++;
			for (int pos = 0; pos < 8; pos++) {
				for (char d = '0'; d <= '9'; d++) {
					if (d == candidate.charAt(pos)) {
						continue;
					}
					String changed = candidate.substring(0, pos) + d + candidate.substring(pos + 1);
					assertThat(Cvr.isValid(changed)).as(changed).isFalse();
				}
			}
		}
	}
}
