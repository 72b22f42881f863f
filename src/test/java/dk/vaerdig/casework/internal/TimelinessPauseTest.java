package dk.vaerdig.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.vaerdig.casework.internal.Timeliness.Pause;
import dk.vaerdig.platform.WorkingDays;

/**
 * An exemption pauses the due date, by hand: counted from Monday 2 March 2026, 10 working days is Monday 16 March.
 */
class TimelinessPauseTest {

	final Timeliness timeliness = new Timeliness(null, new WorkingDays(Set.of(MonthDay.of(6, 5))), Clock.systemUTC());

	final LocalDate from = LocalDate.of(2026, 3, 2);

	final LocalDate due = LocalDate.of(2026, 3, 16);

	@Test
	void aPauseMovesTheDueDateByItsWorkingDays() {
		// Wednesday 4 to Tuesday 10 March: 5 working days, so Monday 23 March
		assertThat(timeliness.paused(from, due, List.of(new Pause(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 10)))))
			.isEqualTo(LocalDate.of(2026, 3, 23));
	}

	@Test
	void overlappingPausesCountADayOnce() {
		// and Monday 9 to Friday 13: 3 more working days (11, 12, 13), so Thursday 26 March
		assertThat(timeliness.paused(from, due, List.of(new Pause(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 13)),
				new Pause(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 10)))))
			.isEqualTo(LocalDate.of(2026, 3, 26));
	}

	@Test
	void aPauseThatBeginsAfterTheDueDateMovesNothingAndOneBeforeTheCountCountsFromIt() {
		assertThat(timeliness.paused(from, due, List.of(new Pause(LocalDate.of(2026, 3, 17), LocalDate.of(2026, 4, 30)))))
			.isEqualTo(due);
		// 20 February to Tuesday 3 March: only Tuesday 3 March lies after the day counted from
		assertThat(timeliness.paused(from, due, List.of(new Pause(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 3)))))
			.isEqualTo(LocalDate.of(2026, 3, 17));
		assertThat(timeliness.paused(from, due, List.of())).isEqualTo(due);
	}

	@Test
	void aPauseThatExtendsTheDueDateTakesALaterPauseWithIt() {
		// 4–10 March moves the date to Monday 23 March; a pause on 18–19 March now begins before it: 2 more days
		assertThat(timeliness.paused(from, due, List.of(new Pause(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 10)),
				new Pause(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19)))))
			.isEqualTo(LocalDate.of(2026, 3, 25));
	}
}
