package dk.vaerdig.letters.internal;

import java.util.List;

/**
 * One thing the analyser found.
 *
 * @param rule what kind of finding
 * @param start offset of the first character in the text ({@code start == end == 0} for the letter as a whole)
 * @param end offset after the last character
 * @param messageKey key of the Danish (and English) explanation in {@code i18n/letters*.properties}
 * @param args the arguments of that message
 * @param note an explanation written by communication staff in the dictionary (Danish), or null
 * @param suggestion a rewrite of {@code text[start, end)}, or null where there is none ("" means: delete it)
 */
public record Finding(Rule rule, int start, int end, String messageKey, List<Object> args, String note,
		String suggestion) {

	public Finding {
		args = args == null ? List.of() : List.copyOf(args);
	}

	static Finding of(Rule rule, int start, int end, String suggestion, Object... args) {
		return new Finding(rule, start, end, "letters.rule." + rule.id(), List.of(args), null, suggestion);
	}

	/** Whether the finding is about the letter as a whole (a missing element) rather than a place in it. */
	public boolean wholeLetter() {
		return start == end;
	}

	public boolean hasSuggestion() {
		return suggestion != null;
	}

	/**
	 * The text with this finding's suggestion applied: deleting a word takes the space after it too, and deleting the
	 * first word of a sentence gives the next word its capital letter.
	 */
	public String applyTo(String text) {
		if (suggestion == null || wholeLetter() || end > text.length()) {
			return text;
		}
		int cut = end;
		String replacement = suggestion;
		if (suggestion.isEmpty()) {
			if (cut < text.length() && text.charAt(cut) == ' ') {
				cut++;
			}
			if (Character.isUpperCase(text.charAt(start)) && cut < text.length() && Character.isLowerCase(text.charAt(cut))) {
				return text.substring(0, start) + Character.toUpperCase(text.charAt(cut)) + text.substring(cut + 1);
			}
		}
		return text.substring(0, start) + replacement + text.substring(cut);
	}
}
