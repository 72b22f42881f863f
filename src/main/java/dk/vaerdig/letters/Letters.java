package dk.vaerdig.letters;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.letters.internal.LetterSending;
import dk.vaerdig.letters.internal.LetterTemplates;

/**
 * The published API for other modules: send a candidate the approved version of a template known by its key.
 * <p>
 * The {@code values} of a template's own merge fields are written in the language the letter goes out in (the
 * candidate's, where the template has a text in it; else Danish): a {@link String} as it is, a
 * {@link java.time.LocalDate} as a date ("3. februar 2026", "3 February 2026"), and a
 * {@link org.springframework.context.MessageSourceResolvable} as that UI text in the letter's language, its date
 * arguments written as dates.
 */
@Service
public class Letters {

	/** A letter as sent. */
	public record SentLetter(long id, String subject, String body) {
	}

	private static final Logger log = LoggerFactory.getLogger(Letters.class);

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
	public SentLetter send(String key, long candidateId, Map<String, ?> values, UUID requestId) {
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
	public SentLetter sendAsSystem(String key, long candidateId, Map<String, ?> values, UUID requestId) {
		var sent = sending.sendAsSystem(requestId, candidateId, approvedVersion(key), values);
		return new SentLetter(sent.id(), sent.subject(), sent.body());
	}

	/**
	 * As {@link #send}, for a process that must go on when the letter cannot be merged (the candidate's caseworker has
	 * no phone number or e-mail address on record, say): answers empty and writes nothing then, and the caller's
	 * transaction is not marked for rollback, so a batch of invitations or a complaint is kept. The missing fields are
	 * logged.
	 */
	@Transactional(noRollbackFor = LetterSending.NotSendable.class)
	public Optional<SentLetter> trySend(String key, long candidateId, Map<String, ?> values, UUID requestId) {
		return unlessUnmergeable(key, candidateId, () -> send(key, candidateId, values, requestId));
	}

	/** As {@link #trySend}, sent by the system as {@link #sendAsSystem} is. */
	@Transactional(noRollbackFor = LetterSending.NotSendable.class)
	public Optional<SentLetter> trySendAsSystem(String key, long candidateId, Map<String, ?> values,
			UUID requestId) {
		return unlessUnmergeable(key, candidateId, () -> sendAsSystem(key, candidateId, values, requestId));
	}

	/** The letter {@code send} sends, or empty (logged with the missing fields) when it cannot be merged. */
	private static Optional<SentLetter> unlessUnmergeable(String key, long candidateId, Supplier<SentLetter> send) {
		try {
			return Optional.of(send.get());
		}
		catch (LetterSending.NotSendable e) {
			log.warn("Letter {} to candidate {} not sent: {}", key, candidateId, e.getMessage());
			return Optional.empty();
		}
	}

	private long approvedVersion(String key) {
		long templateId = jdbc.sql("SELECT id FROM letter_template WHERE key = ?").param(key).query(Long.class).optional()
			.orElseThrow(() -> new IllegalStateException("No letter template with key " + key));
		return templates.approved(templateId)
			.orElseThrow(() -> new IllegalStateException("Template " + key + " has no approved version"))
			.id();
	}
}
