package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the phrases of several dictionaries in one pass over the words of a text: a trie keyed by whole words (a hash
 * look-up per word), with a character trie beside it for the words that end in {@code *}. No regular expression per
 * entry; the cost per word does not grow with the size of the dictionaries. Immutable and thread-safe once built.
 */
public final class PhraseMatcher {

	private final Node root = new Node();

	private final int size;

	public PhraseMatcher(Collection<PhraseEntry> entries) {
		int count = 0;
		for (PhraseEntry entry : entries) {
			String[] parts = normalise(entry.phrase());
			if (parts.length == 0) {
				continue;
			}
			Node node = root;
			for (String part : parts) {
				node = part.endsWith("*") && part.length() > 1 ? node.prefixChild(part.substring(0, part.length() - 1))
						: node.exactChild(part);
			}
			if (node.entry == null) {
				node.entry = entry;
				count++;
			}
		}
		this.size = count;
	}

	public static PhraseMatcher empty() {
		return new PhraseMatcher(List.of());
	}

	public int size() {
		return size;
	}

	/** The words of a phrase as the matcher compares them: lower case, without punctuation around them. */
	static String[] normalise(String phrase) {
		if (phrase == null) {
			return new String[0];
		}
		List<String> parts = new ArrayList<>();
		for (String raw : phrase.trim().split("\\s+")) {
			boolean star = raw.endsWith("*");
			String w = star ? raw.substring(0, raw.length() - 1) : raw;
			int s = 0;
			int e = w.length();
			while (s < e && !Character.isLetterOrDigit(w.charAt(s))) {
				s++;
			}
			while (e > s && !Character.isLetterOrDigit(w.charAt(e - 1))) {
				e--;
			}
			if (s < e) {
				parts.add(w.substring(s, e).toLowerCase(Locale.ROOT) + (star ? "*" : ""));
			}
		}
		return parts.toArray(String[]::new);
	}

	/**
	 * The longest phrase that starts at word {@code from}, or null.
	 *
	 * @param words the words of the text in lower case, without punctuation around them
	 * @param stopAfter stopAfter[i] is true when a sentence ends with word i: a phrase never spans two sentences
	 * @return the entry and, in {@code length()}, how many words it covers
	 */
	public Match longestAt(String[] words, boolean[] stopAfter, int from) {
		Match best = longest(root, words, stopAfter, from, 0, null);
		if (root.exact == null) {
			return best;
		}
		// the first word may be an inflected form of the entry's word: "foretog en vurdering" for "foretage en
		// vurdering", "meddelelser" for "meddelelse" (the lemma from LanguageTool's Danish tagger)
		for (String lemma : lemmasWithEntries(words[from])) {
			Node child = root.exact.get(lemma);
			if (child != null) {
				Match m = longest(child, words, stopAfter, from + 1, 1, null);
				if (m != null && (best == null || m.length() > best.length())) {
					best = new Match(m.entry(), m.length(), true);
				}
			}
		}
		return best;
	}

	private static final String[] NONE = new String[0];

	/** Per word, its lemmas that begin an entry (mostly none), so each word costs one look-up after the first. */
	private final Map<String, String[]> lemmaHeads = new ConcurrentHashMap<>();

	private String[] lemmasWithEntries(String word) {
		String[] known = lemmaHeads.get(word);
		if (known != null) {
			return known;
		}
		List<String> lemmas = new ArrayList<>(2);
		if (word.length() > 2) {
			for (Morphology.Reading r : Morphology.readings(word)) {
				if (!r.lemma().equals(word) && (r.verb() || r.noun()) && !r.passive() && root.exact.containsKey(r.lemma())
						&& !lemmas.contains(r.lemma())) {
					lemmas.add(r.lemma());
				}
			}
			String[] paradigm = Inflection.verb(word);
			if (paradigm != null && !paradigm[0].equals(word) && !paradigm[5].equals(word)
					&& root.exact.containsKey(paradigm[0]) && !lemmas.contains(paradigm[0])) {
				lemmas.add(paradigm[0]); // verbs the tagger lacks: "foretog" → "foretage"
			}
		}
		String[] found = lemmas.isEmpty() ? NONE : lemmas.toArray(String[]::new);
		if (lemmaHeads.size() > 100_000) {
			lemmaHeads.clear();
		}
		lemmaHeads.put(word, found);
		return found;
	}

	private Match longest(Node node, String[] words, boolean[] stopAfter, int at, int depth, Match best) {
		if (node.entry != null && depth > 0 && (best == null || depth > best.length())) {
			best = new Match(node.entry, depth, false);
		}
		if (at >= words.length || (depth > 0 && stopAfter[at - 1])) {
			return best;
		}
		String word = words[at];
		if (node.exact != null) {
			Node child = node.exact.get(word);
			if (child != null) {
				best = longest(child, words, stopAfter, at + 1, depth + 1, best);
			}
		}
		if (node.prefixes != null) {
			CharNode c = node.prefixes;
			for (int i = 0; i < word.length() && c != null; i++) {
				c = c.kids == null ? null : c.kids.get(word.charAt(i));
				if (c != null && c.target != null) {
					best = longest(c.target, words, stopAfter, at + 1, depth + 1, best);
				}
			}
		}
		return best;
	}

	/**
	 * @param byLemma whether the first word matched as an inflected form of the entry's first word (its suggestion
	 *        must then be inflected to fit)
	 */
	public record Match(PhraseEntry entry, int length, boolean byLemma) {
	}

	private static final class Node {

		Map<String, Node> exact;

		CharNode prefixes;

		PhraseEntry entry;

		Node exactChild(String word) {
			if (exact == null) {
				exact = new HashMap<>();
			}
			return exact.computeIfAbsent(word, w -> new Node());
		}

		Node prefixChild(String prefix) {
			if (prefixes == null) {
				prefixes = new CharNode();
			}
			CharNode c = prefixes;
			for (int i = 0; i < prefix.length(); i++) {
				if (c.kids == null) {
					c.kids = new HashMap<>();
				}
				c = c.kids.computeIfAbsent(prefix.charAt(i), k -> new CharNode());
			}
			if (c.target == null) {
				c.target = new Node();
			}
			return c.target;
		}
	}

	private static final class CharNode {

		Map<Character, CharNode> kids;

		Node target;
	}
}
