package dk.vaerdig.letters.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.vaerdig.platform.Cpr;

/**
 * The Danish plain-language analyser without spelling: LIX and sentence statistics, passive voice, hidden verbs,
 * formal address, officialese and disempowering phrasing from the editable dictionaries, and the elements a letter of
 * its category must have. Pure Java, immutable and thread-safe; one pass to tokenise and one over the words.
 */
public final class PlainLanguageAnalyser {

	/** Words with more letters than this get a finding of their own (LIX counts every word over six letters). */
	public static final int LONG_WORD_FINDING = 15;

	private final PhraseMatcher phrases;

	/** Whether suggestions are checked by reading the changed sentence again (off for that second reading). */
	private final boolean checkSuggestions;

	public PlainLanguageAnalyser(PhraseMatcher phrases) {
		this(phrases, true);
	}

	private PlainLanguageAnalyser(PhraseMatcher phrases, boolean checkSuggestions) {
		this.phrases = phrases == null ? PhraseMatcher.empty() : phrases;
		this.checkSuggestions = checkSuggestions;
	}

	public PhraseMatcher phrases() {
		return phrases;
	}

	public Analysis analyse(String text, LetterCategory category) {
		return analyse(text, category, -1);
	}

	/**
	 * The analysis of a text whose subject line ends at {@code subjectEnd} (-1: none; see {@link SubjectLine}). The
	 * score counts LIX of the body; the statistics of the whole text are kept beside it.
	 */
	public Analysis analyse(String text, LetterCategory category, int subjectEnd) {
		String t = text == null ? "" : text;
		List<Token> tokens = Tokenizer.tokenize(t);
		TextStats stats = TextStats.of(tokens);
		TextStats body = stats;
		if (subjectEnd > 0 && subjectEnd < t.length()) {
			List<Token> bodyTokens = new ArrayList<>(tokens.size());
			for (Token k : tokens) {
				if (k.start() >= subjectEnd) {
					bodyTokens.add(k);
				}
			}
			body = TextStats.of(bodyTokens);
		}
		else {
			subjectEnd = -1;
		}
		List<Finding> findings = new ArrayList<>();
		wordRules(t, tokens, findings);
		for (int s = 0; s < stats.sentences(); s++) {
			int length = stats.sentenceLengths()[s];
			if (length > TextStats.LONG_SENTENCE) {
				findings.add(Finding.of(Rule.LONG_SENTENCE, stats.sentenceSpans()[2 * s], stats.sentenceSpans()[2 * s + 1],
						null, length));
			}
		}
		LetterText letter = LetterText.of(t, tokens);
		LetterKinds.Detection detected = LetterKinds.detect(letter);
		LetterCategory kind = LetterKinds.effective(category, detected.kind());
		List<RequiredElements.Check> elements = RequiredElements.check(letter, kind);
		for (RequiredElements.Check check : elements) {
			if (!check.present()) {
				findings.add(Finding.of(check.missing(), 0, 0, null));
			}
		}
		findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
		return Analysis.of(t.length(), stats, findings, elements, kind, detected, body, subjectEnd);
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
		if (checkSuggestions && !looksDanish(lower)) {
			findings.add(Finding.of(Rule.NOT_DANISH, 0, 0, null));
		}
		if (checkSuggestions) {
			cprNumbers(text, findings);
		}
		Context c = new Context(text, words, lower, stop, sentenceStart, duUsed, formalCertain, findings);
		for (int i = 0; i < count;) {
			PhraseMatcher.Match match = phrases.longestAt(lower, stop, i);
			if (match != null && match.length() == 1 && lower[i].equals("herunder") && herunderMeansBelow(c, i)) {
				i++;
				continue;
			}
			if (match != null) {
				i = phrase(c, i, match);
				continue;
			}
			i = oneWord(c, i);
		}
	}

	private static final Set<String> DANISH = Set.of("og", "i", "at", "det", "er", "en", "til", "på", "du", "af", "for",
			"med", "vi", "har", "den", "de", "ikke", "som", "der", "kan", "om", "skal", "din", "dig", "et", "fra", "vil",
			"så", "jeg", "eller", "hvis", "men", "os", "når", "også", "efter", "vores", "her", "hvor", "hvad", "dit",
			"dine", "var", "være", "blev", "bliver", "nu", "kun", "mig", "sig", "hos", "ved", "ud", "op", "hvordan",
			"fordi", "inden", "uden", "får", "dem", "deres", "jobcentret", "kommunen", "venlig", "hilsen", "kære");

	private static final Set<String> ENGLISH = Set.of("the", "and", "to", "of", "you", "that", "is", "are", "your",
			"this", "have", "will", "not", "be", "we", "our", "it", "on", "by", "from", "as", "can", "if", "please",
			"would", "should", "was", "were", "which", "what", "when", "there", "their", "they", "been", "has", "a",
			"an", "with", "dear", "regards", "sincerely", "meeting", "about");

	/**
	 * Whether the text reads as Danish: among its first 2,000 words, the most frequent Danish function words must
	 * outnumber the English ones and make up a share of the words ordinary Danish never falls below. Short texts
	 * (under 12 words) are given the benefit of the doubt.
	 */
	static boolean looksDanish(String[] lower) {
		int n = Math.min(lower.length, 2_000);
		if (n < 12) {
			return true;
		}
		int danish = 0;
		int english = 0;
		for (int i = 0; i < n; i++) {
			if (DANISH.contains(lower[i])) {
				danish++;
			}
			if (ENGLISH.contains(lower[i])) {
				english++;
			}
		}
		return danish >= english && danish * 100 >= n * 8;
	}

	/** A CPR number: six digits that are a date, a dash or a space or nothing, four digits; not inside a longer number. */
	private static final Pattern CPR = Pattern.compile("(?<![\\d-])(\\d{6})[- ]?(\\d{4})(?![\\d-])");

	private static void cprNumbers(String text, List<Finding> findings) {
		// a cheap scan for six digits in a row first; the pattern only where there are some
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Character.isDigit(text.charAt(i))) {
				if (++run == 6) {
					int from = Math.max(0, i - 6);
					Matcher m = CPR.matcher(text).region(from, Math.min(text.length(), i + 7));
					m.useTransparentBounds(true);
					while (m.find()) {
						if (Cpr.isValid(m.group(1) + "-" + m.group(2))) {
							findings.add(Finding.of(Rule.CPR_NUMBER, m.start(), m.end(), null));
						}
					}
				}
			}
			else {
				run = 0;
			}
		}
	}

	/** What the word rules of one text share. */
	private record Context(String text, Token[] words, String[] lower, boolean[] stop, boolean[] sentenceStart,
			boolean duUsed, boolean formalCertain, List<Finding> findings) {
	}

	/** A dictionary phrase at word i: the finding, with its alternative fitted to the text where that can be done. */
	private int phrase(Context c, int i, PhraseMatcher.Match match) {
		PhraseEntry entry = match.entry();
		int last = i + match.length() - 1;
		String alternative = entry.alternative();
		String shown = alternative;
		String suggestion = alternative;
		if (alternative != null && !alternative.isEmpty()) {
			suggestion = match.byLemma() ? fittedToForm(alternative, c.lower()[i]) : fitted(entry, c.lower(), i);
			if (suggestion != null) {
				shown = suggestion;
			}
		}
		// "Du bedes fremsende …" → "Send …": the polite order becomes an imperative of the (plain) verb
		if (entry.rule() == Rule.DISEMPOWERING && alternative != null && alternative.isEmpty() && match.length() == 2
				&& c.lower()[i + 1].equals("bedes") && last + 1 < c.lower().length && !c.stop()[last]) {
			String verb = c.lower()[last + 1];
			PhraseMatcher.Match inner = phrases.longestAt(c.lower(), c.stop(), last + 1);
			String imperative = null;
			if (inner != null && inner.length() == 1 && inner.entry().alternative() != null && !inner.entry().alternative().isEmpty()) {
				String[] p = Inflection.verb(inner.entry().alternative().split(" ")[0].toLowerCase(Locale.ROOT));
				if (p != null && !p[1].equals("-")) {
					imperative = p[1] + inner.entry().alternative().substring(inner.entry().alternative().split(" ")[0].length());
				}
			}
			else if (inner == null) {
				imperative = Inflection.imperative(verb);
			}
			if (imperative != null) {
				last = last + 1;
				suggestion = imperative;
				shown = imperative;
			}
			else {
				suggestion = null;
			}
		}
		// a hidden verb with its object: "foretage en vurdering af din sag" → "vurdere din sag"
		int matchedLast = last;
		if (entry.rule() == Rule.NOMINALISATION && suggestion != null && suggestion.indexOf(' ') < 0
				&& last + 1 < c.lower().length && !c.stop()[last]) {
			if (c.lower()[last + 1].equals("af")) {
				last++;
			}
			else if (c.lower()[last + 1].equals("om") || c.lower()[last + 1].equals("til")) {
				suggestion = null;
			}
		}
		int start = c.words()[i].coreStart();
		suggestion = guarded(c, i, last, matchCase(c.text().charAt(start), suggestion), entry.rule());
		if (suggestion == null && entry.rule() == Rule.NOMINALISATION) {
			last = matchedLast;
		}
		int end = c.words()[last].coreEnd();
		// "De bedes …": the phrase is an order, and its "De" is formal address as well (no one-click fix of its own:
		// "Du bedes …" would be flagged again; the phrase's imperative replaces both)
		if (entry.rule() == Rule.DISEMPOWERING && isCapitalisedFormal(c.text(), c.words()[i])
				&& formalAddress(c, i, c.text().substring(c.words()[i].coreStart(), c.words()[i].coreEnd()))) {
			Token de = c.words()[i];
			c.findings().add(Finding.of(Rule.FORMAL_ADDRESS, de.coreStart(), de.coreEnd(), null,
					c.text().substring(de.coreStart(), de.coreEnd())));
		}
		String key = "letters.rule." + entry.rule().id() + (alternative == null ? ".none" : alternative.isEmpty() ? ".delete" : "");
		c.findings().add(new Finding(entry.rule(), start, end, key,
				List.of(c.text().substring(start, end), shown == null ? "" : shown), entry.note(), suggestion));
		return last + 1;
	}

	/** The alternative in the form of a word that matched an entry as an inflected form; null when unsure. */
	private static String fittedToForm(String alternative, String word) {
		String head = alternative.split(" ")[0].toLowerCase(Locale.ROOT);
		boolean verb = Inflection.verb(head) != null || (Morphology.isVerb(head) && !Morphology.isNoun(head));
		Inflection.Form form = Inflection.formOf(word, null, verb);
		if (form == Inflection.Form.PASSIVE || form == Inflection.Form.PRESENT_PARTICIPLE) {
			return null;
		}
		return verb ? Inflection.inflectRegular(head, form) == null ? null
				: Inflection.inflectRegular(head, form) + alternative.substring(head.length()) : Inflection.inflect(alternative, form);
	}

	/** The entry's alternative in the form of the words it replaces; null when no correct form can be made. */
	private static String fitted(PhraseEntry entry, String[] lower, int i) {
		String alternative = entry.alternative();
		if (entry.phrase().indexOf('*') < 0) {
			return alternative;
		}
		String[] parts = PhraseMatcher.normalise(entry.phrase());
		for (int k = 0; k < parts.length; k++) {
			if (parts[k].endsWith("*")) {
				String stem = parts[k].substring(0, parts[k].length() - 1);
				String word = lower[i + k];
				String head = alternative.split(" ")[0].toLowerCase(Locale.ROOT);
				boolean verb = Inflection.verb(head) != null || (Morphology.isVerb(head) && !Morphology.isNoun(head));
				Inflection.Form form = Inflection.formOf(word, stem, verb);
				if (form == Inflection.Form.PASSIVE || form == Inflection.Form.PRESENT_PARTICIPLE) {
					return null; // a passive stays a passive: advice only
				}
				if (word.equals(stem) && Inflection.verb(head) == null && !verb) {
					return alternative;
				}
				return Inflection.inflect(alternative, form);
			}
		}
		return alternative;
	}

	/**
	 * The suggestion for words first..last, or null where applying it would break the sentence (see
	 * {@link Suggestions}) or give a sentence the analyser flags or that no longer states its decision.
	 */
	private String guarded(Context c, int first, int last, String suggestion, Rule rule) {
		if (suggestion == null || !checkSuggestions) {
			return suggestion;
		}
		if (!Suggestions.fits(c.lower(), c.stop(), c.sentenceStart(), first, last, suggestion, rule)) {
			return null;
		}
		int sentenceFirst = first;
		while (sentenceFirst > 0 && !c.stop()[sentenceFirst - 1]) {
			sentenceFirst--;
		}
		int sentenceLast = last;
		while (sentenceLast < c.stop().length - 1 && !c.stop()[sentenceLast]) {
			sentenceLast++;
		}
		String text = c.text();
		int from = c.words()[sentenceFirst].start();
		int to = c.words()[sentenceLast].end();
		int start = c.words()[first].coreStart();
		int end = c.words()[last].coreEnd();
		if (suggestion.isEmpty() && end < to && text.charAt(end) == ' ') {
			end++;
		}
		String before = text.substring(from, to);
		String key = fingerprint(before + '\u0000' + (start - from) + ':' + (end - start) + ':' + suggestion);
		Boolean known = SAFE.get(key);
		if (known == null) {
			String after = text.substring(from, start) + suggestion + text.substring(end, to);
			known = staysClear(before, after, start - from, start - from + suggestion.length());
			if (SAFE.size() > 20_000) {
				SAFE.clear();
			}
			SAFE.put(key, known);
		}
		return known ? suggestion : null;
	}

	/**
	 * Which changed sentences were checked, and whether they stayed clear (per analyser: per dictionary version). Keyed
	 * by the SHA-256 of the sentence and the change, not the sentence itself: texts sent to the API may hold personal
	 * data, which is not kept, not even in memory beyond the request.
	 */
	private final Map<String, Boolean> SAFE = new ConcurrentHashMap<>();

	private static String fingerprint(String key) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(key.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().withoutPadding().encodeToString(digest);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether the new sentence has no finding in the new words, and still states a decision if the old one did. */
	private boolean staysClear(String before, String after, int from, int to) {
		// the words around the change are enough: no rule looks further than a few words
		int windowStart = from;
		for (int spaces = 0; windowStart > 0 && spaces < 7; windowStart--) {
			if (Character.isWhitespace(after.charAt(windowStart - 1)) && ++spaces == 7) {
				break;
			}
		}
		int windowEnd = to;
		for (int spaces = 0; windowEnd < after.length() && spaces < 7; windowEnd++) {
			if (Character.isWhitespace(after.charAt(windowEnd))) {
				spaces++;
			}
		}
		String window = after.substring(windowStart, windowEnd);
		PlainLanguageAnalyser plain = new PlainLanguageAnalyser(phrases, false);
		List<Finding> found = new ArrayList<>();
		plain.wordRules(window, Tokenizer.tokenize(window), found);
		for (Finding f : found) {
			if (f.start() + windowStart < Math.max(to, from + 1) && f.end() + windowStart > from) {
				return false;
			}
		}
		return !statesDecision(before) || statesDecision(after);
	}

	private static boolean statesDecision(String sentence) {
		String s = LetterText.normalise(sentence, 0, sentence.length());
		if (!LetterKinds.has(s, LetterKinds.DECISION_KEYS)) {
			return false;
		}
		Matcher m = LetterKinds.DECISION.matcher(s);
		return m.find() && !LetterKinds.hedged(s, m.start(), m.end());
	}

	/** The rules that look at one word (and a few after it); returns the index of the next word to look at. */
	private int oneWord(Context c, int i) {
		String text = c.text();
		String[] lower = c.lower();
		boolean[] stop = c.stop();
		Token[] words = c.words();
		List<Finding> findings = c.findings();
		String word = lower[i];
		Token token = words[i];
		if (isCapitalisedFormal(text, token)) {
			String original = text.substring(token.coreStart(), token.coreEnd());
			if (formalAddress(c, i, original)) {
				String du = switch (original) {
					case "De" -> "du";
					case "Dem" -> "dig";
					default -> i + 1 < lower.length && !stop[i] ? Suggestions.agree("din", lower, stop, i + 1) : null;
				};
				String suggestion = du == null ? null
						: c.sentenceStart()[i] ? Character.toUpperCase(du.charAt(0)) + du.substring(1) : du;
				findings.add(Finding.of(Rule.FORMAL_ADDRESS, token.coreStart(), token.coreEnd(),
						guarded(c, i, i, suggestion, Rule.FORMAL_ADDRESS), original));
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
		if (word.equals("skønt") && isConcessiveSkoent(text, c, i)) {
			findings.add(new Finding(Rule.OFFICIALESE, token.coreStart(), token.coreEnd(), "letters.rule.officialese",
					List.of(text.substring(token.coreStart(), token.coreEnd()), "selvom"), null,
					guarded(c, i, i, matchCase(text.charAt(token.coreStart()), "selvom"), Rule.OFFICIALESE)));
			return i + 1;
		}
		if (DanishWords.SUPPORT_VERBS.contains(word)) {
			int j = i;
			for (int k = 0; k < 3 && !stop[j] && j + 1 < lower.length; k++) {
				j++;
				String verb = hiddenVerb(lower[j]);
				if (verb != null) {
					String suggestion = null;
					int last = j;
					if (!verb.isEmpty()) {
						// the hidden verb in the form of the support verb: "foretager en undersøgelse" → "undersøger"
						Inflection.Form form = Inflection.formOf(word, null, true);
						suggestion = form == Inflection.Form.PASSIVE ? null : Inflection.inflectRegular(verb, form);
						boolean onlyArticle = j == i + 1 || (j == i + 2 && (lower[i + 1].equals("en") || lower[i + 1].equals("et")));
						if (!onlyArticle) {
							suggestion = null; // "en grundig undersøgelse": the adjective would be lost
						}
						if (suggestion != null && j + 1 < lower.length && !stop[j]) {
							if (lower[j + 1].equals("af")) {
								last = j + 1;
							}
							else if (lower[j + 1].equals("om") || lower[j + 1].equals("til")) {
								suggestion = null;
							}
						}
					}
					suggestion = guarded(c, i, last, matchCase(text.charAt(token.coreStart()), suggestion), Rule.NOMINALISATION);
					if (suggestion == null) {
						last = j;
					}
					findings.add(Finding.of(Rule.NOMINALISATION, token.coreStart(), words[last].coreEnd(), suggestion,
							text.substring(token.coreStart(), words[j].coreEnd()), lower[j]));
					return last + 1;
				}
			}
			return i + 1;
		}
		if (token.letters() > LONG_WORD_FINDING && !isAddress(word)) {
			findings.add(Finding.of(Rule.LONG_WORD, token.coreStart(), token.coreEnd(), null, token.letters()));
		}
		return i + 1;
	}

	/**
	 * Whether a capitalised De, Dem or Deres is formal address, read in its sentence: in the middle of a sentence it
	 * is; at the start of one it is "they"/"their" when the sentence before names people or things in the plural
	 * ("Vi har talt med to arbejdsgivere. De søger …") or, for "De", when no verb follows ("De nye regler"); otherwise
	 * it is formal address when the letter uses formal address elsewhere or does not say "du".
	 */
	private static boolean formalAddress(Context c, int i, String original) {
		if (!c.sentenceStart()[i] || c.formalCertain()) {
			return true;
		}
		if (pluralBefore(c, i)) {
			return false;
		}
		if (original.equals("De")) {
			boolean verbNext = i + 1 < c.lower().length && !c.stop()[i]
					&& (DanishWords.FORMAL_VERBS.contains(c.lower()[i + 1]) || Morphology.hasTag(c.lower()[i + 1], "ver:præ")
							|| Morphology.hasTag(c.lower()[i + 1], "ver:dat") || Morphology.isPassiveForm(c.lower()[i + 1]));
			return verbNext && (c.formalCertain() || !c.duUsed() || !anyPluralIn(c, i));
		}
		if (original.equals("Dem")) {
			return true;
		}
		return c.formalCertain() || !c.duUsed();
	}

	/** A plural noun or pronoun in the sentence before word i: what "De" or "Deres" can refer to. */
	private static boolean pluralBefore(Context c, int i) {
		for (int k = i - 1, n = 0; k >= 0 && n < 30; k--, n++) {
			if (k < i - 1 && c.stop()[k]) {
				break; // only the sentence right before
			}
			String w = c.lower()[k];
			if (w.length() > 1 && !DanishWords.DU_FORMS.contains(w) && Morphology.isPlural(w)) {
				return true;
			}
		}
		return false;
	}

	private static boolean anyPluralIn(Context c, int i) {
		return pluralBefore(c, i);
	}

	/** Words before «herunder» that make it mean "below": seeing, reading, listing, and the things that are listed. */
	private static final Set<String> BEFORE_HERUNDER_BELOW = Set.of("se", "ses", "ser", "læs", "læse", "læses", "mere",
			"står", "stå", "nævnt", "nævnte", "beskrevet", "vist", "vises", "følger", "find", "finder", "finde", "listen",
			"skemaet", "oversigten", "linket", "linkene", "teksten", "tabellen", "punkterne", "felterne", "feltet",
			"boksen", "afsnittet", "eksemplet", "eksemplerne", "datoerne", "tiderne", "knappen", "adressen", "billedet");

	/**
	 * Whether «herunder» means "below" ("Se herunder", "som du kan læse herunder", "Herunder kan du se", "Skemaet
	 * herunder viser …"), which is plain Danish, rather than "including" ("dine papirer, herunder lønsedler"), which is
	 * officialese: after a comma it is "including"; it is "below" at the end of a sentence or before punctuation, after
	 * a word of seeing, reading or listing, and before a finite verb.
	 */
	private static boolean herunderMeansBelow(Context c, int i) {
		Token t = c.words()[i];
		String text = c.text();
		if (i > 0 && !c.stop()[i - 1]) {
			Token before = c.words()[i - 1];
			if (before.end() > before.coreEnd() && text.charAt(before.end() - 1) == ',') {
				return false;
			}
		}
		if (c.stop()[i] || t.end() > t.coreEnd() || i + 1 >= c.lower().length) {
			return true;
		}
		for (int k = i - 1; k >= 0 && k >= i - 2 && !c.stop()[k]; k--) {
			if (BEFORE_HERUNDER_BELOW.contains(c.lower()[k])) {
				return true;
			}
		}
		String next = c.lower()[i + 1];
		return DanishWords.FORMAL_VERBS.contains(next) || Morphology.hasTag(next, "ver:præ")
				|| Morphology.hasTag(next, "ver:dat");
	}

	/** "skønt" as a conjunction ("skønt du har ret"), not the adjective ("Det er skønt"). */
	private static boolean isConcessiveSkoent(String text, Context c, int i) {
		Token t = c.words()[i];
		if (t.end() > t.coreEnd() || c.stop()[i] || i + 1 >= c.lower().length) {
			return false; // punctuation right after it, or the end of the sentence: the adjective
		}
		String previous = i > 0 && !c.stop()[i - 1] ? c.lower()[i - 1] : "";
		if (Set.of("er", "var", "være", "været", "så", "meget", "helt", "rigtig", "virkelig", "bare", "ret", "lidt",
				"også", "jo", "blevet", "bliver", "blev", "vejret", "det", "et", "noget").contains(previous)) {
			return false;
		}
		return Set.of("du", "vi", "jeg", "han", "hun", "de", "det", "der", "man", "kommunen", "jobcentret", "din", "dit",
				"dine", "vores", "reglerne", "loven").contains(c.lower()[i + 1]);
	}

	static boolean isCapitalisedFormal(String text, Token t) {
		int length = t.coreEnd() - t.coreStart();
		if (length < 2 || length > 5 || text.charAt(t.coreStart()) != 'D') {
			return false;
		}
		String w = text.substring(t.coreStart(), t.coreEnd());
		return w.equals("De") || w.equals("Dem") || w.equals("Deres");
	}

	/**
	 * The -s passive, on verbs only: where the tagger knows the word, a passive verb reading is required (so "proces",
	 * "deres", "ydelses" never are); a word that is only a passive verb ("udbetales", "vurderes") is one wherever it
	 * stands; a word that can also be something else ("mødes", "bedes") is one after a modal, "der" or "at".
	 */
	static boolean isSPassive(String[] lower, boolean[] stop, int i) {
		String w = lower[i];
		if (w.length() < 4 || !w.endsWith("es") || DanishWords.NOT_S_PASSIVE.contains(w) || !isLetters(w)) {
			return false;
		}
		List<Morphology.Reading> readings = Morphology.readings(w);
		if (!readings.isEmpty()) {
			boolean passive = false;
			boolean other = false;
			for (Morphology.Reading r : readings) {
				if (r.passive()) {
					passive = true;
				}
				else {
					other = true;
				}
			}
			if (!passive) {
				return false; // a noun, a pronoun, a genitive: not a verb
			}
			if (!other) {
				return true;
			}
		}
		else if (Morphology.isVerb(w.substring(0, w.length() - 1)) && !Morphology.isNoun(w.substring(0, w.length() - 1))) {
			return true; // a verb the dictionary knows only in the active ("afholde" → "afholdes")
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
