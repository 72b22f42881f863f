package dk.vaerdig.casework;

/** What other modules may know about a candidate without reading the case: no CPR, no case content. */
public record CandidateSummary(long id, String firstName, String lastName, String targetGroupCode, long teamId,
		String caseworker) {
}
