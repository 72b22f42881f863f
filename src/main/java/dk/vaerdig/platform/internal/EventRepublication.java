package dk.vaerdig.platform.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands an event to its listener again when the listener has not completed it in time: its node died, or the listener
 * failed. Safe with several nodes, unlike Spring Modulith's {@code republish-outstanding-events-on-restart} (switched
 * off): that resubmits at a node's start every publication not completed, also those another node is handling at that
 * moment (Spring Modulith 2.1 claims a publication for resubmission unless it is already resubmitted, whatever its
 * age). Here one node at a time (ShedLock) resubmits only publications older than
 * {@code vaerdig.platform.events.republish-after} (10 minutes), far longer than any listener of this app takes, every
 * {@code vaerdig.platform.events.republish-interval} (1 minute); the claim itself is a conditional UPDATE, so two
 * nodes never both take one. A resubmission whose node died too is marked failed by Spring Modulith's staleness
 * monitor ({@code spring.modulith.events.staleness.*}) and resubmitted again. What remains is at-least-once delivery:
 * a listener that runs longer than the threshold, or a node that completes its work but dies before marking the
 * publication completed, sees the event twice, so every listener must be idempotent (README, "Several nodes").
 */
@Component
public class EventRepublication {

	private static final Logger log = LoggerFactory.getLogger(EventRepublication.class);

	private final IncompleteEventPublications publications;

	private final Duration after;

	EventRepublication(IncompleteEventPublications publications,
			@Value("${vaerdig.platform.events.republish-after:10m}") Duration after) {
		this.publications = publications;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${vaerdig.platform.events.republish-interval:1m}",
			initialDelayString = "${vaerdig.platform.events.republish-interval:1m}")
	@SchedulerLock(name = "event-republication", lockAtMostFor = "10m")
	void republishOnOneNode() {
		republishOlderThan(after);
	}

	/** Resubmits every incomplete publication published more than {@code age} ago (not one already resubmitted). */
	public void republishOlderThan(Duration age) {
		try {
			publications.resubmitIncompletePublicationsOlderThan(age);
		}
		catch (RuntimeException e) {
			// the exception's class only: a listener's message can quote an event's values
			log.warn("Resubmitting incomplete event publications failed: {}", e.getClass().getName());
		}
	}
}
