package dk.vaerdig.letters.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editable dictionaries (officialese, disempowering phrasing, hidden verbs) in table {@code letter_phrase}, and the
 * analyser built from them; rebuilt after every change, so an edit takes effect at once.
 */
@Service
public class Dictionary {

	/** A row of the dictionary as the edit page shows it. */
	public record Entry(long id, Rule kind, String phrase, String alternative, String note, String changedBy) {
	}

	private final JdbcClient jdbc;

	private final AtomicReference<PlainLanguageAnalyser> analyser = new AtomicReference<>();

	Dictionary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PlainLanguageAnalyser analyser() {
		PlainLanguageAnalyser current = analyser.get();
		if (current == null) {
			current = reload();
		}
		return current;
	}

	public PlainLanguageAnalyser reload() {
		List<PhraseEntry> entries = jdbc.sql("SELECT kind, phrase, alternative, note FROM letter_phrase ORDER BY id")
			.query((rs, n) -> new PhraseEntry(Rule.valueOf(rs.getString("kind")), rs.getString("phrase"),
					rs.getString("alternative"), rs.getString("note")))
			.list();
		PlainLanguageAnalyser built = new PlainLanguageAnalyser(new PhraseMatcher(entries));
		analyser.set(built);
		return built;
	}

	public List<Entry> entries(Rule kind) {
		return jdbc.sql("""
				SELECT id, kind, phrase, alternative, note, changed_by FROM letter_phrase
				WHERE kind = ? ORDER BY lower(phrase)""")
			.param(kind.name())
			.query((rs, n) -> new Entry(rs.getLong("id"), Rule.valueOf(rs.getString("kind")), rs.getString("phrase"),
					rs.getString("alternative"), rs.getString("note"), rs.getString("changed_by")))
			.list();
	}

	public long count(Rule kind) {
		return jdbc.sql("SELECT count(*) FROM letter_phrase WHERE kind = ?").param(kind.name()).query(Long.class).single();
	}

	/** Adds an entry, or changes the alternative and note of the entry with the same phrase. */
	@Transactional
	public void save(Rule kind, String phrase, String alternative, String note, String by) {
		requireKind(kind);
		jdbc.sql("""
				INSERT INTO letter_phrase (kind, phrase, alternative, note, changed_by) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (kind, phrase) DO UPDATE SET alternative = excluded.alternative, note = excluded.note,
				  changed_by = excluded.changed_by, changed_at = now()""")
			.params(kind.name(), phrase.trim(), blankToNull(alternative), blankToNull(note), by)
			.update();
		reload();
	}

	@Transactional
	public void delete(long id) {
		jdbc.sql("DELETE FROM letter_phrase WHERE id = ?").param(id).update();
		reload();
	}

	private static void requireKind(Rule kind) {
		if (kind != Rule.OFFICIALESE && kind != Rule.DISEMPOWERING && kind != Rule.NOMINALISATION) {
			throw new IllegalArgumentException("Not a dictionary: " + kind);
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
