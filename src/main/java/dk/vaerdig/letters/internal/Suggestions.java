package dk.vaerdig.letters.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Makes and guards the one-click replacements of the analyser, so that applying one keeps the sentence Danish and
 * keeps its legal meaning. A replacement is offered only when
 * <ul>
 * <li>it fits the grammar around it: a determiner agrees with its noun ("Deres forløb" → "dit forløb"); "du" stands
 * only where a subject stands; a clause ("hvis du ikke kommer") does not replace a noun ("udeblivelse"); a phrase of
 * several words does not land before an object or a noun ("bede om dig", "det ovenfor oplysninger"); no finite verb
 * follows another ("er har ret til"); an imperative does not follow a modal ("bedes send"); a participle is changed
 * only after a form of "have"; no word is doubled ("den den periode"); a deleted first word does not leave the verb
 * first ("Hermed sender vi" → "Sender vi");</li>
 * <li>the analyser itself finds nothing in the new words when it reads the sentence again (no new officialese,
 * passive, formal address …), and a sentence that stated a decision still states it ("Vi har besluttet, at du skal"
 * never becomes "Vi foreslår, at du").</li>
 * </ul>
 * Otherwise the finding keeps its advice (the plain alternative is named in the explanation) without the button.
 */
final class Suggestions {

	/** Words that begin a clause (and nothing else): a clause cannot stand where a noun or a phrase stood. */
	private static final Set<String> SUBORDINATORS = Set.of("hvis", "når", "fordi", "mens", "selvom", "såfremt");

	private static final Set<String> FINITE = Set.of("er", "har", "bliver", "blev", "var", "havde", "kan", "skal", "vil",
			"må", "bør", "får", "fik", "kunne", "skulle", "ville", "måtte", "burde");

	private static final Set<String> MODALS = Set.of("kan", "skal", "vil", "må", "bør", "bedes", "at", "kunne", "skulle",
			"ville", "måtte", "burde");

	private static final Set<String> HAVE = Set.of("har", "havde", "have", "haft", "ha");

	private static final Set<String> OBJECT_PRONOUNS = Set.of("dig", "dem", "jer", "os", "mig", "ham", "hende", "sig");

	private static final Set<String> SUBJECT_LEAD = Set.of("hvis", "når", "at", "fordi", "da", "som", "og", "men", "eller",
			"så", "mens", "selvom", "om", "hvor", "hvordan", "hvorfor", "hvornår", "nu", "derfor", "her", "der", "idet");

	/** Words after a phrase that do not make it an object position. */
	private static final Set<String> FREE_AFTER = Set.of("om", "til", "for", "i", "på", "med", "at", "og", "eller",
			"når", "hvis", "senest", "inden", "nu", "igen", "af", "fra", "efter", "så", "også", "ikke", "hurtigt", "derfor");

	private static final Set<String> PREPOSITIONS = Set.of("på", "i", "til", "fra", "med", "om", "af", "for", "ved",
			"under", "over", "efter", "før", "hos", "uden", "mod");

	private static final Set<String> DETERMINERS = Set.of("den", "det", "de", "en", "et", "din", "dit", "dine", "vores",
			"denne", "dette", "disse", "jeres", "deres");

	private static final Set<String> SUBJECTS = Set.of("vi", "jeg", "han", "hun", "de", "man", "kommunen", "jobcentret",
			"jobcenteret", "sagsbehandleren");

	private static final Set<String> SINGULAR_DETERMINERS = Set.of("din", "dit", "den", "det", "en", "et", "denne",
			"dette", "vores", "jeres");

	/** "utr", "neu" or "" for a noun, from its singular readings. */
	private static String gender(String noun) {
		for (Morphology.Reading r : Morphology.readings(noun)) {
			if (r.noun() && r.tag().contains(":sin:")) {
				return r.tag().contains(":neu") ? "neu" : "utr";
			}
		}
		return "";
	}

	/** The last word of a phrase that already introduces a clause: "forudsat at" → "hvis". */
	private static final Set<String> CLAUSE_END = Set.of("at", "hvis", "når", "om");

	private static final Set<String> CONJUNCTIONS = Set.of("idet", "eftersom", "endskønt", "uagtet", "skønt", "dersom",
			"forsåvidt", "al");

	private Suggestions() {
	}

	/**
	 * Whether replacing words {@code first..last} (inclusive) of the text by {@code suggestion} keeps the grammar
	 * around it. {@code lower} holds the words in lower case, {@code stop[i]} whether a sentence ends after word i.
	 */
	static boolean fits(String[] lower, boolean[] stop, boolean[] sentenceStart, int first, int last, String suggestion,
			Rule rule) {
		String s = suggestion.toLowerCase(Locale.ROOT).trim();
		String previous = first > 0 && !stop[first - 1] ? lower[first - 1] : null;
		String beforePrevious = first > 1 && !stop[first - 1] && !stop[first - 2] ? lower[first - 2] : null;
		String next = last + 1 < lower.length && !stop[last] ? lower[last + 1] : null;
		String matched = lower[first];
		if (s.isEmpty()) {
			// deleting a first word must not leave the verb first ("Hermed sender vi" → "Sender vi")
			return !(sentenceStart[first] && next != null && isVerbLike(next));
		}
		String[] words = s.split(" ");
		String head = words[0];
		String tail = words[words.length - 1];
		if (head.equals(previous) || (next != null && tail.equals(next))
				|| (words.length > 1 && previous != null && tail.equals(previous))) {
			return false; // "den den periode", "prøver at at", "Der er der"
		}
		if (SUBORDINATORS.contains(head) && !SUBORDINATORS.contains(matched) && !CONJUNCTIONS.contains(matched)
				&& !Morphology.hasTag(matched, "kon")
				&& !CLAUSE_END.contains(lower[last])) {
			return false; // a clause for a noun or a prepositional phrase: "idet hvis du ikke kommer kan medføre"
		}
		if (head.equals("at") && last == first && Morphology.isNoun(matched)) {
			return false; // "ved at få af"
		}
		if (s.contains(",")) {
			return false;
		}
		if (FINITE.contains(head) && (FINITE.contains(String.valueOf(previous)) || "ikke".equals(previous) && FINITE.contains(String.valueOf(beforePrevious))
				|| "at".equals(previous))) {
			return false; // "er har ret til", "at er der"
		}
		if (head.equals("du") && previous != null && !SUBJECT_LEAD.contains(previous)
				&& (PREPOSITIONS.contains(previous) || (SUBJECTS.contains(String.valueOf(beforePrevious)) && isVerbLike(previous)))) {
			return false; // "talt med du", "Vi kontakter du"
		}
		if (head.equals("ikke") && (sentenceStart[first] || previous == null || !Set.of("du", "vi", "jeg", "han", "hun", "de", "man", "der", "det").contains(previous))) {
			return false; // "Ikke kommer du"
		}
		if (previous != null && MODALS.contains(previous) && isImperativeOnly(head)) {
			return false; // "bedes send"
		}
		if (words.length > 1 && next != null) {
			if (OBJECT_PRONOUNS.contains(next)) {
				return false; // "give besked dig", "bede om dig"
			}
			if (!FREE_AFTER.contains(next) && !PREPOSITIONS.contains(tail) && isNounOrArticle(next)) {
				return false; // "betale tilbage beløbet", "med brug for ekstra støtte borger", "for at job"
			}
		}
		if (next != null && isNounOnly(next) && Morphology.hasTag(tail, "adv") && !Morphology.hasTag(tail, "adj")
				&& !Morphology.hasTag(tail, "pra")
				&& !Morphology.hasTag(matched, "adv")) {
			return false; // an adverb before a noun: "den bagefter samtale", "måske spørgsmål"
		}
		if (previous != null && SINGULAR_DETERMINERS.contains(previous) && words.length == 1 && Morphology.isNoun(matched)
				&& Morphology.isNoun(head) && !gender(matched).equals(gender(head))) {
			return false; // "din skrivelse" → "din brev": the determiner would not agree
		}
		if (previous != null && DETERMINERS.contains(previous) && Inflection.verb(head) != null) {
			return false; // a participle used as an adjective: "den påtænkte afgørelse"
		}
		if (PREPOSITIONS.contains(head) && previous != null && PREPOSITIONS.contains(previous)) {
			return false; // "på uden arbejde"
		}
		if (rule != Rule.FORMAL_ADDRESS && Inflection.formOf(matched, null, true) == Inflection.Form.PARTICIPLE
				&& Inflection.verb(head) != null) {
			boolean afterHave = HAVE.contains(String.valueOf(previous)) || HAVE.contains(String.valueOf(beforePrevious));
			if (!afterHave) {
				return false; // "holde dig fortalt"
			}
		}
		return true;
	}

	/** The possessive or article agreeing with the noun after it: din/dit/dine, den/det/de, denne/dette/disse. */
	static String agree(String determiner, String[] lower, boolean[] stop, int at) {
		String d = determiner.toLowerCase(Locale.ROOT);
		String[] forms = switch (d) {
			case "din", "dit", "dine" -> new String[] { "din", "dit", "dine" };
			case "den", "det", "de" -> new String[] { "den", "det", "de" };
			case "denne", "dette", "disse" -> new String[] { "denne", "dette", "disse" };
			default -> null;
		};
		if (forms == null) {
			return determiner;
		}
		for (int k = at; k < lower.length && k < at + 3; k++) {
			String w = lower[k];
			String gender = null;
			boolean singular = false;
			boolean plural = false;
			boolean adjective = false;
			for (Morphology.Reading r : Morphology.readings(w)) {
				if (r.noun() && r.tag().startsWith("sub:ube")) {
					if (r.tag().contains(":sin:")) {
						singular = true;
						gender = gender == null ? (r.tag().contains(":neu") ? "neu" : "utr") : gender;
					}
					else if (r.tag().contains(":plu:")) {
						plural = true;
					}
				}
				if (r.tag().startsWith("adj")) {
					adjective = true;
				}
			}
			if (singular) {
				return forms["neu".equals(gender) ? 1 : 0];
			}
			if (plural) {
				return forms[2];
			}
			if (!adjective || stop[k]) {
				return null;
			}
		}
		return null;
	}

	private static boolean isVerbLike(String w) {
		return FINITE.contains(w) || Inflection.verb(w) != null || Morphology.hasTag(w, "ver:præ") || Morphology.hasTag(w, "ver:dat");
	}

	private static boolean isImperativeOnly(String w) {
		String[] p = Inflection.verb(w);
		if (p != null) {
			return p[1].equals(w) && !p[0].equals(w);
		}
		boolean imperative = false;
		for (Morphology.Reading r : Morphology.readings(w)) {
			if (r.verb()) {
				if (!r.tag().startsWith("ver:imp")) {
					return false;
				}
				imperative = true;
			}
		}
		return imperative;
	}

	private static boolean isNounOnly(String w) {
		return Morphology.isNoun(w) && !Morphology.isVerb(w) && !Morphology.hasTag(w, "adv") && !Morphology.hasTag(w, "pra");
	}

	private static boolean isNounOrArticle(String w) {
		return w.equals("en") || w.equals("et") || w.equals("den") || w.equals("det") || w.equals("din") || w.equals("dit")
				|| w.equals("dine") || isNounOnly(w) || Character.isDigit(w.charAt(0));
	}
}
