package dk.vaerdig.casework;

import java.time.Instant;
import java.util.List;

import dk.vaerdig.messaging.PreferredChannel;

/**
 * How the candidate wants to be contacted: the channel, the language (Danish or English), the language of an
 * interpreter if they need one, and whether they want easy-read texts. {@code version} 0 means they have not said
 * yet (the defaults hold: SMS, Danish); every change counts it up, and a change names the version it was made from.
 *
 * @param changedBy who changed it last: {@code kandidaten} or a member of staff's user name (null: never changed)
 */
public record ContactPreference(PreferredChannel channel, String language, String interpreterLanguage,
		boolean easyRead, int version, String changedBy, Instant changedAt) {

	/** The languages the texts to candidates come in. */
	public static final List<String> LANGUAGES = List.of("da", "en");

	/** What holds before the candidate has said anything. */
	public static ContactPreference defaults() {
		return new ContactPreference(PreferredChannel.SMS, "da", null, false, 0, null, null);
	}

	/** Whether the candidate has said how they want to be contacted. */
	public boolean said() {
		return version > 0;
	}

	public boolean needsInterpreter() {
		return interpreterLanguage != null && !interpreterLanguage.isBlank();
	}
}
