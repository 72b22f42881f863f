package dk.vaerdig.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param replyWithinWorkingDays a message from the candidate is to be answered within this many Danish working days
 *        (counted from the day after it was written); the staff's list of unanswered messages shows the day
 */
@ConfigurationProperties("vaerdig.casework")
public record CaseworkSettings(@DefaultValue("2") int replyWithinWorkingDays) {
}
