package dk.vaerdig.letters.internal;

import java.util.Locale;

/** What a letter is for; decides which elements the law and good practice require of it. */
public enum LetterCategory {
	DECISION, INVITATION, INFORMATION, CONSULTATION, SYSTEM;

	public String messageKey() {
		return "letters.category." + name().toLowerCase(Locale.ROOT);
	}
}
