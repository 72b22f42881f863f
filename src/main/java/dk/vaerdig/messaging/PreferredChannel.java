package dk.vaerdig.messaging;

import java.util.List;

/**
 * How the candidate has asked to be contacted (Min side, "Sådan vil jeg kontaktes"). The outbox sends SMS and
 * e-mail; Digital Post and letters are the letters module's. A short notice (a reminder, "du har en ny besked") goes
 * by the preferred channel when the case has an address for it, and otherwise by the other one:
 * <ul>
 * <li>SMS: by SMS, else by e-mail;</li>
 * <li>e-mail: by e-mail, else by SMS;</li>
 * <li>Digital Post or letter: by SMS, else by e-mail (neither of them suits a notice of one line, and the candidate
 * gave a phone number or an e-mail address to the case).</li>
 * </ul>
 */
public enum PreferredChannel {
	SMS, EMAIL, DIGITAL_POST, LETTER;

	/** The outbox's channels to try for a short notice, in turn: {@code SMS} and/or {@code EMAIL}. */
	public List<PreferredChannel> noticeOrder() {
		return this == EMAIL ? List.of(EMAIL, SMS) : List.of(SMS, EMAIL);
	}

	/** The channel by its name; the default (SMS) for a null or unknown name. */
	public static PreferredChannel of(String name) {
		if (name != null) {
			for (PreferredChannel c : values()) {
				if (c.name().equals(name)) {
					return c;
				}
			}
		}
		return SMS;
	}
}
