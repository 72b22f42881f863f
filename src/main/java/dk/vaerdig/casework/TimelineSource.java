package dk.vaerdig.casework;

import java.util.List;

/**
 * Other modules put their events on a case's timeline (a letter sent, a complaint received) by providing a bean of
 * this type; the case file merges them with its own, newest first. The dependency points from those modules to
 * casework, never back.
 */
public interface TimelineSource {

	/** The newest entries of the candidate's case, at most {@code limit}. */
	List<TimelineEntry> entries(long candidateId, int limit);
}
