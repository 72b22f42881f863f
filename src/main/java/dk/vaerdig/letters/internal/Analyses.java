package dk.vaerdig.letters.internal;

import org.springframework.stereotype.Service;

/** The whole analysis of a text: the plain-language rules, then (optionally) spelling and grammar, scored together. */
@Service
public class Analyses {

	private final Dictionary dictionary;

	private final SpellChecker spelling;

	Analyses(Dictionary dictionary, SpellChecker spelling) {
		this.dictionary = dictionary;
		this.spelling = spelling;
	}

	public Analysis analyse(String text, LetterCategory category, boolean withSpelling) {
		return analyse(text, category, withSpelling, -1);
	}

	/** The analysis of a text whose subject line ends at {@code subjectEnd} (-1: none; see {@link SubjectLine}). */
	public Analysis analyse(String text, LetterCategory category, boolean withSpelling, int subjectEnd) {
		Analysis analysis = dictionary.analyser().analyse(text, category, subjectEnd);
		return withSpelling ? analysis.with(spelling.check(text)) : analysis;
	}

	public boolean spellingReady() {
		return spelling.ready();
	}
}
