package dk.vaerdig.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The quiet window of the night and reminders by the wall clock of Copenhagen, across the changes of daylight time. */
class SendingHoursTest {

	static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

	final SendingHours hours = new SendingHours(CPH, LocalTime.of(21, 0), LocalTime.of(8, 0));

	@Test
	void theQuietWindowRunsOverMidnightAndEndsAtEight() {
		assertThat(hours.quiet(LocalTime.of(20, 59))).isFalse();
		assertThat(hours.quiet(LocalTime.of(21, 0))).isTrue();
		assertThat(hours.quiet(LocalTime.of(0, 0))).isTrue();
		assertThat(hours.quiet(LocalTime.of(7, 59))).isTrue();
		assertThat(hours.quiet(LocalTime.of(8, 0))).isFalse();
		assertThat(new SendingHours(CPH, LocalTime.NOON, LocalTime.NOON).quiet(LocalTime.MIDNIGHT)).isFalse();
		assertThat(new SendingHours(CPH, LocalTime.of(12, 0), LocalTime.of(13, 0)).quiet(LocalTime.of(12, 30))).isTrue();
	}

	@Test
	void aSendInTheNightIsPushedToTheMorning() {
		// 22:30 on 2 December (CET, UTC+1) goes at 08:00 on 3 December; 06:00 goes at 08:00 the same day
		assertThat(hours.pushOutOfQuiet(Instant.parse("2026-12-02T21:30:00Z"))).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
		assertThat(hours.pushOutOfQuiet(Instant.parse("2026-12-03T05:00:00Z"))).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
		assertThat(hours.pushOutOfQuiet(Instant.parse("2026-12-03T09:00:00Z"))).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
		// a reminder configured for 23:00 the day before goes at 08:00 on the meeting's own day
		assertThat(hours.reminderFor(LocalDate.of(2026, 12, 10), 1, LocalTime.of(23, 0)))
			.isEqualTo(Instant.parse("2026-12-10T07:00:00Z"));
	}

	@Test
	void sixteenHundredTheDayBeforeIsSixteenHundredOnTheWallClockInSummerAndWinter() {
		// clocks go forward on 29 March 2026: the day before a meeting on 30 March is summer time (UTC+2)
		assertThat(hours.reminderFor(LocalDate.of(2026, 3, 30), 1, LocalTime.of(16, 0)))
			.isEqualTo(Instant.parse("2026-03-29T14:00:00Z"));
		// the day before, 28 March, is still winter time (UTC+1)
		assertThat(hours.reminderFor(LocalDate.of(2026, 3, 29), 1, LocalTime.of(16, 0)))
			.isEqualTo(Instant.parse("2026-03-28T15:00:00Z"));
		// clocks go back on 25 October 2026: 16:00 that day is winter time again
		assertThat(hours.reminderFor(LocalDate.of(2026, 10, 26), 1, LocalTime.of(16, 0)))
			.isEqualTo(Instant.parse("2026-10-25T15:00:00Z"));
		assertThat(hours.reminderFor(LocalDate.of(2026, 10, 25), 1, LocalTime.of(16, 0)))
			.isEqualTo(Instant.parse("2026-10-24T14:00:00Z"));
	}

	@Test
	void aTimeInTheSpringGapMovesOnByTheGap() {
		// 02:30 does not exist on 29 March 2026; with a quiet window that ends at 02:30 the send is at 03:30 CEST
		SendingHours early = new SendingHours(CPH, LocalTime.of(1, 0), LocalTime.of(2, 30));
		assertThat(early.pushOutOfQuiet(Instant.parse("2026-03-29T00:30:00Z"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
	}

	@Test
	void theNoticeOrderFollowsThePreferenceAndFallsBackToTheOther() {
		assertThat(PreferredChannel.SMS.noticeOrder()).containsExactly(PreferredChannel.SMS, PreferredChannel.EMAIL);
		assertThat(PreferredChannel.EMAIL.noticeOrder()).containsExactly(PreferredChannel.EMAIL, PreferredChannel.SMS);
		assertThat(PreferredChannel.DIGITAL_POST.noticeOrder()).containsExactly(PreferredChannel.SMS, PreferredChannel.EMAIL);
		assertThat(PreferredChannel.LETTER.noticeOrder()).containsExactly(PreferredChannel.SMS, PreferredChannel.EMAIL);
		assertThat(PreferredChannel.of("nonsense")).isEqualTo(PreferredChannel.SMS);
	}
}
