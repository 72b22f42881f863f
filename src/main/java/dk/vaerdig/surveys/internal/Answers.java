package dk.vaerdig.surveys.internal;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Stores answers exactly once and anonymously: the invitation is spent in the same transaction, and the answer keeps
 * only team, target group, month and day. Only when the candidate asks to be contacted is a follow-up made that
 * knows the candidate.
 */
@Service
public class Answers {

	public enum Channel {
		LINK, QR, KIOSK
	}

	public enum ContactChannel {
		PHONE, EMAIL, MEETING
	}

	public enum Outcome {
		SAVED, ALREADY_ANSWERED, EXPIRED, UNKNOWN
	}

	/** A score from 1 to 5, or {@link #DONT_KNOW}. */
	public static final int DONT_KNOW = 0;

	public record Submission(Map<Long, Integer> scores, Boolean hasUnanswered, boolean wantsContact,
			ContactChannel contactChannel, String preferredTime, String comment, Channel channel, String lang) {
	}

	private final Invitations invitations;

	private final AnswerWriter writer;

	private final Clock clock;

	Answers(Invitations invitations, AnswerWriter writer, Clock clock) {
		this.invitations = invitations;
		this.writer = writer;
		this.clock = clock;
	}

	/** Whether an answer for this token can still be given, and why not. */
	public Outcome check(String token) {
		return invitations.byToken(token)
			.map(i -> i.usedOn() != null ? Outcome.ALREADY_ANSWERED
					: i.usable(clock.instant()) ? Outcome.SAVED : Outcome.EXPIRED)
			.orElse(Outcome.UNKNOWN);
	}

	/**
	 * Stores an answer once: the token is spent in the transaction that stores the answer, and the outcome is known
	 * only after it has committed. Answers arriving together are written together (see {@link AnswerWriter}).
	 */
	public Outcome submit(String token, Submission s) {
		return writer.submit(token, s);
	}

}
