package dk.vaerdig.letters.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editable dictionaries (officialese, disempowering phrasing, hidden verbs) in table {@code letter_phrase}, and the
 * analyser built from them; rebuilt after every change, so an edit takes effect at once on this node. Every change
 * also raises the number in {@code letter_dictionary_version} in its transaction; each node polls that number
 * ({@code vaerdig.letters.dictionary-poll-interval}, 2 s) and rebuilds its analyser when it has changed, so an edit
 * on one node is used by every node within a few seconds.
 */
@Service
public class Dictionary {

	private static final Logger log = LoggerFactory.getLogger(Dictionary.class);

	/** A row of the dictionary as the edit page shows it. */
	public record Entry(long id, Rule kind, String phrase, String alternative, String note, String changedBy) {
	}

	private final JdbcClient jdbc;

	private final AtomicReference<PlainLanguageAnalyser> analyser = new AtomicReference<>();

	/** The version the current analyser was built from; -1 before the first build. */
	private volatile long builtFrom = -1;

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

	/** Rebuilds the analyser from the table; the version is read first, so a change in between is picked up again. */
	public synchronized PlainLanguageAnalyser reload() {
		long version = version();
		List<PhraseEntry> entries = jdbc.sql("SELECT kind, phrase, alternative, note FROM letter_phrase ORDER BY id")
			.query((rs, n) -> new PhraseEntry(Rule.valueOf(rs.getString("kind")), rs.getString("phrase"),
					rs.getString("alternative"), rs.getString("note")))
			.list();
		PlainLanguageAnalyser built = new PlainLanguageAnalyser(new PhraseMatcher(entries));
		analyser.set(built);
		builtFrom = version;
		return built;
	}

	/** The version of the dictionaries in the database (raised by every change, on any node). */
	public long version() {
		return jdbc.sql("SELECT version FROM letter_dictionary_version").query(Long.class).single();
	}

	/** The version this node's analyser was built from. */
	public long builtFrom() {
		return builtFrom;
	}

	/** Rebuilds the analyser when the dictionaries were changed, on this or another node, since it was built. */
	@Scheduled(fixedDelayString = "${vaerdig.letters.dictionary-poll-interval:2s}", initialDelayString = "5s")
	public void reloadIfChanged() {
		if (analyser.get() == null) {
			return; // built on first use
		}
		long version = version();
		if (version != builtFrom) {
			log.info("Letter dictionaries changed (version {} -> {}): analyser rebuilt", builtFrom, version);
			reload();
		}
	}

	private void changed() {
		jdbc.sql("UPDATE letter_dictionary_version SET version = version + 1").update();
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
		changed();
		reload();
	}

	@Transactional
	public void delete(long id) {
		jdbc.sql("DELETE FROM letter_phrase WHERE id = ?").param(id).update();
		changed();
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
