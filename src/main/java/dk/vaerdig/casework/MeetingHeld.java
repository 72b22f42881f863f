package dk.vaerdig.casework;

import java.time.Instant;

/** A meeting with a candidate was held and recorded. Surveys invite the candidate to evaluate it. */
public record MeetingHeld(long meetingId, long candidateId, long teamId, String caseworker, String targetGroupCode,
		Instant heldAt) {
}
