package dk.vaerdig.letters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import dk.vaerdig.letters.internal.Analysis;
import dk.vaerdig.letters.internal.Finding;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.TextStats;

/**
 * An analysis as the pages show it: the text cut into segments with the findings marked, the findings with their
 * explanation in the reader's language, the statistics, and the score with its reasons.
 */
record AnalysisView(List<Segment> segments, List<FindingView> findings, List<FindingView> wholeLetter,
		List<ElementView> elements, int score, char grade, List<String> reasons, int words, int sentences,
		int longWords, String lix, String lixBand, String averageSentence, int longSentences, List<Bucket> distribution,
		boolean spellingChecked, String kind, String kindNote, String evidence, String lixBody, String lixBodyBand) {

	/** A piece of the text; {@code finding} is the index of the finding it marks, or -1. */
	record Segment(String text, int finding, String title) {

		public boolean marked() {
			return finding >= 0;
		}
	}

	record FindingView(int index, String rule, String ruleName, String found, String explanation, String suggestion,
			String applyValue, int start) {
	}

	record ElementView(String name, boolean present) {
	}

	record Bucket(String label, int count, int percent) {
	}

	static AnalysisView of(String text, Analysis a, MessageSource messages, Locale locale, boolean spellingChecked,
			LetterCategory chosen) {
		List<FindingView> findings = new ArrayList<>();
		List<FindingView> whole = new ArrayList<>();
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		int index = 0;
		for (Finding f : a.findings()) {
			String found = f.wholeLetter() ? "" : text.substring(f.start(), f.end());
			String explanation = messages.getMessage(f.messageKey(), f.args().toArray(), f.messageKey(), locale);
			if (f.note() != null) {
				explanation = explanation + " " + f.note();
			}
			String ruleName = messages.getMessage("letters.rulename." + f.rule().id(), null, f.rule().id(), locale);
			FindingView view = new FindingView(index, f.rule().id(), ruleName, found, explanation, f.suggestion(),
					f.start() + ":" + f.end(), f.start());
			if (f.wholeLetter()) {
				whole.add(view);
			}
			else {
				findings.add(view);
				if (f.start() >= at) {
					if (f.start() > at) {
						segments.add(new Segment(text.substring(at, f.start()), -1, null));
					}
					segments.add(new Segment(found, index, ruleName + ": " + explanation));
					at = f.end();
				}
			}
			index++;
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), -1, null));
		}
		TextStats s = a.stats();
		List<Bucket> buckets = new ArrayList<>();
		int[] counts = s.distribution();
		int lower = 1;
		for (int b = 0; b < counts.length; b++) {
			int upper = TextStats.BUCKETS[b];
			String label = upper == Integer.MAX_VALUE ? lower + "+" : lower + "–" + upper;
			buckets.add(new Bucket(label, counts[b], s.sentences() == 0 ? 0 : 100 * counts[b] / s.sentences()));
			lower = upper + 1;
		}
		List<String> reasons = a.scoreParts()
			.stream()
			.map(p -> messages.getMessage("letters.score.part",
					new Object[] { messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale), p.points() },
					locale))
			.toList();
		List<ElementView> elements = a.elements()
			.stream()
			.map(e -> new ElementView(messages.getMessage(e.messageKey(), null, e.element(), locale), e.present()))
			.toList();
		String kindName = messages.getMessage(a.kind().messageKey(), null, locale);
		String detectedName = messages.getMessage(a.detected().kind().messageKey(), null, locale);
		String kindNote;
		if (chosen == null || chosen == LetterCategory.SYSTEM) {
			kindNote = messages.getMessage("letters.analysis.kindDetected", new Object[] { detectedName }, locale);
		}
		else if (a.kind() != chosen) {
			kindNote = messages.getMessage("letters.analysis.kindUpgraded", null, locale);
		}
		else {
			kindNote = messages.getMessage("letters.analysis.kindChosen",
					new Object[] { messages.getMessage(chosen.messageKey(), null, locale), detectedName }, locale);
		}
		String evidence = null;
		if (a.detected().hasEvidence() && a.detected().evidenceEnd() <= text.length()) {
			String sentence = text.substring(a.detected().evidenceStart(), a.detected().evidenceEnd()).strip();
			evidence = messages.getMessage("letters.analysis.kindEvidence",
					new Object[] { sentence.length() > 160 ? sentence.substring(0, 157) + " …" : sentence }, locale);
		}
		return new AnalysisView(segments, findings, whole, elements, a.score(), a.grade(), reasons, s.words(),
				s.sentences(), s.longWords(), String.format(locale, "%.1f", s.lix()),
				messages.getMessage(s.band().messageKey(), null, locale),
				String.format(locale, "%.1f", s.averageSentenceLength()), s.longSentences(), buckets, spellingChecked,
				kindName, kindNote, evidence,
				a.hasSubjectLine() ? String.format(locale, "%.1f", a.body().lix()) : null,
				a.hasSubjectLine() ? messages.getMessage(a.body().band().messageKey(), null, locale) : null);
	}
}
