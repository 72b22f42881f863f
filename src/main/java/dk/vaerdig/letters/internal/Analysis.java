package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the analyser found in one text, with an overall score 0–100 and a grade A–F that {@link #scoreParts()}
 * explains: each kind of finding costs its {@link Rule#points()} per 100 words (at most 20 points a kind, 30 for
 * disempowering phrasing), a missing element its points once, and LIX above 35 costs 1.2 points per point.
 *
 * @param kind the kind of letter the required elements were checked for (the writer's choice, or the detected kind)
 * @param detected the kind {@link LetterKinds} found in the text, with the sentence that decided it
 * @param body the statistics of the text without its subject line (the same as {@code stats} when it has none); the
 *        score counts the body's LIX
 * @param subjectEnd where the subject line ends, or -1 when there is none
 */
public record Analysis(int length, TextStats stats, List<Finding> findings, List<RequiredElements.Check> elements,
		int score, char grade, List<ScorePart> scoreParts, LetterCategory kind, LetterKinds.Detection detected,
		TextStats body, int subjectEnd) {

	/** Letters to citizens aim at LIX ≤ 35 (DESIGN.md, section 4). */
	public static final int LIX_TARGET = 35;

	/** One reason the score is below 100. */
	public record ScorePart(String messageKey, List<Object> args, int points) {
	}

	static Analysis of(int length, TextStats stats, List<Finding> findings, List<RequiredElements.Check> elements,
			LetterCategory kind, LetterKinds.Detection detected, TextStats body, int subjectEnd) {
		List<ScorePart> parts = new ArrayList<>();
		if (stats.words() == 0) {
			parts.add(new ScorePart("letters.score.empty", List.of(), 100));
			return new Analysis(length, stats, List.copyOf(findings), elements, 0, 'F', parts, kind, detected, body, subjectEnd);
		}
		Map<Rule, Integer> counts = new EnumMap<>(Rule.class);
		for (Finding f : findings) {
			counts.merge(f.rule(), 1, Integer::sum);
		}
		double per100 = 100.0 / Math.max(stats.words(), 100);
		double total = 0;
		TextStats counted = body.words() > 0 ? body : stats;
		double lixOver = counted.lix() - LIX_TARGET;
		if (lixOver > 0) {
			double p = Math.min(25, lixOver * 1.2);
			total += p;
			parts.add(new ScorePart("letters.score.lix", List.of(counted.lixRounded(), LIX_TARGET), (int) Math.round(p)));
		}
		for (Map.Entry<Rule, Integer> e : counts.entrySet()) {
			Rule rule = e.getKey();
			double p = rule.missingElement() ? rule.points()
					: Math.min(rule == Rule.DISEMPOWERING ? 30 : 20, rule.points() * e.getValue() * per100);
			if (p <= 0) {
				continue;
			}
			total += p;
			parts.add(new ScorePart("letters.score.rule." + rule.id(), List.of(e.getValue()), (int) Math.round(p)));
		}
		parts.sort(Comparator.comparingInt(ScorePart::points).reversed());
		int score = (int) Math.max(0, Math.min(100, Math.round(100 - total)));
		return new Analysis(length, stats, List.copyOf(findings), elements, score, grade(score), parts, kind, detected, body,
				subjectEnd);
	}

	public static char grade(int score) {
		if (score >= 90) {
			return 'A';
		}
		if (score >= 80) {
			return 'B';
		}
		if (score >= 70) {
			return 'C';
		}
		if (score >= 60) {
			return 'D';
		}
		return score >= 50 ? 'E' : 'F';
	}

	/** The same analysis with more findings (spelling and grammar from LanguageTool), scored again. */
	public Analysis with(List<Finding> more) {
		if (more.isEmpty()) {
			return this;
		}
		List<Finding> all = new ArrayList<>(findings);
		all.addAll(more);
		all.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
		return of(length, stats, all, elements, kind, detected, body, subjectEnd);
	}

	/** Whether a subject line was set apart (marked by the writer or detected). */
	public boolean hasSubjectLine() {
		return subjectEnd > 0;
	}

	public long count(Rule rule) {
		return findings.stream().filter(f -> f.rule() == rule).count();
	}
}
