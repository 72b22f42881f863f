package dk.vaerdig.letters;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.letters.internal.LetterSending;
import dk.vaerdig.letters.internal.LetterTemplates;

/** The published API for other modules: send a candidate the approved version of a template known by its key. */
@Service
public class Letters {

	/** A letter as sent. */
	public record SentLetter(long id, String subject, String body) {
	}

	private final JdbcClient jdbc;

	private final LetterTemplates templates;

	private final LetterSending sending;

	Letters(JdbcClient jdbc, LetterTemplates templates, LetterSending sending) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.sending = sending;
	}

	/**
	 * Sends the newest approved version of the template with this key, merged with the candidate's and caseworker's
	 * fields and {@code values}; once per {@code requestId} (a repeated call returns the first letter).
	 * @throws IllegalStateException when the template has no approved version or a merge field has no value
	 */
	@Transactional
	public SentLetter send(String key, long candidateId, Map<String, String> values, UUID requestId) {
		var sent = sending.sendFromProcess(requestId, candidateId, approvedVersion(key), values);
		return new SentLetter(sent.id(), sent.subject(), sent.body());
	}

	/**
	 * As {@link #send}, for a process that no member of staff started (a complaint the candidate sends from Min side):
	 * needs no session; the letter's sender and the audit log's actor are {@code system}. The letter follows the
	 * candidate's contact preference as every letter does; once per {@code requestId}.
	 * @throws IllegalStateException when the template has no approved version or a merge field has no value
	 */
	@Transactional
	public SentLetter sendAsSystem(String key, long candidateId, Map<String, String> values, UUID requestId) {
		var sent = sending.sendAsSystem(requestId, candidateId, approvedVersion(key), values);
		return new SentLetter(sent.id(), sent.subject(), sent.body());
	}

	private long approvedVersion(String key) {
		long templateId = jdbc.sql("SELECT id FROM letter_template WHERE key = ?").param(key).query(Long.class).optional()
			.orElseThrow(() -> new IllegalStateException("No letter template with key " + key));
		return templates.approved(templateId)
			.orElseThrow(() -> new IllegalStateException("Template " + key + " has no approved version"))
			.id();
	}
}
