package dk.vaerdig.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators make a new version of the questionnaire: a draft copied from the active version, in which questions
 * are reworded, reordered, added or removed and languages added, and which is then activated. Versions that have
 * been active are never changed, so every answer stays tied to the wording it answered.
 */
@Service
public class QuestionnaireEditor {

	public record Version(long id, int number, String status, String createdBy, Instant createdAt,
			Instant activatedAt, long answers) {
	}

	public record EditableQuestion(long id, int position, String code, Questionnaires.Kind kind, Map<String, String> texts) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Questionnaires questionnaires;

	QuestionnaireEditor(JdbcClient jdbc, Clock clock, Questionnaires questionnaires) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.questionnaires = questionnaires;
	}

	public List<Version> versions() {
		return jdbc.sql("""
				SELECT v.id, v.number, v.status, v.created_by, v.created_at, v.activated_at,
				       (SELECT count(*) FROM survey_answer a WHERE a.version_id = v.id) AS answers
				FROM survey_version v ORDER BY v.number DESC""").query(Version.class).list();
	}

	public Optional<Version> draft() {
		return versions().stream().filter(v -> v.status().equals("DRAFT")).findFirst();
	}

	/** The languages of a version, Danish first. */
	public List<String> languages(long versionId) {
		return jdbc.sql("SELECT lang FROM survey_version_language WHERE version_id = ? ORDER BY lang <> 'da', lang")
			.param(versionId)
			.query(String.class)
			.list();
	}

	/** Offers the draft in one more language (ISO 639 code such as "en", "uk", "ar"); texts are then filled in. */
	@Transactional
	public void addLanguage(String lang) {
		if (lang == null || !lang.matches("[a-z]{2,3}")) {
			throw new IllegalArgumentException("surveys.admin.langInvalid");
		}
		jdbc.sql("INSERT INTO survey_version_language (version_id, lang) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(draftId(), lang)
			.update();
	}

	public List<EditableQuestion> questions(long versionId) {
		List<EditableQuestion> questions = jdbc.sql("SELECT id, position, code, kind FROM survey_question WHERE version_id = ? ORDER BY position")
			.param(versionId)
			.query((rs, n) -> new EditableQuestion(rs.getLong("id"), rs.getInt("position"), rs.getString("code"),
					Questionnaires.Kind.valueOf(rs.getString("kind")), new TreeMap<>()))
			.list();
		for (EditableQuestion q : questions) {
			jdbc.sql("SELECT lang, text FROM survey_question_text WHERE question_id = ?")
				.param(q.id())
				.query(rs -> {
					q.texts().put(rs.getString("lang"), rs.getString("text"));
				});
		}
		return questions;
	}

	/** A new draft, copied from the active version; there is at most one draft. */
	@Transactional
	public long newDraft(String by) {
		if (draft().isPresent()) {
			throw new IllegalStateException("surveys.admin.draftExists");
		}
		long active = jdbc.sql("SELECT id FROM survey_version WHERE status = 'ACTIVE'").query(Long.class).single();
		long draft = jdbc.sql("""
				INSERT INTO survey_version (number, status, created_by, created_at)
				VALUES ((SELECT max(number) + 1 FROM survey_version), 'DRAFT', ?, ?) RETURNING id""")
			.params(by, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO survey_version_language (version_id, lang) SELECT ?, lang FROM survey_version_language WHERE version_id = ?")
			.params(draft, active)
			.update();
		for (EditableQuestion q : questions(active)) {
			long id = jdbc.sql("INSERT INTO survey_question (version_id, position, code, kind) VALUES (?, ?, ?, ?) RETURNING id")
				.params(draft, q.position(), q.code(), q.kind().name())
				.query(Long.class)
				.single();
			q.texts().forEach((lang, text) -> jdbc.sql("INSERT INTO survey_question_text (question_id, lang, text) VALUES (?, ?, ?)")
				.params(id, lang, text)
				.update());
		}
		return draft;
	}

	private long draftId() {
		return draft().map(Version::id).orElseThrow(() -> new IllegalStateException("surveys.admin.noDraft"));
	}

	/** Sets a question's text in one language of the draft; an empty text removes a translation (not the Danish). */
	@Transactional
	public void setText(long questionId, String lang, String text) {
		requireInDraft(questionId);
		if (text == null || text.isBlank()) {
			if ("da".equals(lang)) {
				throw new IllegalArgumentException("surveys.admin.danishRequired");
			}
			jdbc.sql("DELETE FROM survey_question_text WHERE question_id = ? AND lang = ?").params(questionId, lang).update();
			return;
		}
		jdbc.sql("""
				INSERT INTO survey_question_text (question_id, lang, text) VALUES (?, ?, ?)
				ON CONFLICT (question_id, lang) DO UPDATE SET text = EXCLUDED.text""")
			.params(questionId, lang, text.strip())
			.update();
	}

	@Transactional
	public void addQuestion(String code, Questionnaires.Kind kind, String danishText) {
		long draft = draftId();
		if (jdbc.sql("SELECT count(*) FROM survey_question WHERE version_id = ? AND code = ?").params(draft, code)
			.query(Long.class).single() > 0) {
			throw new IllegalArgumentException("surveys.admin.codeTaken");
		}
		long id = jdbc.sql("""
				INSERT INTO survey_question (version_id, position, code, kind)
				VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM survey_question WHERE version_id = ?), ?, ?) RETURNING id""")
			.params(draft, draft, code, kind.name())
			.query(Long.class)
			.single();
		setText(id, "da", danishText);
	}

	@Transactional
	public void removeQuestion(long questionId) {
		requireInDraft(questionId);
		jdbc.sql("DELETE FROM survey_question_text WHERE question_id = ?").param(questionId).update();
		jdbc.sql("DELETE FROM survey_question WHERE id = ?").param(questionId).update();
	}

	/** Moves a question one place up (-1) or down (+1) in the draft. */
	@Transactional
	public void move(long questionId, int direction) {
		long draft = requireInDraft(questionId);
		List<EditableQuestion> order = questions(draft);
		int i = -1;
		for (int k = 0; k < order.size(); k++) {
			if (order.get(k).id() == questionId) {
				i = k;
			}
		}
		int j = i + Integer.signum(direction);
		if (j < 0 || j >= order.size()) {
			return;
		}
		EditableQuestion a = order.get(i);
		EditableQuestion b = order.get(j);
		// positions are unique: swap through a free number
		jdbc.sql("UPDATE survey_question SET position = -1 WHERE id = ?").param(a.id()).update();
		jdbc.sql("UPDATE survey_question SET position = ? WHERE id = ?").params(a.position(), b.id()).update();
		jdbc.sql("UPDATE survey_question SET position = ? WHERE id = ?").params(b.position(), a.id()).update();
	}

	/** Makes the draft the active version; the old one retires, with its answers. */
	@Transactional
	public void activate() {
		long draft = draftId();
		if (jdbc.sql("SELECT count(*) FROM survey_question WHERE version_id = ? AND kind = 'SCALE'").param(draft)
			.query(Long.class).single() == 0) {
			throw new IllegalStateException("surveys.admin.noScale");
		}
		jdbc.sql("UPDATE survey_version SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
		jdbc.sql("UPDATE survey_version SET status = 'ACTIVE', activated_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), draft)
			.update();
		questionnaires.evict();
	}

	private long requireInDraft(long questionId) {
		return jdbc.sql("""
				SELECT q.version_id FROM survey_question q JOIN survey_version v ON v.id = q.version_id
				WHERE q.id = ? AND v.status = 'DRAFT'""")
			.param(questionId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("surveys.admin.notDraft"));
	}
}
