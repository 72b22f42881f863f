package dk.vaerdig.surveys.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The questionnaire versions; exactly one is active, and an answer keeps the version it answered. */
@Service
public class Questionnaires {

	public enum Kind {
		SCALE, CONTACT, FREE_TEXT
	}

	public record Question(long id, int position, String code, Kind kind, String text) {
	}

	public record Questionnaire(long versionId, int number, List<Question> questions) {

		public List<Question> scaleQuestions() {
			return questions.stream().filter(q -> q.kind() == Kind.SCALE).toList();
		}
	}

	/** How long a node keeps the active questionnaire before reading it again (another node may activate one). */
	private static final Duration CACHE_FOR = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	/** The active questionnaire per language. */
	private final Cache<String, Questionnaire> cache = Caffeine.newBuilder().expireAfterWrite(CACHE_FOR).build();

	Questionnaires(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The active version, its texts in the reader's language (Danish where a text lacks a translation). Kept for 30
	 * seconds: every answer needs it, and it changes only when an administrator activates a new version.
	 */
	public Questionnaire active(Locale locale) {
		return cache.get(locale.getLanguage(), language -> {
			record V(long id, int number) {
			}
			V v = jdbc.sql("SELECT id, number FROM survey_version WHERE status = 'ACTIVE'").query(V.class).single();
			return new Questionnaire(v.id(), v.number(), questions(v.id(), locale));
		});
	}

	/** Forgets the cached questionnaire, after a new version is activated on this node. */
	public void evict() {
		cache.invalidateAll();
	}

	public List<Question> questions(long versionId, Locale locale) {
		return jdbc.sql("""
				SELECT q.id, q.position, q.code, q.kind, coalesce(t.text, d.text) AS text
				FROM survey_question q
				JOIN survey_question_text d ON d.question_id = q.id AND d.lang = 'da'
				LEFT JOIN survey_question_text t ON t.question_id = q.id AND t.lang = ?
				WHERE q.version_id = ? ORDER BY q.position""")
			.params(locale.getLanguage(), versionId)
			.query(Question.class)
			.list();
	}
}
