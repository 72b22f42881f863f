package dk.vaerdig.messaging;

import java.util.Locale;

/**
 * Where and how a candidate is reached, as {@link Messaging#sendNotice} needs it: the addressee, the preferred channel,
 * the phone number and e-mail address of the case (either may be null) and the language the candidate reads.
 */
public record Reach(Addressee to, PreferredChannel preferred, String phone, String email, Locale language) {

	public Reach {
		if (to == null) {
			throw new IllegalArgumentException("a notice needs its addressee");
		}
		preferred = preferred == null ? PreferredChannel.SMS : preferred;
		language = language == null ? Locale.forLanguageTag("da") : language;
	}
}
