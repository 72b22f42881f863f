package dk.vaerdig.casework;

import java.time.LocalDate;

/**
 * A candidate asked for a new caseworker. Registered by staff, a meeting to talk about it has been planned
 * ({@code invitationMeetingId}); asked for by the candidate on Min side, that meeting is still to be planned (null).
 */
public record NewCaseworkerRequested(long candidateId, long requestId, String currentCaseworker, LocalDate requestedOn,
		Long invitationMeetingId) {
}
