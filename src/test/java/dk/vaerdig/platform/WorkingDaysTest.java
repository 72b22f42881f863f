package dk.vaerdig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

	private final WorkingDays days = new WorkingDays(
			Set.of(MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 31)));

	@ParameterizedTest(name = "{0} is no working day")
	@CsvSource({ "2026-04-02", // Maundy Thursday
			"2026-04-03", // Good Friday
			"2026-04-06", // Easter Monday
			"2026-05-14", // Ascension Day
			"2026-05-25", // Whit Monday
			"2026-06-05", // Constitution Day (closing day)
			"2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01", "2026-11-28", "2026-11-29" })
	void holidaysClosingDaysAndWeekendsAreNoWorkingDays(LocalDate day) {
		assertThat(days.isWorkingDay(day)).isFalse();
	}

	@Test
	void greatPrayerDayIsAWorkingDayFrom2024() {
		assertThat(days.isWorkingDay(LocalDate.of(2023, 5, 5))).isFalse();
		assertThat(days.isWorkingDay(LocalDate.of(2024, 4, 26))).isTrue();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 5, 1))).isTrue();
	}

	@ParameterizedTest(name = "{1} working days after {0} is {2}")
	@CsvSource({ "2026-11-27, 2, 2026-12-01", // Friday + 2 = Tuesday
			"2026-12-23, 1, 2026-12-28", // past Christmas Eve, Christmas and the weekend
			"2026-12-23, 2, 2026-12-29", "2026-04-01, 1, 2026-04-07", // past Easter
			"2026-11-26, 0, 2026-11-26", "2026-11-28, 0, 2026-11-30" })
	void countsWorkingDaysForward(LocalDate from, int n, LocalDate expected) {
		assertThat(days.plus(from, n)).isEqualTo(expected);
	}

	/** Property: between(from, plus(from, n)) == n, and the result is always a working day. */
	@Test
	void plusAndBetweenAgree() {
		Random random = new Random(2026);
		for (int i = 0; i < 300; i++) {
			LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1500));
			int n = 1 + random.nextInt(60);
			LocalDate to = days.plus(from, n);
			assertThat(days.isWorkingDay(to)).isTrue();
			assertThat(days.between(from, to)).isEqualTo(n);
			assertThat(days.between(to, from)).isEqualTo(-n);
		}
	}
}
