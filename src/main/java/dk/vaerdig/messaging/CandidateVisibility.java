package dk.vaerdig.messaging;

import java.util.Collection;
import java.util.Map;

/**
 * The case rule, as the outbox page needs it: which candidates' messages the signed-in member of staff may read. The
 * case file decides who may open a case, and it implements this; messaging cannot ask it directly, because the case
 * file sends messages and so depends on messaging (the upstream module defines the interface).
 */
public interface CandidateVisibility {

	/**
	 * Full names of those of the given candidates whose cases the signed-in member of staff may open, by id (one query);
	 * a candidate left out may not be shown.
	 */
	Map<Long, String> namesVisibleToMe(Collection<Long> candidateIds);
}
