package dk.vaerdig.letters.internal;

import java.util.Locale;

/**
 * The subject line (emnelinje) of a letter: its first line when the writer marks it so, or, in the batch audit, a
 * first line that looks like one — at most twelve words without final punctuation, not a salutation ("Kære …"), and
 * either followed by a blank line or opened by "Emne:", "Vedr." or the like. LIX is then also counted for the body
 * alone, since a subject line counts as a short sentence and lowers LIX.
 */
public final class SubjectLine {

	private SubjectLine() {
	}

	/** The offset where the first non-blank line ends, or -1 when the text has no line with words. */
	public static int firstLine(String text) {
		if (text == null) {
			return -1;
		}
		int i = 0;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		if (i >= text.length()) {
			return -1;
		}
		int end = text.indexOf('\n', i);
		return end < 0 ? text.length() : end;
	}

	/** The end of the subject line the text seems to open with, or -1. */
	public static int detect(String text) {
		int end = firstLine(text);
		if (end < 0 || end >= text.length()) {
			return -1;
		}
		int start = 0;
		while (Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		String line = text.substring(start, end).strip();
		String lower = line.toLowerCase(Locale.ROOT);
		int words = line.isEmpty() ? 0 : line.split("\\s+").length;
		if (words == 0 || words > 12) {
			return -1;
		}
		boolean marked = lower.startsWith("emne:") || lower.startsWith("vedr") || lower.startsWith("om:")
				|| lower.startsWith("re:") || lower.startsWith("overskrift:");
		if (marked) {
			return end;
		}
		char last = line.charAt(line.length() - 1);
		if (".!?,;:".indexOf(last) >= 0 || lower.startsWith("kære") || lower.startsWith("hej") || lower.startsWith("til ")
				|| lower.startsWith("dear") || lower.startsWith("goddag") || Character.isDigit(line.charAt(0))) {
			return -1;
		}
		// a blank line after it
		int i = end + 1;
		while (i < text.length() && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i < text.length() && text.charAt(i) == '\n' ? end : -1;
	}
}
