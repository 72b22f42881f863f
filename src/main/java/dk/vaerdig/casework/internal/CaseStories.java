package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case story, written with the candidate, in their own words where they want. Each save appends a version, so
 * earlier versions can always be read. A save names the version it was based on; if someone else saved in the
 * meantime the save is refused with {@link StoryConflict}, and the caller keeps the text the user typed.
 */
@Service
public class CaseStories {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CaseAccess access;

	CaseStories(JdbcClient jdbc, Clock clock, CaseAccess access) {
		this.access = access;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record StoryVersion(long candidateId, int version, String text, boolean ownWords, String writtenBy,
			Instant writtenAt) {
	}

	/** Someone saved a newer version than the one the edit was based on. */
	public static class StoryConflict extends RuntimeException {

		private final transient StoryVersion current;

		StoryConflict(StoryVersion current) {
			super("casework.story.conflict");
			this.current = current;
		}

		public StoryVersion current() {
			return current;
		}
	}

	public Optional<StoryVersion> current(long candidateId) {
		return jdbc.sql("SELECT * FROM case_story WHERE candidate_id = ? ORDER BY version DESC LIMIT 1")
			.param(candidateId)
			.query(StoryVersion.class)
			.optional();
	}

	public List<StoryVersion> versions(long candidateId) {
		return jdbc.sql("SELECT * FROM case_story WHERE candidate_id = ? ORDER BY version DESC")
			.param(candidateId)
			.query(StoryVersion.class)
			.list();
	}

	public Optional<StoryVersion> version(long candidateId, int version) {
		return jdbc.sql("SELECT * FROM case_story WHERE candidate_id = ? AND version = ?")
			.params(candidateId, version)
			.query(StoryVersion.class)
			.optional();
	}

	/**
	 * Saves a new version on top of {@code baseVersion} (0 when there was no story yet).
	 * @throws StoryConflict when the story has moved on since {@code baseVersion}
	 */
	@Transactional
	public StoryVersion save(long candidateId, int baseVersion, String text, boolean ownWords, String writtenBy) {
		access.change(candidateId);
		Optional<StoryVersion> before = current(candidateId);
		if (before.map(StoryVersion::version).orElse(0) != baseVersion) {
			throw new StoryConflict(before.orElse(null));
		}
		int next = baseVersion + 1;
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO case_story (candidate_id, version, text, own_words, written_by, written_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (candidate_id, version) DO NOTHING""")
			.params(candidateId, next, text, ownWords, writtenBy, Timestamp.from(now))
			.update();
		if (inserted == 0) {
			// another editor saved the same base version a moment earlier
			throw new StoryConflict(current(candidateId).orElse(null));
		}
		return new StoryVersion(candidateId, next, text, ownWords, writtenBy, now);
	}
}
