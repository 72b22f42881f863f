package dk.vaerdig.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a reminder may reach a candidate: never in the quiet window of the night ({@code quiet-from} to
 * {@code quiet-until}, in the municipality's time zone, e.g. 21:00–08:00); a send that falls in it is pushed to the
 * window's end, in the morning. Daylight saving time is the zone's: "16:00 the day before" is 16:00 on the wall clock
 * both in summer and winter, and a time that does not exist on the day the clocks go forward moves on by the gap.
 */
public final class SendingHours {

	private final ZoneId zone;

	private final LocalTime quietFrom;

	private final LocalTime quietUntil;

	public SendingHours(ZoneId zone, LocalTime quietFrom, LocalTime quietUntil) {
		this.zone = zone;
		this.quietFrom = quietFrom;
		this.quietUntil = quietUntil;
	}

	public ZoneId zone() {
		return zone;
	}

	/** Whether the wall-clock time lies in the quiet window (which may run over midnight). */
	public boolean quiet(LocalTime time) {
		if (quietFrom.equals(quietUntil)) {
			return false;
		}
		if (quietFrom.isBefore(quietUntil)) {
			return !time.isBefore(quietFrom) && time.isBefore(quietUntil);
		}
		return !time.isBefore(quietFrom) || time.isBefore(quietUntil);
	}

	/** Whether a message may go at this instant. */
	public boolean allows(Instant at) {
		return !quiet(at.atZone(zone).toLocalTime());
	}

	/** The instant of the wall-clock time on the day, in the zone (a time in the spring gap moves on by the gap). */
	public Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(LocalDateTime.of(day, time), zone).toInstant();
	}

	/** The wanted instant, or, when it lies in the quiet window, the end of that window (the next morning). */
	public Instant pushOutOfQuiet(Instant wanted) {
		ZonedDateTime t = wanted.atZone(zone);
		if (!quiet(t.toLocalTime())) {
			return wanted;
		}
		LocalDate day = t.toLocalTime().isBefore(quietUntil) ? t.toLocalDate() : t.toLocalDate().plusDays(1);
		return at(day, quietUntil);
	}

	/**
	 * When to remind of something on {@code day}: {@code daysBefore} days before at the wall-clock time {@code at},
	 * pushed out of the quiet window.
	 */
	public Instant reminderFor(LocalDate day, int daysBefore, LocalTime at) {
		return pushOutOfQuiet(at(day.minusDays(daysBefore), at));
	}
}
