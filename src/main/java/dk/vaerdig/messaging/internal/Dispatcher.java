package dk.vaerdig.messaging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.messaging.MessagingSettings;
import dk.vaerdig.messaging.SendTimeCheck;

/**
 * Delivers the messages that are due, in the background on one node at a time (ShedLock). A failed attempt is tried
 * again after a pause that doubles each time ({@code first-retry-after}, at most {@code longest-retry-after}); after
 * {@code max-attempts}, or at once when the gateway refuses the message itself, the message is FAILED. Delivery is
 * at least once: if a node dies between sending and recording it, the message is sent again after the claim runs out.
 */
@Component
public class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	/** How long a run holds the messages it took; longer than a batch can take, so it matches the lock below. */
	private static final Duration CLAIM = Duration.ofMinutes(15);

	private final Outbox outbox;

	private final Senders senders;

	private final MessagingSettings settings;

	private final Clock clock;

	private final List<SendTimeCheck> checks;

	private final TransactionTemplate tx;

	Dispatcher(Outbox outbox, Senders senders, MessagingSettings settings, Clock clock,
			List<SendTimeCheck> checks,
			PlatformTransactionManager transactions) {
		this.checks = checks;
		this.tx = new TransactionTemplate(transactions);
		this.outbox = outbox;
		this.senders = senders;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${vaerdig.messaging.dispatch-interval:5s}",
			initialDelayString = "${vaerdig.messaging.dispatch-interval:5s}")
	@SchedulerLock(name = "messaging-dispatch", lockAtMostFor = "15m")
	public void dispatchInBackground() {
		deliverDue();
	}

	/** Makes one attempt at each message that is due (one batch); returns how many were attempted. */
	public int deliverDue() {
		List<OutgoingMessage> due = tx.execute(status -> stillDue(
				outbox.claimDue(settings.batchSize(), clock.instant().plus(CLAIM))));
		due.forEach(this::attempt);
		return due.size();
	}

	/**
	 * Of the messages just claimed, those that still hold; the others (a reminder of a meeting cancelled or moved since
	 * it was queued …) are cancelled with the reason their module gives. Runs in the claiming transaction: the rows
	 * are locked by the claim, and each check reads what has been committed until now.
	 */
	private List<OutgoingMessage> stillDue(List<OutgoingMessage> claimed) {
		if (checks.isEmpty() || claimed.isEmpty()) {
			return claimed;
		}
		Map<String, String> stale = new HashMap<>();
		for (SendTimeCheck check : checks) {
			for (String purpose : check.purposes()) {
				List<String> keys = claimed.stream()
					.filter(m -> purpose.equals(m.purpose()))
					.map(OutgoingMessage::idempotencyKey)
					.toList();
				if (!keys.isEmpty()) {
					stale.putAll(check.stale(purpose, keys));
				}
			}
		}
		stale.forEach(outbox::cancelClaimed);
		if (!stale.isEmpty()) {
			log.info("{} claimed message(s) cancelled at send time: no longer due", stale.size());
		}
		return claimed.stream().filter(m -> !stale.containsKey(m.idempotencyKey())).toList();
	}

	private void attempt(OutgoingMessage message) {
		Sender sender = senders.forChannel(message.channel());
		try {
			sender.send(message);
		}
		catch (Sender.DeliveryFailed e) {
			failedAttempt(message, e.getMessage(), e.permanent());
			return;
		}
		catch (RuntimeException e) {
			failedAttempt(message, e.getClass().getSimpleName(), false);
			return;
		}
		outbox.sent(message.id(), sender.name());
	}

	private void failedAttempt(OutgoingMessage message, String error, boolean permanent) {
		if (permanent || message.attempts() >= settings.maxAttempts()) {
			outbox.failed(message.id(), error);
			log.warn("Message {} ({}, {}) given up at attempt {}: {}", message.id(), message.purpose(),
					message.channel(), message.attempts(), error);
			return;
		}
		Instant next = clock.instant()
			.plus(retryAfter(message.attempts(), settings.firstRetryAfter(), settings.longestRetryAfter()));
		outbox.retryAt(message.id(), next, error);
		log.info("Message {} ({}, {}) attempt {} of {} failed: {}; next attempt at {}", message.id(), message.purpose(),
				message.channel(), message.attempts(), settings.maxAttempts(), error, next);
	}

	/** The pause after the given number of failed attempts: first, 2 × first, 4 × first …, at most longest. */
	static Duration retryAfter(int failedAttempts, Duration first, Duration longest) {
		int doublings = Math.max(0, failedAttempts - 1);
		if (doublings >= 30) {
			return longest;
		}
		Duration pause = first.multipliedBy(1L << doublings);
		return pause.compareTo(longest) > 0 ? longest : pause;
	}
}
