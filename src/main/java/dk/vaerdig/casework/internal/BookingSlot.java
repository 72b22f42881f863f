package dk.vaerdig.casework.internal;

import java.time.Duration;
import java.time.Instant;

/** A row of {@code booking_slot}: a time a caseworker holds a meeting in, free, booked or withdrawn. */
public record BookingSlot(long id, String caseworker, long teamId, boolean forTeam, Instant startsAt, Instant endsAt,
		String form, String place, String status, Long candidateId, Long meetingId, Instant bookedAt, int version) {

	public static final String FREE = "FREE";

	public static final String BOOKED = "BOOKED";

	public static final String WITHDRAWN = "WITHDRAWN";

	public long minutes() {
		return Duration.between(startsAt, endsAt).toMinutes();
	}

	public boolean free() {
		return FREE.equals(status);
	}

	public boolean booked() {
		return BOOKED.equals(status);
	}
}
