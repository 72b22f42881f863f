package dk.vaerdig.letters.internal;

/**
 * One whitespace-separated token of a text.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param coreStart offset of the first letter or digit (equals {@code end} when there is none)
 * @param coreEnd offset after the last letter or digit
 * @param letters number of letters (punctuation and digits not counted; æ, ø and å are letters)
 * @param word whether the token holds a letter or a digit (our definition of a word)
 * @param endsSentence whether a sentence ends with this token
 * @param lineStart whether the token is the first on its line
 */
public record Token(int start, int end, int coreStart, int coreEnd, int letters, boolean word, boolean endsSentence,
		boolean lineStart) {

	/** A long word in LIX: more than six letters. */
	public boolean isLong() {
		return letters > 6;
	}

	Token endingSentence() {
		return endsSentence ? this : new Token(start, end, coreStart, coreEnd, letters, word, true, lineStart);
	}
}
