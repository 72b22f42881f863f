package dk.vaerdig.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CprTest {

	@ParameterizedTest(name = "{0} is born {1}")
	@CsvSource({ "010190-1234, 1990-01-01", "0101901234, 1990-01-01", "311299-3999, 1999-12-31",
			"010136-4000, 2036-01-01", "010137-4000, 1937-01-01", "010157-5000, 2057-01-01", "010158-5000, 1858-01-01",
			"290200-4001, 2000-02-29", "150520-9123, 2020-05-15", "150590-9123, 1990-05-15" })
	void theSeventhDigitAndTheYearGiveTheCentury(String text, LocalDate birth) {
		assertThat(Cpr.of(text).birthDate()).isEqualTo(birth);
	}

	@Test
	void numbersWithoutModulus11AreValid() {
		// 010190-1235 fails the old modulus-11 check; such numbers are issued since 2007 and fully valid
		assertThat(Cpr.isValid("010190-1235")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "abc", "01019-1234", "010190-12345", "320190-1234", "011390-1234", "290201-1234",
			"000190-1234", "01-01-90-1234", "010190_1234" })
	void rejectsWhatIsNoCprNumber(String text) {
		assertThat(Cpr.isValid(text)).isFalse();
		assertThatThrownBy(() -> Cpr.of(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("cpr.invalid");
	}

	@Test
	void masksTheSerialAndNeverPrintsIt() {
		Cpr cpr = Cpr.of("010190-1234");
		assertThat(cpr.masked()).isEqualTo("010190-xxxx");
		assertThat(cpr.toString()).isEqualTo("010190-xxxx").doesNotContain("1234");
		assertThat(cpr.value()).isEqualTo("010190-1234");
	}

	@Test
	void theLastDigitGivesTheLegalGender() {
		assertThat(Cpr.of("010190-1234").isFemale()).isTrue();
		assertThat(Cpr.of("010190-1233").isFemale()).isFalse();
	}

	static Stream<Arguments> generatedDates() {
		Random random = new Random(42);
		return IntStream.range(0, 500).mapToObj(i -> {
			LocalDate birth = LocalDate.of(1858, 1, 1).plusDays(random.nextInt(200 * 365));
			return Arguments.of(birth, random.nextInt(10000));
		});
	}

	/** Property: every real date from 1858 to 2057 has a CPR form that parses back to the same date. */
	@ParameterizedTest
	@MethodSource("generatedDates")
	void everyBirthDateRoundTrips(LocalDate birth, int serialTail) {
		int year = birth.getYear();
		int yy = year % 100;
		int seventh; // which 7th digits give this century: 5-8 for 1858-99 and 2037-57, 0-3 for 1900-99, 4 for 2000-36
		if (year < 1900 || year >= 2037) {
			seventh = 5 + serialTail % 4;
		}
		else if (year < 2000) {
			seventh = serialTail % 4;
		}
		else {
			seventh = 4;
		}
		String text = String.format("%02d%02d%02d-%d%03d", birth.getDayOfMonth(), birth.getMonthValue(), yy, seventh,
				serialTail % 1000);
		assertThat(Cpr.of(text).birthDate()).isEqualTo(birth);
	}

	/** Property: no random string makes the parser fail with anything but IllegalArgumentException. */
	@Test
	void neverFailsOtherwiseOnRandomInput() {
		Random random = new Random(7);
		String alphabet = "0123456789- xæ\t";
		for (int i = 0; i < 5000; i++) {
			StringBuilder s = new StringBuilder();
			int len = random.nextInt(14);
			for (int j = 0; j < len; j++) {
				s.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			try {
				Cpr.of(s.toString());
			}
			catch (IllegalArgumentException expected) {
				assertThat(expected.getMessage()).startsWith("cpr.invalid");
			}
		}
	}
}
