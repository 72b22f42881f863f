package dk.vaerdig.access;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The day before which a record's period has run out: a record whose period is counted from a day before
 * {@link #date()} (or a time before {@link #instant()}, the start of that day in the municipality's time zone) has
 * expired.
 */
public record RetentionCutoff(LocalDate date, Instant instant) {

	public Date sqlDate() {
		return Date.valueOf(date);
	}

	public Timestamp sqlTimestamp() {
		return Timestamp.from(instant);
	}
}
