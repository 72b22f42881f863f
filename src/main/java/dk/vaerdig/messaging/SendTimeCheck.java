package dk.vaerdig.messaging;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A check the dispatcher makes at the moment it takes a message to send it, for messages whose reason to go can lapse
 * after they were queued: a reminder of a meeting that was cancelled or moved, of an agreement that is done, of a
 * survey that is answered. The module that queues such messages provides a bean of this type; the dispatcher asks it
 * in the same transaction that claims the messages, and cancels (does not send) those it names, with the reason.
 */
public interface SendTimeCheck {

	/** The purposes of the messages it checks ({@link Notice#purpose()}). */
	Set<String> purposes();

	/**
	 * Of these idempotency keys of claimed messages of the purpose, those that no longer hold, each with why (a short
	 * English reason for the outbox page). Runs inside the dispatcher's claiming transaction.
	 */
	Map<String, String> stale(String purpose, Collection<String> idempotencyKeys);
}
