package dk.vaerdig.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The case work's settings ({@code vaerdig.casework.*}).
 *
 * @param replyWithinWorkingDays a message from the candidate is to be answered within this many Danish working days
 *        (counted from the day after it was written); the staff's list of unanswered messages shows the day
 * @param changeRequestAnswerWorkingDays a wish for a new caseworker sent from Min side is to be answered with a planned
 * talk within this many Danish working days (it waits in the team's work list until then)
 * @param handoverAcknowledgeWorkingDays the working days the new caseworker has, after the day of a caseworker change,
 *        to read and acknowledge the handover; acknowledged on or before that day is "in time" (the committee's report)
 */
@ConfigurationProperties("vaerdig.casework")
public record CaseworkSettings(@DefaultValue("2") int replyWithinWorkingDays,
		@DefaultValue("2") int handoverAcknowledgeWorkingDays, @DefaultValue("3") int changeRequestAnswerWorkingDays) {

	public CaseworkSettings {
		if (handoverAcknowledgeWorkingDays < 0) {
			throw new IllegalArgumentException("vaerdig.casework.handover-acknowledge-working-days must not be negative");
		}
	}
}
