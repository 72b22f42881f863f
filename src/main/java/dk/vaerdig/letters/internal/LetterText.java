package dk.vaerdig.letters.internal;

import java.util.List;
import java.util.Locale;

/**
 * The sentences of a text as the structural rules ({@link LetterKinds}, {@link RequiredElements}) read them: in lower
 * case with whitespace folded to single spaces, merge fields replaced by a value of their kind ("{{frist}}" reads as a
 * date, "{{sagsbehandler_telefon}}" as a phone number), each with the paragraph it belongs to and whether it is a
 * heading (a line of its own without final punctuation, like a subject line).
 */
final class LetterText {

	final String text;

	/** The normalised sentences, made when first asked for ({@link #sentence}). */
	private final String[] sentences;

	final int[] starts;

	final int[] ends;

	/** The paragraph of each sentence: a blank line starts a new one. */
	final int[] paragraph;

	final boolean[] heading;

	private LetterText(String text, String[] sentences, int[] starts, int[] ends, int[] paragraph, boolean[] heading) {
		this.text = text;
		this.sentences = sentences;
		this.starts = starts;
		this.ends = ends;
		this.paragraph = paragraph;
		this.heading = heading;
	}

	static LetterText of(String text, List<Token> tokens) {
		int count = 0;
		for (Token t : tokens) {
			if (t.endsSentence()) {
				count++;
			}
		}
		String[] sentences = new String[count];
		int[] starts = new int[count];
		int[] ends = new int[count];
		int[] paragraph = new int[count];
		boolean[] heading = new boolean[count];
		int s = 0;
		int first = -1;
		int words = 0;
		int para = 0;
		int previousEnd = 0;
		for (Token t : tokens) {
			if (first < 0) {
				first = t.start();
			}
			if (t.word()) {
				words++;
			}
			if (t.endsSentence()) {
				if (s > 0 && blankLineBetween(text, previousEnd, first)) {
					para++;
				}
				starts[s] = first;
				ends[s] = t.end();
				paragraph[s] = para;
				heading[s] = isHeading(text, first, t.end(), words);
				previousEnd = t.end();
				s++;
				first = -1;
				words = 0;
			}
		}
		return new LetterText(text, sentences, starts, ends, paragraph, heading);
	}

	int size() {
		return sentences.length;
	}

	/** Sentence i, normalised (lower case, whitespace folded, merge fields read as values). */
	String sentence(int i) {
		String s = sentences[i];
		if (s == null) {
			s = normalise(text, starts[i], ends[i]);
			sentences[i] = s;
		}
		return s;
	}

	private static boolean blankLineBetween(String text, int from, int to) {
		int newlines = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				if (++newlines >= 2) {
					return true;
				}
			}
			else if (!Character.isWhitespace(c)) {
				newlines = 0;
			}
		}
		return false;
	}

	/** One line of at most twelve words without final punctuation, on a line of its own. */
	private static boolean isHeading(String text, int start, int end, int words) {
		if (words > 12) {
			return false;
		}
		for (int i = start; i < end; i++) {
			if (text.charAt(i) == '\n') {
				return false;
			}
		}
		char last = text.charAt(end - 1);
		if (".!?;,".indexOf(last) >= 0 || (last == ':' && words > 3)) {
			return false;
		}
		int after = end;
		while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t' || text.charAt(after) == '\r')) {
			after++;
		}
		return after >= text.length() || text.charAt(after) == '\n';
	}

	/** Lower case, whitespace folded, merge fields replaced by a value of their kind. */
	static String normalise(String text, int start, int end) {
		StringBuilder out = new StringBuilder(end - start);
		boolean space = false;
		int i = start;
		while (i < end) {
			char c = text.charAt(i);
			if (c == '{' && i + 1 < end && text.charAt(i + 1) == '{') {
				int close = -1;
				for (int k = i + 2; k + 1 < end && k < i + 42; k++) {
					if (text.charAt(k) == '}' && text.charAt(k + 1) == '}') {
						close = k;
						break;
					}
				}
				if (close > 0 && close + 2 <= end && close - i < 40) {
					if (space && out.length() > 0) {
						out.append(' ');
					}
					space = false;
					out.append(mergeFieldValue(text.substring(i + 2, close).trim()));
					i = close + 2;
					continue;
				}
			}
			if (Character.isWhitespace(c) || c == '\u00AD') {
				if (c != '\u00AD') {
					space = true;
				}
			}
			else {
				if (space && out.length() > 0) {
					out.append(' ');
				}
				space = false;
				out.append(Character.toLowerCase(c));
			}
			i++;
		}
		return out.toString();
	}

	/** What a merge field reads as in the structural checks. */
	static String mergeFieldValue(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		if (n.contains("telefon") || n.contains("tlf")) {
			return "12 34 56 78";
		}
		if (n.contains("mail")) {
			return "sagsbehandler@kommune.dk";
		}
		if (n.contains("tid")) {
			return "den 1. januar kl. 10.00";
		}
		if (n.contains("dato") || n.contains("frist")) {
			return "den 1. januar";
		}
		if (n.contains("sted") || n.contains("adresse")) {
			return "jobcentret";
		}
		if (n.startsWith("sagsbehandler")) {
			return "sagsbehandleren";
		}
		return "navn";
	}
}
