package dk.vaerdig.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.vaerdig.complaints.internal.ComplaintDeadlines;
import dk.vaerdig.platform.WorkingDays;

class ComplaintDeadlinesTest {

	private final WorkingDays days = new WorkingDays(Set.of(MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 31)));

	@ParameterizedTest(name = "a decision received {0} may be complained about until {1}")
	@CsvSource({ "2026-11-02, 2026-11-30", // a Monday: the same weekday four weeks later
			"2026-11-26, 2026-12-28", // four weeks later is Christmas Eve (closed), then Christmas and a weekend
			"2026-03-09, 2026-04-07", // four weeks later is Easter Monday: the Tuesday
			"2026-05-08, 2026-06-08" }) // four weeks later is Constitution Day, a Friday: the Monday
	void theDeadlineIsFourWeeksLaterOrTheNextWorkingDay(LocalDate received, LocalDate expected) {
		assertThat(ComplaintDeadlines.fourWeeksAfter(received, days)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-02, 2026-11-30, false", "2026-11-02, 2026-12-01, true", "2026-11-26, 2026-12-28, false" })
	void aComplaintAfterTheDeadlineIsLate(LocalDate decision, LocalDate complaint, boolean late) {
		assertThat(ComplaintDeadlines.isLate(complaint, decision, days)).isEqualTo(late);
	}
}
