package dk.vaerdig.casework;

import java.time.Instant;

/** A case was reassigned to another caseworker; a handover waits for the new caseworker to acknowledge it. */
public record CaseworkerChanged(long candidateId, long handoverId, String fromCaseworker, String toCaseworker,
		long toTeamId, Instant changedAt) {
}
