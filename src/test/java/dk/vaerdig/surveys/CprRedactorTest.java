package dk.vaerdig.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.vaerdig.surveys.internal.CprRedactor;

class CprRedactorTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Mit nummer er 010190-1234, ring gerne|Mit nummer er [CPR-nummer fjernet], ring gerne",
			"cpr 0101901234.|cpr [CPR-nummer fjernet].", "010190 1234|[CPR-nummer fjernet]",
			"Ring på 22 33 44 55|Ring på 22 33 44 55", "Kontonr. 1234-5678901234|Kontonr. 1234-5678901234",
			"320190-1234 er ikke en dato|320190-1234 er ikke en dato", "Jeg har ventet 14 dage|Jeg har ventet 14 dage" })
	void removesCprNumbersAndLeavesOtherNumbers(String text, String expected) {
		assertThat(CprRedactor.redact(text)).isEqualTo(expected);
	}

	/** Property: whatever the text, no valid CPR number survives redaction, and text without one is unchanged. */
	@Test
	void noValidCprSurvivesOnRandomText() {
		Random random = new Random(11);
		String alphabet = "0123456789 -.,abcæøå\n";
		for (int i = 0; i < 3000; i++) {
			StringBuilder s = new StringBuilder();
			for (int j = random.nextInt(60); j > 0; j--) {
				s.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			if (random.nextBoolean()) {
				s.insert(random.nextInt(s.length() + 1), " 0" + (1 + random.nextInt(9)) + "0" + (1 + random.nextInt(9))
						+ (10 + random.nextInt(89)) + "-" + (1000 + random.nextInt(8999)) + " ");
			}
			String redacted = CprRedactor.redact(s.toString());
			var m = java.util.regex.Pattern.compile("(?<![0-9])(\\d{6})[-\\s]?(\\d{4})(?![0-9])").matcher(redacted);
			while (m.find()) {
				assertThat(dk.vaerdig.platform.Cpr.isValid(m.group(1) + "-" + m.group(2))).as(redacted).isFalse();
			}
		}
	}
}
