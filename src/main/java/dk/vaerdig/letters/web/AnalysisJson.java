package dk.vaerdig.letters.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import dk.vaerdig.letters.internal.Analysis;
import dk.vaerdig.letters.internal.Finding;
import dk.vaerdig.letters.internal.LanguageToolCheck;
import dk.vaerdig.letters.internal.TextStats;

/**
 * The JSON of {@code POST /api/letters/analysis}. Offsets count characters (UTF-16 code units, as JavaScript and Java
 * do) of the text as sent; a finding about the letter as a whole has {@code offset} and {@code length} null.
 */
record AnalysisJson(int length, Readability readability, Readability body, Kind kind, List<Element> elements,
		List<FindingJson> findings, int score, String grade, List<Reason> scoreReasons) {

	/** LIX with its parts; {@code band}: very-easy, easy, medium, hard, very-hard. */
	record Readability(double lix, String band, int words, int sentences, int longWords, int longSentences) {
	}

	/** {@code checked}: the kind whose elements were checked; {@code detected}: what the text reads as, and why. */
	record Kind(String checked, String detected, Integer evidenceOffset, Integer evidenceLength) {
	}

	record Element(String element, boolean present, String name) {
	}

	record FindingJson(String rule, String ruleId, String category, String name, Integer offset, Integer length,
			String text, String message, String suggestion) {
	}

	record Reason(String reason, int points) {
	}

	static AnalysisJson of(String text, Analysis a, MessageSource messages, Locale locale) {
		List<FindingJson> findings = a.findings().stream().map(f -> finding(text, f, messages, locale)).toList();
		List<Element> elements = a.elements()
			.stream()
			.map(e -> new Element(e.element(), e.present(), messages.getMessage(e.messageKey(), null, e.element(), locale)))
			.toList();
		List<Reason> reasons = a.scoreParts()
			.stream()
			.map(p -> new Reason(messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale), p.points()))
			.toList();
		var detected = a.detected();
		Kind kind = new Kind(name(a.kind()), name(detected.kind()), detected.hasEvidence() ? detected.evidenceStart() : null,
				detected.hasEvidence() ? detected.evidenceEnd() - detected.evidenceStart() : null);
		return new AnalysisJson(text.length(), readability(a.stats()), a.hasSubjectLine() ? readability(a.body()) : null,
				kind, elements, findings, a.score(), String.valueOf(a.grade()), reasons);
	}

	private static String name(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}

	private static Readability readability(TextStats s) {
		return new Readability(Math.round(s.lix() * 10) / 10.0, s.band().name().toLowerCase(Locale.ROOT).replace('_', '-'),
				s.words(), s.sentences(), s.longWords(), s.longSentences());
	}

	private static FindingJson finding(String text, Finding f, MessageSource messages, Locale locale) {
		String message = messages.getMessage(f.messageKey(), f.args().toArray(), f.messageKey(), locale);
		if (f.note() != null && !f.note().isBlank()) {
			message = message + " " + f.note();
		}
		String name = messages.getMessage("letters.rulename." + f.rule().id(), null, f.rule().id(), locale);
		boolean whole = f.wholeLetter();
		return new FindingJson(f.rule().id(), LanguageToolCheck.ruleId(f.rule()), LanguageToolCheck.categoryOf(f.rule()),
				name, whole ? null : f.start(), whole ? null : f.end() - f.start(),
				whole ? null : text.substring(f.start(), f.end()), message, whole ? null : f.suggestion());
	}
}
