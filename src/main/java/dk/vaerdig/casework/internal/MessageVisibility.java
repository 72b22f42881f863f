package dk.vaerdig.casework.internal;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.vaerdig.casework.Casework;
import dk.vaerdig.messaging.CandidateVisibility;

/** The case rule for the messaging outbox: a candidate's messages are read by those who may open the case. */
@Component
class MessageVisibility implements CandidateVisibility {

	private final Casework casework;

	MessageVisibility(Casework casework) {
		this.casework = casework;
	}

	@Override
	public Map<Long, String> namesVisibleToMe(Collection<Long> candidateIds) {
		return casework.namesVisibleToMe(candidateIds);
	}
}
