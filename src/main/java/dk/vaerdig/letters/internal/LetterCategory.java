package dk.vaerdig.letters.internal;

import java.util.Locale;

/**
 * What a letter is for; decides which elements the law and good practice require of it. {@link #SYSTEM} means "find
 * out from the text" (a system letter from another system, or a text whose writer has not said what it is): the
 * analyser then uses the kind {@link LetterKinds} detects.
 */
public enum LetterCategory {
	DECISION, INVITATION, INFORMATION, CONSULTATION, RECEIPT, SYSTEM;

	public String messageKey() {
		return "letters.category." + name().toLowerCase(Locale.ROOT);
	}

	/** Whether this is a kind the analyser can detect (every category but {@link #SYSTEM}). */
	public boolean detectable() {
		return this != SYSTEM;
	}
}
