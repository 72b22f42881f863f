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
		Analysis analysis = dictionary.analyser().analyse(text, category);
		return withSpelling ? analysis.with(spelling.check(text)) : analysis;
	}

	public boolean spellingReady() {
		return spelling.ready();
	}
}
