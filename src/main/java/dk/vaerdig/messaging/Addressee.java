package dk.vaerdig.messaging;

/**
 * Whom a message to {@link Messaging} is about in the job centre's records, which decides who of the staff may read
 * it on the outbox page: a candidate, whose message is read by those who may open the candidate's case (the case
 * rule), or, for a message to a phone number or address that belongs to no case (a pop-up booking made through the
 * public link), the team that owns what the message is about.
 *
 * @param candidateId the candidate, or null for a message that truly has no candidate
 * @param teamId the candidate's team now, or the team that owns a message without a candidate (null: only staff who
 *        see every team read it)
 */
public record Addressee(Long candidateId, Long teamId) {

	public Addressee {
		if (candidateId != null && teamId == null) {
			throw new IllegalArgumentException("a candidate's message needs the candidate's team");
		}
	}

	/** A message to a candidate, who is in the given team now. */
	public static Addressee candidate(long candidateId, long teamId) {
		return new Addressee(candidateId, teamId);
	}

	/**
	 * A message that belongs to no candidate's case (a booking by phone number through a public link), read by the team
	 * that owns what it is about, or, when that is null, only by staff who see every team.
	 */
	public static Addressee noCandidate(Long owningTeamId) {
		return new Addressee(null, owningTeamId);
	}
}
