package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text into words and sentences by the definition in DESIGN.md, section 4, in one pass (plus one over the
 * tokens):
 * <ul>
 * <li>a <b>word</b> is a whitespace-separated token that holds a letter or a digit; its length is its number of
 * letters (punctuation and digits excluded, æ/ø/å are letters). So "10.30", "§" + "25" and "jc@næstved.dk" are words
 * (the last with 12 letters), "–" is not;</li>
 * <li>a <b>sentence</b> ends at {@code .}, {@code !}, {@code ?} or {@code :} at the end of a token (closing quotes and
 * brackets after it allowed), except after a known abbreviation ({@link #ABBREVIATIONS}) and after an ordinal number
 * followed by a lower-case word ("12. januar"), and except a list number ("1.") at the start of a line;</li>
 * <li>a line without final punctuation ends a sentence when it is a <b>list item</b> (starts with -, *, •, – or "1."),
 * when the next line is a list item, when a blank line or the end of the text follows, or when it is a <b>heading</b>:
 * at most {@value #HEADING_WORDS} words, not ending in a comma, and the next line begins with a capital letter. A
 * line broken in the middle of a sentence (as text taken from a PDF often is) therefore does not end it.</li>
 * </ul>
 */
public final class Tokenizer {

	/** Abbreviations that end with a full stop without ending the sentence. */
	public static final Set<String> ABBREVIATIONS = Set.copyOf(List.of("f.eks.", "fx.", "bl.a.", "kl.", "pr.", "jf.", "jfr.", "ca.",
			"evt.", "mv.", "m.v.", "osv.", "o.s.v.", "nr.", "stk.", "m.m.", "mm.", "o.l.", "ol.", "dvs.", "d.v.s.", "mht.",
			"m.h.t.", "vedr.", "inkl.", "ekskl.", "tlf.", "hhv.", "iflg.", "ifm.", "pga.", "p.g.a.", "m.fl.", "ang.", "att.",
			"bl.", "ml.", "min.", "mio.", "mia.", "kr.", "ft.", "st.", "sdr.", "nr.", "adr.", "afd.", "alm.", "ekstr.",
			"gl.", "hr.", "fr.", "iht.", "i.h.t.", "d.d.", "p.t.", "pt.", "ref.", "jan.", "feb.", "aug.", "sep.", "sept.",
			"okt.", "nov.", "dec.", "man.", "tirs.", "ons.", "tors.", "fre.", "lør.", "søn.", "kap.", "pkt.", "tel.",
			"årg.", "udg.", "vejl.", "bekg.", "lovbekg.", "cpr.", "cpr.nr.", "e.l.", "el.", "s.", "ff.", "smst.", "ovf.",
			"ndf.", "henh.", "forts.", "dir.", "div.", "sek.", "t.o.m.", "f.o.m.", "o.a.", "a.", "b.", "c.", "d."));

	static final int HEADING_WORDS = 8;

	private static final String CLOSERS = "\"'”’»)]}";

	private static final String OPENERS = "\"'“‘«([{";

	private Tokenizer() {
	}

	/** The tokens of the text, each marked whether a sentence ends with it. Never fails; null reads as empty. */
	public static List<Token> tokenize(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		int n = text.length();
		List<Token> tokens = new ArrayList<>(Math.max(16, n / 6));
		// newlines after each token, parallel to tokens (2 = blank line or end of text)
		int[] breaks = new int[Math.max(16, n / 6)];
		int i = 0;
		boolean lineStart = true;
		while (i < n) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				if (c == '\n') {
					lineStart = true;
					if (!tokens.isEmpty()) {
						breaks[tokens.size() - 1]++;
					}
				}
				i++;
				continue;
			}
			int start = i;
			int letters = 0;
			int coreStart = -1;
			int coreEnd = -1;
			while (i < n && !Character.isWhitespace(text.charAt(i))) {
				char ch = text.charAt(i);
				if (Character.isLetter(ch)) {
					letters++;
					if (coreStart < 0) {
						coreStart = i;
					}
					coreEnd = i + 1;
				}
				else if (Character.isDigit(ch)) {
					if (coreStart < 0) {
						coreStart = i;
					}
					coreEnd = i + 1;
				}
				else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLetterOrDigit(text.codePointAt(i))) {
					if (Character.isLetter(text.codePointAt(i))) {
						letters++;
					}
					if (coreStart < 0) {
						coreStart = i;
					}
					i++;
					coreEnd = i + 1;
				}
				i++;
			}
			// a merge field ({{sagsbehandler_telefon}}) is not a word: it is not counted, and it is no long word
			boolean word = coreStart >= 0 && !isMergeField(text, start, i);
			if (tokens.size() == breaks.length) {
				breaks = Arrays.copyOf(breaks, breaks.length * 2);
			}
			tokens.add(new Token(start, i, word ? coreStart : i, word ? coreEnd : i, letters, word, false, lineStart));
			lineStart = false;
		}
		if (!tokens.isEmpty()) {
			breaks[tokens.size() - 1] = 2;
		}
		markSentenceEnds(text, tokens, breaks);
		return tokens;
	}

	/** A token that is a merge field, possibly with punctuation around it: "{{frist}}.", "({{dato}})". */
	static boolean isMergeField(String text, int start, int end) {
		int open = -1;
		for (int i = start; i < end - 1 && i <= start + 2; i++) {
			if (text.charAt(i) == '{' && text.charAt(i + 1) == '{') {
				open = i;
				break;
			}
		}
		if (open < 0) {
			return false;
		}
		for (int i = end - 2; i > open + 1 && i >= end - 5; i--) {
			if (text.charAt(i) == '}' && text.charAt(i + 1) == '}') {
				return true;
			}
		}
		return false;
	}

	private static void markSentenceEnds(String text, List<Token> tokens, int[] breaks) {
		int lineFirst = 0;
		int lineWords = 0;
		int sentenceWords = 0;
		for (int k = 0; k < tokens.size(); k++) {
			Token t = tokens.get(k);
			if (t.lineStart()) {
				lineFirst = k;
				lineWords = 0;
			}
			if (t.word()) {
				lineWords++;
				sentenceWords++;
			}
			Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
			boolean ends = false;
			int e = strippedEnd(text, t);
			char last = e > t.start() ? text.charAt(e - 1) : ' ';
			if (last == '.' || last == '!' || last == '?' || last == ':') {
				ends = !(last == '.' && (isAbbreviation(text, t, e) || isOrdinal(text, t, e, next)
						|| (t.lineStart() && isListMarker(text, t))));
			}
			if (!ends && breaks[k] > 0) {
				ends = breaks[k] >= 2 || isListMarker(text, tokens.get(lineFirst))
						|| (next != null && next.lineStart() && isListMarker(text, next))
						|| (lineWords <= HEADING_WORDS && last != ',' && last != ';' && last != '-' && next != null
								&& Character.isUpperCase(text.charAt(next.coreStart() < next.end() ? next.coreStart() : next.start())));
			}
			if (ends && sentenceWords > 0) {
				tokens.set(k, t.endingSentence());
				sentenceWords = 0;
			}
		}
	}

	private static int strippedEnd(String text, Token t) {
		int e = t.end();
		while (e > t.start() && CLOSERS.indexOf(text.charAt(e - 1)) >= 0) {
			e--;
		}
		return e;
	}

	private static boolean isAbbreviation(String text, Token t, int end) {
		int s = t.start();
		while (s < end && OPENERS.indexOf(text.charAt(s)) >= 0) {
			s++;
		}
		int length = end - s;
		if (length < 2 || length > 10) {
			return false;
		}
		return ABBREVIATIONS.contains(text.substring(s, end).toLowerCase(Locale.ROOT));
	}

	/** "12. januar": digits, a full stop, and a lower-case word next. */
	private static boolean isOrdinal(String text, Token t, int end, Token next) {
		if (next == null || t.coreEnd() != end - 1 || t.coreStart() >= t.coreEnd()) {
			return false;
		}
		for (int i = t.coreStart(); i < t.coreEnd(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return Character.isLowerCase(text.charAt(next.start()));
	}

	/** A bullet (-, *, •, –, ·, ▪) or a list number ("1.", "2)", "a)") as a token of its own. */
	static boolean isListMarker(String text, Token t) {
		int length = t.end() - t.start();
		char first = text.charAt(t.start());
		if (length == 1) {
			return "-*•–·▪○►".indexOf(first) >= 0;
		}
		if (length > 4) {
			return false;
		}
		char last = text.charAt(t.end() - 1);
		if (last != '.' && last != ')') {
			return false;
		}
		for (int i = t.start(); i < t.end() - 1; i++) {
			if (!Character.isDigit(text.charAt(i)) && !(length == 2 && Character.isLowerCase(text.charAt(i)) && last == ')')) {
				return false;
			}
		}
		return true;
	}
}
