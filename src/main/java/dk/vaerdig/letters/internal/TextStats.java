package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The counts behind LIX: LIX = words / sentences + 100 × long words / words (a long word has more than six letters).
 *
 * @param words number of words
 * @param sentences number of sentences (each with at least one word)
 * @param longWords number of words with more than six letters
 * @param sentenceLengths the number of words of each sentence, in order
 * @param sentenceSpans start and end offset of each sentence, two ints per sentence
 */
public record TextStats(int words, int sentences, int longWords, int[] sentenceLengths, int[] sentenceSpans) {

	/** Upper bounds of the buckets of {@link #distribution()}: 1–5, 6–10, 11–15, 16–20, 21–25, 26–35, 36+. */
	public static final int[] BUCKETS = { 5, 10, 15, 20, 25, 35, Integer.MAX_VALUE };

	public static final int LONG_SENTENCE = 25;

	public static TextStats of(List<Token> tokens) {
		int words = 0;
		int longWords = 0;
		List<int[]> sentences = new ArrayList<>();
		int inSentence = 0;
		int sentenceStart = -1;
		for (Token t : tokens) {
			if (t.word()) {
				words++;
				if (t.isLong()) {
					longWords++;
				}
				if (inSentence == 0) {
					sentenceStart = t.start();
				}
				inSentence++;
			}
			if (t.endsSentence() && inSentence > 0) {
				sentences.add(new int[] { inSentence, sentenceStart, t.end() });
				inSentence = 0;
			}
		}
		int[] lengths = new int[sentences.size()];
		int[] spans = new int[sentences.size() * 2];
		for (int i = 0; i < lengths.length; i++) {
			int[] s = sentences.get(i);
			lengths[i] = s[0];
			spans[2 * i] = s[1];
			spans[2 * i + 1] = s[2];
		}
		return new TextStats(words, sentences.size(), longWords, lengths, spans);
	}

	/** LIX, or 0 for a text without words. */
	public double lix() {
		if (words == 0 || sentences == 0) {
			return 0;
		}
		return (double) words / sentences + 100.0 * longWords / words;
	}

	/** LIX rounded to a whole number, as it is usually shown. */
	public int lixRounded() {
		return (int) Math.round(lix());
	}

	public LixBand band() {
		return LixBand.of(lixRounded());
	}

	public double averageSentenceLength() {
		return sentences == 0 ? 0 : (double) words / sentences;
	}

	public double longWordShare() {
		return words == 0 ? 0 : (double) longWords / words;
	}

	/** How many sentences fall into each bucket of {@link #BUCKETS}. */
	public int[] distribution() {
		int[] counts = new int[BUCKETS.length];
		for (int length : sentenceLengths) {
			for (int b = 0; b < BUCKETS.length; b++) {
				if (length <= BUCKETS[b]) {
					counts[b]++;
					break;
				}
			}
		}
		return counts;
	}

	public int longSentences() {
		int count = 0;
		for (int length : sentenceLengths) {
			if (length > LONG_SENTENCE) {
				count++;
			}
		}
		return count;
	}

	/** The bands of DESIGN.md: ≤ 24 very easy, 25–34 easy, 35–44 medium, 45–54 hard, ≥ 55 very hard. */
	public enum LixBand {
		VERY_EASY, EASY, MEDIUM, HARD, VERY_HARD;

		public static LixBand of(int lix) {
			if (lix <= 24) {
				return VERY_EASY;
			}
			if (lix <= 34) {
				return EASY;
			}
			if (lix <= 44) {
				return MEDIUM;
			}
			return lix <= 54 ? HARD : VERY_HARD;
		}

		public String messageKey() {
			return "letters.lix.band." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}
}
