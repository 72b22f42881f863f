package dk.vaerdig.casework;

import java.time.LocalDate;

/** A candidate asked for a new caseworker; a meeting to talk about it has been planned. */
public record NewCaseworkerRequested(long candidateId, long requestId, String currentCaseworker, LocalDate requestedOn,
		long invitationMeetingId) {
}
