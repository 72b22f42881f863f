package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import dk.vaerdig.letters.LetterSettings;

/**
 * The analysis of a text in the shape of LanguageTool's {@code /v2/check} answer, so LanguageTool's browser add-on and
 * office add-ins show Værdig's findings: one rule id per kind of finding ({@code VAERDIG_<KIND>}), in four categories
 * (plain language, the letter's contents, personal data, and LanguageTool's own spelling and grammar); a replacement
 * only where the analyser offers a safe one-click fix; a finding about the letter as a whole (a missing element, not
 * Danish) is placed on the text's first word. The elements the law requires are reported for a text that reads as a
 * decision or a consultation (what the law asks of those); the good-practice elements of other letters (contact, next
 * step) only when the client asks with {@code enabledCategories=VAERDIG_LETTER}, since the add-ons check every text
 * field, most of which are no letters. Positions are in the original text, markup included.
 */
@Service
public class LanguageToolCheck {

	public record Response(Software software, Warnings warnings, Language language, List<Match> matches) {
	}

	public record Software(String name, String version, String buildDate, int apiVersion, boolean premium,
			String status) {
	}

	public record Warnings(boolean incompleteResults) {
	}

	public record Language(String name, String code, DetectedLanguage detectedLanguage) {
	}

	public record DetectedLanguage(String name, String code, double confidence) {
	}

	public record Match(String message, String shortMessage, List<Replacement> replacements, int offset, int length,
			Context context, String sentence, Type type, RuleInfo rule, boolean ignoreForIncompleteSentence,
			int contextForSureMatch) {
	}

	public record Replacement(String value) {
	}

	public record Context(String text, int offset, int length) {
	}

	public record Type(String typeName) {
	}

	public record RuleInfo(String id, String description, String issueType, Category category) {
	}

	public record Category(String id, String name) {
	}

	/** LanguageTool's {@code mode}: every rule, only those about the text as a whole, or all but those. */
	public enum Mode {
		ALL, TEXT_LEVEL_ONLY, ALL_BUT_TEXT_LEVEL_ONLY;

		/** The mode a client named ({@code all}, {@code textLevelOnly}, {@code allButTextLevelOnly}); else all. */
		public static Mode of(String name) {
			if ("textLevelOnly".equalsIgnoreCase(name)) {
				return TEXT_LEVEL_ONLY;
			}
			return "allButTextLevelOnly".equalsIgnoreCase(name) ? ALL_BUT_TEXT_LEVEL_ONLY : ALL;
		}
	}

	/**
	 * LanguageTool's rule and category filters ({@code enabledRules}, {@code disabledCategories}, …) and its
	 * {@code mode}: a finding about the letter as a whole is a text-level rule, every other finding is not (so an add-on
	 * that sends the two halves of a check separately gets each finding once).
	 */
	public record Filters(Set<String> enabledRules, Set<String> disabledRules, Set<String> enabledCategories,
			Set<String> disabledCategories, boolean enabledOnly, Mode mode) {

		public static final Filters NONE = new Filters(Set.of(), Set.of(), Set.of(), Set.of(), false, Mode.ALL);

		boolean allows(String rule, String category) {
			if (disabledRules.contains(rule) || disabledCategories.contains(category)) {
				return false;
			}
			return !enabledOnly || enabledRules.contains(rule) || enabledCategories.contains(category);
		}
	}

	public static final String PLAIN_LANGUAGE = "VAERDIG_PLAIN_LANGUAGE";

	public static final String LETTER = "VAERDIG_LETTER";

	public static final String PERSONAL_DATA = "VAERDIG_PERSONAL_DATA";

	public static final String TYPOS = "TYPOS";

	public static final String GRAMMAR = "GRAMMAR";

	/** Characters of context either side of a match, as LanguageTool gives. */
	static final int CONTEXT = 40;

	private static final Software SOFTWARE = new Software("Værdig", "6.8", "2026-12-01", 1, false, "");

	private final Analyses analyses;

	private final MessageSource messages;

	private final LetterSettings settings;

	LanguageToolCheck(Analyses analyses, MessageSource messages, LetterSettings settings) {
		this.analyses = analyses;
		this.messages = messages;
		this.settings = settings;
	}

	/** The rule id of a kind of finding, as clients see it. */
	public static String ruleId(Rule rule) {
		return "VAERDIG_" + rule.name();
	}

	public static String categoryOf(Rule rule) {
		return switch (rule) {
			case SPELLING -> TYPOS;
			case GRAMMAR -> GRAMMAR;
			case CPR_NUMBER -> PERSONAL_DATA;
			case NOT_DANISH -> LETTER;
			default -> rule.missingElement() ? LETTER : PLAIN_LANGUAGE;
		};
	}

	private static String issueType(Rule rule) {
		return switch (rule) {
			case SPELLING -> "misspelling";
			case GRAMMAR -> "grammar";
			case FORMAL_ADDRESS, OFFICIALESE, DISEMPOWERING -> "register";
			case CPR_NUMBER -> "legal";
			case NOT_DANISH -> "locale-violation";
			default -> rule.missingElement() ? "omission" : "style";
		};
	}

	private static String typeName(Rule rule) {
		return switch (rule) {
			case SPELLING -> "UnknownWord";
			case GRAMMAR, CPR_NUMBER -> "Other";
			default -> rule.missingElement() || rule == Rule.NOT_DANISH ? "Other" : "Hint";
		};
	}

	/**
	 * Checks a text. {@code auto}: the client let the server pick the language; a text that does not read as Danish
	 * then gets no findings (they would be noise), while with {@code da-DK} it gets the notice that it is not Danish.
	 */
	public Response check(AnnotatedText annotated, boolean auto, Filters filters, Locale locale) {
		String text = annotated.plain();
		boolean spelling = settings.api().spelling() && filters.mode() != Mode.TEXT_LEVEL_ONLY
				&& (filters.allows(ruleId(Rule.SPELLING), TYPOS) || filters.allows(ruleId(Rule.GRAMMAR), GRAMMAR));
		// spelling asked for while LanguageTool is still warming up: the answer says its results are incomplete
		boolean incomplete = spelling && !analyses.spellingReady();
		Analysis analysis = analyses.analyse(text, LetterCategory.SYSTEM, spelling);
		boolean danish = analysis.count(Rule.NOT_DANISH) == 0;
		Language language = new Language("Danish", "da-DK",
				danish ? new DetectedLanguage("Danish", "da-DK", 0.9) : new DetectedLanguage("Unknown", "xx", 0.1));
		List<Match> matches = new ArrayList<>();
		if (danish || !auto) {
			int[] firstWord = firstWord(text);
			boolean elements = analysis.kind() == LetterCategory.DECISION || analysis.kind() == LetterCategory.CONSULTATION
					|| filters.enabledCategories().contains(LETTER);
			for (Finding f : analysis.findings()) {
				String category = categoryOf(f.rule());
				if (!filters.allows(ruleId(f.rule()), category) || (f.rule().missingElement() && !elements)) {
					continue;
				}
				if ((f.wholeLetter() && (firstWord == null || filters.mode() == Mode.ALL_BUT_TEXT_LEVEL_ONLY))
						|| (!f.wholeLetter() && filters.mode() == Mode.TEXT_LEVEL_ONLY)) {
					continue;
				}
				matches.add(match(annotated, analysis, f, category, firstWord, locale));
			}
		}
		matches.sort(Comparator.comparingInt(Match::offset).thenComparingInt(Match::length));
		return new Response(SOFTWARE, new Warnings(incomplete), language, matches);
	}

	private Match match(AnnotatedText annotated, Analysis analysis, Finding f, String category, int[] firstWord,
			Locale locale) {
		String text = annotated.plain();
		int start = f.wholeLetter() ? firstWord[0] : f.start();
		int end = f.wholeLetter() ? firstWord[1] : f.end();
		List<Replacement> replacements = List.of();
		if (f.hasSuggestion() && !f.wholeLetter()) {
			String replacement = f.suggestion();
			if (replacement.isEmpty()) {
				// as the editor applies it: the space after goes too, and the next word takes a sentence's capital
				int cut = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
				if (Character.isUpperCase(text.charAt(start)) && cut < text.length() && Character.isLowerCase(text.charAt(cut))) {
					replacement = String.valueOf(Character.toUpperCase(text.charAt(cut)));
					cut++;
				}
				end = cut;
			}
			replacements = List.of(new Replacement(replacement));
		}
		String message = messages.getMessage(f.messageKey(), f.args().toArray(), f.messageKey(), locale);
		if (f.note() != null && !f.note().isBlank()) {
			message = message + " " + f.note();
		}
		String name = messages.getMessage("letters.rulename." + f.rule().id(), null, f.rule().id(), locale);
		String categoryName = messages.getMessage("letters.api.category." + category, null, category, locale);
		int offset = annotated.originalStart(start);
		int length = Math.max(0, annotated.originalEnd(end) - offset);
		return new Match(message, name, replacements, offset, length, context(text, start, end),
				sentence(text, analysis.stats(), start), new Type(typeName(f.rule())),
				new RuleInfo(ruleId(f.rule()), name, issueType(f.rule()), new Category(category, categoryName)), false, 0);
	}

	/** The text around a match, 40 characters either side, lines joined, "..." where it was cut (as LanguageTool). */
	static Context context(String text, int start, int end) {
		int from = Math.max(0, start - CONTEXT);
		int to = Math.min(text.length(), end + CONTEXT);
		String prefix = from > 0 ? "..." : "";
		String suffix = to < text.length() ? "..." : "";
		String shown = text.substring(from, to).replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
		return new Context(prefix + shown + suffix, prefix.length() + start - from, end - start);
	}

	private static String sentence(String text, TextStats stats, int start) {
		int[] spans = stats.sentenceSpans();
		for (int s = 0; s < stats.sentences(); s++) {
			if (spans[2 * s] <= start && start < spans[2 * s + 1]) {
				return text.substring(spans[2 * s], spans[2 * s + 1]).replace('\n', ' ').strip();
			}
		}
		return "";
	}

	/** Where the first word of the text is: the place of a finding about the letter as a whole; null when none. */
	private static int[] firstWord(String text) {
		int s = 0;
		while (s < text.length() && Character.isWhitespace(text.charAt(s))) {
			s++;
		}
		if (s == text.length()) {
			return null;
		}
		int e = s;
		while (e < text.length() && !Character.isWhitespace(text.charAt(e))) {
			e++;
		}
		return new int[] { s, e };
	}
}
