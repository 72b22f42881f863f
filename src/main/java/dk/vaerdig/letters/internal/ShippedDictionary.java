package dk.vaerdig.letters.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dictionaries as shipped in the Flyway migrations, read without a database: for unit tests and benchmarks, which
 * thereby test the very entries the app starts with. The app itself reads the table, which staff may have edited.
 */
public final class ShippedDictionary {

	static final String[] MIGRATIONS = { "db/migration/V21__insert_officialese_dictionary.sql",
			"db/migration/V22__insert_disempowering_phrases_and_hidden_verbs.sql",
			"db/migration/V131__widen_and_correct_the_plain_language_dictionaries.sql",
			"db/migration/V133__add_rette_henvendelse_and_venligst_to_the_officialese_dictionary.sql" };

	/** A row of an INSERT (a later row with the same kind and phrase replaces an earlier one), or a DELETE. */
	private static final Pattern ROW = Pattern.compile(
			"\\('(OFFICIALESE|DISEMPOWERING|NOMINALISATION)',\\s*'((?:[^']|'')*)',\\s*(NULL|'((?:[^']|'')*)'),\\s*(NULL|'((?:[^']|'')*)')\\)"
					+ "|DELETE FROM letter_phrase WHERE kind = '(OFFICIALESE|DISEMPOWERING|NOMINALISATION)' AND phrase = '((?:[^']|'')*)'");

	private ShippedDictionary() {
	}

	public static List<PhraseEntry> entries() {
		Map<String, PhraseEntry> entries = new LinkedHashMap<>();
		for (String migration : MIGRATIONS) {
			try (InputStream in = ShippedDictionary.class.getClassLoader().getResourceAsStream(migration)) {
				if (in == null) {
					throw new IllegalStateException("Missing " + migration);
				}
				Matcher m = ROW.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (m.find()) {
					if (m.group(7) != null) {
						entries.remove(m.group(7) + ' ' + unquote(m.group(8)));
						continue;
					}
					entries.put(m.group(1) + ' ' + unquote(m.group(2)), new PhraseEntry(Rule.valueOf(m.group(1)),
							unquote(m.group(2)), m.group(4) == null ? null : unquote(m.group(4)),
							m.group(6) == null ? null : unquote(m.group(6))));
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return new ArrayList<>(entries.values());
	}

	public static PlainLanguageAnalyser analyser() {
		return new PlainLanguageAnalyser(new PhraseMatcher(entries()));
	}

	private static String unquote(String s) {
		return s.replace("''", "'");
	}
}
