package dk.vaerdig.letters.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.rules.spelling.hunspell.HunspellRule;

/**
 * LanguageTool's Hunspell rule for Danish with the costly part bounded: finding a misspelt word is fast, but computing
 * suggestions takes ~100 ms a word. Suggestions are remembered (names and street names recur across letters) and
 * computed for at most {@link #SUGGESTIONS_PER_TEXT} new words per text; the other misspellings are still reported,
 * without a suggestion.
 */
final class BudgetedSpellingRule extends HunspellRule {

	static final String ID = "VAERDIG_HUNSPELL_RULE";

	static final int SUGGESTIONS_PER_TEXT = 3;

	private static final ThreadLocal<int[]> BUDGET = ThreadLocal.withInitial(() -> new int[1]);

	private final Map<String, List<String>> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
			return size() > 5_000;
		}
	});

	BudgetedSpellingRule(Language language) {
		super(JLanguageTool.getMessageBundle(language), language, null);
	}

	/** Call before each text: the number of new suggestions it may compute. */
	static void resetBudget() {
		BUDGET.get()[0] = SUGGESTIONS_PER_TEXT;
	}

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public List<String> getSuggestions(String word) throws IOException {
		List<String> known = cache.get(word);
		if (known != null) {
			return known;
		}
		int[] budget = BUDGET.get();
		if (budget[0] <= 0) {
			return List.of();
		}
		budget[0]--;
		List<String> computed = List.copyOf(super.getSuggestions(word));
		cache.put(word, computed);
		return computed;
	}
}
