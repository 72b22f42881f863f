package dk.vaerdig.access;

import java.util.Optional;

import dk.vaerdig.platform.Cpr;

/**
 * Finds the candidate a MitID login names by CPR number, for {@code access}'s candidate login; implemented by the
 * module that holds the candidates (casework), so access does not depend on it. The CPR number is only the key of
 * the lookup: the login goes on with the candidate's id.
 */
public interface CandidateFinder {

	/** A candidate found: their id and the name to greet them by. */
	record Found(long candidateId, String firstName) {
	}

	Optional<Found> byCpr(Cpr cpr);
}
