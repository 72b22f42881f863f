package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The Danish plain-language analyser without spelling: LIX and sentence statistics, passive voice, hidden verbs,
 * formal address, officialese and disempowering phrasing from the editable dictionaries, and the elements a letter of
 * its category must have. Pure Java, immutable and thread-safe; one pass to tokenise and one over the words.
 */
public final class PlainLanguageAnalyser {

	/** Words with more letters than this get a finding of their own (LIX counts every word over six letters). */
	public static final int LONG_WORD_FINDING = 15;

	private final PhraseMatcher phrases;

	public PlainLanguageAnalyser(PhraseMatcher phrases) {
		this.phrases = phrases == null ? PhraseMatcher.empty() : phrases;
	}

	public PhraseMatcher phrases() {
		return phrases;
	}

	public Analysis analyse(String text, LetterCategory category) {
		String t = text == null ? "" : text;
		List<Token> tokens = Tokenizer.tokenize(t);
		TextStats stats = TextStats.of(tokens);
		List<Finding> findings = new ArrayList<>();
		wordRules(t, tokens, findings);
		for (int s = 0; s < stats.sentences(); s++) {
			int length = stats.sentenceLengths()[s];
			if (length > TextStats.LONG_SENTENCE) {
				findings.add(Finding.of(Rule.LONG_SENTENCE, stats.sentenceSpans()[2 * s], stats.sentenceSpans()[2 * s + 1],
						null, length));
			}
		}
		List<RequiredElements.Check> elements = RequiredElements.check(t, category == null ? LetterCategory.SYSTEM : category);
		for (RequiredElements.Check check : elements) {
			if (!check.present()) {
				findings.add(Finding.of(check.missing(), 0, 0, null));
			}
		}
		findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
		return Analysis.of(t.length(), stats, findings, elements);
	}

	private void wordRules(String text, List<Token> tokens, List<Finding> findings) {
		int count = 0;
		for (Token t : tokens) {
			if (t.word()) {
				count++;
			}
		}
		Token[] words = new Token[count];
		String[] lower = new String[count];
		boolean[] stop = new boolean[count];
		boolean[] sentenceStart = new boolean[count];
		boolean duUsed = false;
		boolean formalCertain = false;
		int w = 0;
		boolean atStart = true;
		for (Token t : tokens) {
			if (t.word()) {
				words[w] = t;
				lower[w] = text.substring(t.coreStart(), t.coreEnd()).toLowerCase(Locale.ROOT);
				sentenceStart[w] = atStart;
				atStart = false;
				duUsed |= DanishWords.DU_FORMS.contains(lower[w]);
				if (!sentenceStart[w] && isCapitalisedFormal(text, t)) {
					formalCertain = true;
				}
				w++;
			}
			if (t.endsSentence()) {
				atStart = true;
				if (w > 0) {
					stop[w - 1] = true;
				}
			}
		}
		for (int i = 0; i < count;) {
			PhraseMatcher.Match match = phrases.longestAt(lower, stop, i);
			if (match != null) {
				int start = words[i].coreStart();
				int end = words[i + match.length() - 1].coreEnd();
				PhraseEntry entry = match.entry();
				String key = "letters.rule." + entry.rule().id()
						+ (entry.alternative() == null ? ".none" : entry.alternative().isEmpty() ? ".delete" : "");
				findings.add(new Finding(entry.rule(), start, end, key,
						List.of(text.substring(start, end), entry.alternative() == null ? "" : entry.alternative()),
						entry.note(), matchCase(text.charAt(start), entry.alternative())));
				i += match.length();
				continue;
			}
			i = oneWord(text, words, lower, stop, sentenceStart, i, duUsed, formalCertain, findings);
		}
	}

	/** The rules that look at one word (and a few after it); returns the index of the next word to look at. */
	private static int oneWord(String text, Token[] words, String[] lower, boolean[] stop, boolean[] sentenceStart,
			int i, boolean duUsed, boolean formalCertain, List<Finding> findings) {
		String word = lower[i];
		Token token = words[i];
		if (isCapitalisedFormal(text, token)) {
			String original = text.substring(token.coreStart(), token.coreEnd());
			boolean flag = !sentenceStart[i] || original.equals("Dem")
					|| (original.equals("De") && i + 1 < lower.length && !stop[i] && DanishWords.FORMAL_VERBS.contains(lower[i + 1]))
					|| (original.equals("Deres") && (formalCertain || !duUsed));
			if (flag) {
				String du = switch (original) {
					case "De" -> "du";
					case "Dem" -> "dig";
					default -> "din";
				};
				findings.add(Finding.of(Rule.FORMAL_ADDRESS, token.coreStart(), token.coreEnd(),
						sentenceStart[i] ? Character.toUpperCase(du.charAt(0)) + du.substring(1) : du, original));
			}
			return i + 1;
		}
		if (DanishWords.BLIVE.contains(word)) {
			int j = i;
			for (int k = 0; k < 3 && !stop[j] && j + 1 < lower.length; k++) {
				j++;
				if (!DanishWords.ADVERBS.contains(lower[j])) {
					if (isParticiple(lower[j])) {
						findings.add(Finding.of(Rule.BLIVE_PASSIVE, token.coreStart(), words[j].coreEnd(), null,
								text.substring(token.coreStart(), words[j].coreEnd())));
						return j + 1;
					}
					break;
				}
			}
			return i + 1;
		}
		if (isSPassive(lower, stop, i)) {
			findings.add(Finding.of(Rule.PASSIVE, token.coreStart(), token.coreEnd(), null, text.substring(token.coreStart(), token.coreEnd())));
			return i + 1;
		}
		if (DanishWords.SUPPORT_VERBS.contains(word)) {
			int j = i;
			for (int k = 0; k < 3 && !stop[j] && j + 1 < lower.length; k++) {
				j++;
				String verb = hiddenVerb(lower[j]);
				if (verb != null) {
					findings.add(Finding.of(Rule.NOMINALISATION, token.coreStart(), words[j].coreEnd(),
							verb.isEmpty() ? null : verb, text.substring(token.coreStart(), words[j].coreEnd()), lower[j]));
					return j + 1;
				}
			}
			return i + 1;
		}
		if (token.letters() > LONG_WORD_FINDING && !isAddress(word)) {
			findings.add(Finding.of(Rule.LONG_WORD, token.coreStart(), token.coreEnd(), null, token.letters()));
		}
		return i + 1;
	}

	static boolean isCapitalisedFormal(String text, Token t) {
		int length = t.coreEnd() - t.coreStart();
		if (length < 2 || length > 5 || text.charAt(t.coreStart()) != 'D') {
			return false;
		}
		String w = text.substring(t.coreStart(), t.coreEnd());
		return w.equals("De") || w.equals("Dem") || w.equals("Deres");
	}

	static boolean isSPassive(String[] lower, boolean[] stop, int i) {
		String w = lower[i];
		if (w.length() < 4 || !w.endsWith("es") || DanishWords.NOT_S_PASSIVE.contains(w) || !isLetters(w)) {
			return false;
		}
		if (DanishWords.COMMON_S_PASSIVE.contains(w) || (w.endsWith("eres") && w.length() > 6)) {
			return true;
		}
		for (int j = i - 1, k = 0; j >= 0 && k < 3 && !stop[j]; j--, k++) {
			if (DanishWords.BEFORE_S_PASSIVE.contains(lower[j]) && !lower[j].equals("ikke")) {
				return true;
			}
			if (!DanishWords.ADVERBS.contains(lower[j])) {
				return false;
			}
		}
		return false;
	}

	static boolean isParticiple(String w) {
		if (w.length() < 4 || DanishWords.NOT_PARTICIPLE.contains(w) || !isLetters(w)) {
			return false;
		}
		if (w.endsWith("et") || w.endsWith("sat")) {
			return true;
		}
		if (!w.endsWith("t") || w.endsWith("st") || w.endsWith("igt") || w.endsWith("ligt")) {
			return false;
		}
		return "dlnrkgp".indexOf(w.charAt(w.length() - 2)) >= 0;
	}

	/** The verb hidden in a noun ("vurdering" → "vurdere"), "" when the noun hides one we cannot name, else null. */
	static String hiddenVerb(String noun) {
		if (noun.length() < 7 || DanishWords.NOT_NOMINALISATION.contains(noun) || !isLetters(noun)) {
			return null;
		}
		for (String suffix : new String[] { "eringen", "eringer", "ering" }) {
			if (noun.endsWith(suffix)) {
				return noun.substring(0, noun.length() - suffix.length()) + "ere";
			}
		}
		for (String suffix : new String[] { "elsen", "elser", "else" }) {
			if (noun.endsWith(suffix)) {
				return noun.substring(0, noun.length() - suffix.length() + 1);
			}
		}
		for (String suffix : new String[] { "ingen", "inger", "ning", "ing", "tionen", "tioner", "tion", "heden", "hed" }) {
			if (noun.endsWith(suffix)) {
				return "";
			}
		}
		return null;
	}

	static boolean isAddress(String w) {
		return w.indexOf('@') >= 0 || w.indexOf('/') >= 0 || w.startsWith("www.") || w.startsWith("http");
	}

	private static boolean isLetters(String w) {
		for (int i = 0; i < w.length(); i++) {
			if (!Character.isLetter(w.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The alternative with a capital first letter where the text had one. */
	static String matchCase(char first, String alternative) {
		if (alternative == null || alternative.isEmpty() || !Character.isUpperCase(first)) {
			return alternative;
		}
		return Character.toUpperCase(alternative.charAt(0)) + alternative.substring(1);
	}
}
