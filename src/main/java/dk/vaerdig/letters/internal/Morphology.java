package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.tagging.da.DanishTagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Word classes and lemmas from LanguageTool's Danish tagger ({@link DanishTagger}, the Stavekontrolden dictionary
 * {@code da/danish.dict}), looked up one word at a time and remembered. Tags are like {@code ver:inf:pas} (verb,
 * infinitive, passive), {@code sub:bes:plu:utr:nom} (noun, definite, plural), {@code pron:plu:gen}. The dictionary
 * lacks many common strong verbs (sige, give, se, komme, få …): callers fall back on their own rules for words it does
 * not know ({@link #known}). Thread-safe; if the tagger cannot be loaded, every word is unknown.
 */
final class Morphology {

	private static final Logger log = LoggerFactory.getLogger(Morphology.class);

	/** One reading of a word: its lemma and its tag. */
	record Reading(String lemma, String tag) {

		boolean verb() {
			return tag.startsWith("ver:");
		}

		boolean passive() {
			return tag.startsWith("ver:") && tag.endsWith(":pas");
		}

		boolean noun() {
			return tag.startsWith("sub:");
		}
	}

	private static final int CACHE_LIMIT = 100_000;

	private static final Map<String, List<Reading>> CACHE = new ConcurrentHashMap<>();

	private static final ThreadLocal<DanishTagger> TAGGER = ThreadLocal.withInitial(() -> {
		try {
			return new DanishTagger();
		}
		catch (RuntimeException | LinkageError e) {
			log.warn("The Danish tagger could not be loaded; the analyser uses its own rules only: {}", e.toString());
			return null;
		}
	});

	private Morphology() {
	}

	/** The readings of a word in lower case (empty when the dictionary does not know it). */
	static List<Reading> readings(String lower) {
		List<Reading> known = CACHE.get(lower);
		if (known != null) {
			return known;
		}
		List<Reading> readings = lookUp(lower);
		if (CACHE.size() > CACHE_LIMIT) {
			CACHE.clear();
		}
		CACHE.put(lower, readings);
		return readings;
	}

	private static List<Reading> lookUp(String lower) {
		DanishTagger tagger = TAGGER.get();
		if (tagger == null || lower.isEmpty() || lower.length() > 40) {
			return List.of();
		}
		try {
			List<Reading> out = new ArrayList<>(2);
			for (AnalyzedTokenReadings r : tagger.tag(List.of(lower))) {
				for (AnalyzedToken t : r.getReadings()) {
					if (t.getPOSTag() != null && t.getLemma() != null) {
						out.add(new Reading(t.getLemma(), t.getPOSTag()));
					}
				}
			}
			return List.copyOf(out);
		}
		catch (Exception | LinkageError e) {
			return List.of();
		}
	}

	static boolean known(String lower) {
		return !readings(lower).isEmpty();
	}

	static boolean hasTag(String lower, String prefix) {
		for (Reading r : readings(lower)) {
			if (r.tag().startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	static boolean isVerb(String lower) {
		return hasTag(lower, "ver:");
	}

	static boolean isNoun(String lower) {
		return hasTag(lower, "sub:");
	}

	/** Whether a reading is a passive verb form ("sendes", "udbetales"). */
	static boolean isPassiveForm(String lower) {
		for (Reading r : readings(lower)) {
			if (r.passive()) {
				return true;
			}
		}
		return false;
	}

	/** Whether every reading is something other than a verb (a noun, a pronoun, a genitive …). */
	static boolean knownNotVerb(String lower) {
		List<Reading> rs = readings(lower);
		if (rs.isEmpty()) {
			return false;
		}
		for (Reading r : rs) {
			if (r.verb()) {
				return false;
			}
		}
		return true;
	}

	/** Whether the word is a plural noun or a plural pronoun: an antecedent "De" can point back to. */
	static boolean isPlural(String lower) {
		if (lower.equals("de") || lower.equals("dem") || lower.equals("børn") || lower.equals("børnene")
				|| lower.equals("forældre") || lower.equals("forældrene") || lower.equals("folk") || lower.equals("mennesker")) {
			return true;
		}
		for (Reading r : readings(lower)) {
			if (r.noun() && r.tag().contains(":plu:")) {
				return true;
			}
		}
		return false;
	}
}
