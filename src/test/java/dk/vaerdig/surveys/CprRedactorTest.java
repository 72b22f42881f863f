package dk.vaerdig.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dk.vaerdig.surveys.internal.CprRedactor;

class CprRedactorTest {

	static final String GONE = "[CPR-nummer fjernet]";

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Mit nummer er 010190-1234, ring gerne|Mit nummer er [CPR-nummer fjernet], ring gerne",
			"cpr 0101901234.|cpr [CPR-nummer fjernet].", "010190 1234|[CPR-nummer fjernet]",
			"Ring på 22 33 44 55|Ring på 22 33 44 55", "Kontonr. 1234-5678901234|Kontonr. 1234-5678901234",
			"320190-1234 er ikke en dato|320190-1234 er ikke en dato", "Jeg har ventet 14 dage|Jeg har ventet 14 dage" })
	void removesCprNumbersAndLeavesOtherNumbers(String text, String expected) {
		assertThat(CprRedactor.redact(text)).isEqualTo(expected);
	}

	/** The spellings the issue found stored as typed. */
	@ParameterizedTest
	@ValueSource(strings = { "01.01.90-1234", "010190–1234", "010190/1234", "0101 90 1234", "01 01 90 1234", "010190.1234",
			"010190 - 1234", "010190—1234", "01-01-90-1234", "01/01/90 1234", "31.12.99 – 9999", "010190\u00A01234",
			"010190 -1234", "01. 01. 90-1234" })
	void everySpellingOfACprNumberIsRemoved(String cpr) {
		assertThat(CprRedactor.redact("Mit cpr er " + cpr + ", tak.")).isEqualTo("Mit cpr er " + GONE + ", tak.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "01.01.1990", "1. januar 2024", "01-01-2024", "2024-01-01", "01/01/2024", "01.01.90",
			"20 30 40 50", "+45 20304050", "2030 4050", "+45 20 30 40 50", "20-30-40-50", "0045 21019012", "kl. 10.30",
			"12.500 kr.", "1.000.000", "uge 12-14" })
	void datesPhoneNumbersAndAmountsStay(String text) {
		assertThat(CprRedactor.redact("Det er " + text + ", tak.")).isEqualTo("Det er " + text + ", tak.");
	}

	static final List<String> SEPARATORS = List.of("", "", " ", "-", "–", "—", "‐", "−", ".", "/", " - ", " – ", " — ", "  ",
			". ", " / ", "\u00A0", "\t", " -", "- ", " . ");

	static final String WORDS = "abcdefghijklmnopqrstuvwxyzæøå ,;:!?()";

	static String words(Random random, int max) {
		StringBuilder s = new StringBuilder();
		for (int i = random.nextInt(max); i > 0; i--) {
			s.append(WORDS.charAt(random.nextInt(WORDS.length())));
		}
		return s.toString();
	}

	static String two(int n) {
		return String.format("%02d", n);
	}

	static String separator(Random random) {
		return SEPARATORS.get(random.nextInt(SEPARATORS.size()));
	}

	/** Property: a CPR number with any separators between any of its groups, amid any words, is removed, and only it. */
	@Test
	void generatedCprNumbersWithRandomSeparatorsAreAllRemoved() {
		Random random = new Random(1234);
		for (int i = 0; i < 5000; i++) {
			String cpr = two(1 + random.nextInt(31)) + separator(random) + two(1 + random.nextInt(12)) + separator(random)
					+ two(random.nextInt(100)) + separator(random) + String.format("%04d", random.nextInt(10000));
			String before = words(random, 20);
			String after = words(random, 20);
			assertThat(CprRedactor.redact(before + " " + cpr + " " + after)).as(cpr)
				.isEqualTo(before + " " + GONE + " " + after);
		}
	}

	static final String[] MONTHS = { "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
			"oktober", "november", "december" };

	/** Property: dates with a four-digit year and Danish phone numbers, however written, stay as typed. */
	@Test
	void generatedDatesAndPhoneNumbersStay() {
		Random random = new Random(4321);
		for (int i = 0; i < 5000; i++) {
			int day = 1 + random.nextInt(31);
			int month = 1 + random.nextInt(12);
			int year = 1900 + random.nextInt(200);
			String date = switch (random.nextInt(5)) {
				case 0 -> two(day) + "." + two(month) + "." + year;
				case 1 -> two(day) + "-" + two(month) + "-" + year;
				case 2 -> day + ". " + MONTHS[month - 1] + " " + year;
				case 3 -> year + "-" + two(month) + "-" + two(day);
				default -> day + "/" + month + " " + year;
			};
			String digits = (2 + random.nextInt(8)) + String.format("%07d", random.nextInt(10_000_000));
			String phone = switch (random.nextInt(6)) {
				case 0 -> digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6) + " "
						+ digits.substring(6);
				case 1 -> "+45 " + digits;
				case 2 -> digits.substring(0, 4) + " " + digits.substring(4);
				case 3 -> "+45 " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6) + " "
						+ digits.substring(6);
				case 4 -> "0045" + separator(random) + digits;
				default -> digits;
			};
			String text = words(random, 15) + " " + date + " " + words(random, 15) + " " + phone + " " + words(random, 15);
			assertThat(CprRedactor.redact(text)).isEqualTo(text);
		}
	}
}
