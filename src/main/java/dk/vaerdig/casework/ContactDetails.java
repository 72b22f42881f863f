package dk.vaerdig.casework;

import java.util.Locale;

import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.PreferredChannel;
import dk.vaerdig.messaging.Reach;

/**
 * How a candidate can be reached, for modules that send them messages (not for showing): the first name to greet
 * them by, the phone number and e-mail address from the case (either may be missing), the candidate's team, and how
 * the candidate wants to be contacted (Min side: the channel, the language, easy-read texts; SMS in Danish when they
 * have not said).
 */
public record ContactDetails(long candidateId, String firstName, String phone, String email, long teamId,
		PreferredChannel channel, String language, boolean easyRead) {

	/** Where a notice to the candidate goes: the preferred channel, falling back to the other (see {@link Reach}). */
	public Reach reach() {
		return new Reach(Addressee.candidate(candidateId, teamId), channel, phone, email, locale());
	}

	/** The language the candidate reads. */
	public Locale locale() {
		return Locale.forLanguageTag(language == null ? "da" : language);
	}
}
