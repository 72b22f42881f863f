package dk.vaerdig.letters.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.casework.ContactDetails;
import dk.vaerdig.letters.DeliveryChannel;
import dk.vaerdig.letters.OutgoingLetter;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.Notice;
import dk.vaerdig.messaging.PreferredChannel;
import dk.vaerdig.platform.DanishDates;
import dk.vaerdig.platform.ReaderDates;

/**
 * How a letter reaches the candidate, by their contact preference. A letter is a formal document, so it goes by
 * Digital Post (the delivery channel), or on paper when the candidate chose a paper letter (then it waits in the print
 * list until staff have printed and posted it). A candidate who prefers SMS or e-mail also gets a short notice there,
 * without the letter's content. The language is the candidate's when the template has a text in it; else Danish,
 * with a note in the candidate's language.
 */
@Component
public class LetterRouting {

	/** The purpose of the notice in the outbox. */
	public static final String NOTICE = "letter-notice";

	public enum Route {
		DIGITAL_POST, PAPER
	}

	/** A paper letter in the print list. */
	public record Printable(long letterId, long candidateId, String subject, Instant queuedAt, String printedBy,
			Instant printedAt) {

		public String queuedAtText() {
			return DanishDates.dateTime(queuedAt, ZoneId.of("Europe/Copenhagen"));
		}
	}

	/** A template's text in another language. */
	public record Translation(String subject, String body) {
	}

	private final JdbcClient jdbc;

	private final Messaging messaging;

	private final MessageSource texts;

	LetterRouting(JdbcClient jdbc, Messaging messaging, MessageSource texts) {
		this.jdbc = jdbc;
		this.messaging = messaging;
		this.texts = texts;
	}

	/** Paper for a candidate who chose a paper letter, Digital Post for everyone else. */
	public static Route route(PreferredChannel preferred) {
		return preferred == PreferredChannel.LETTER ? Route.PAPER : Route.DIGITAL_POST;
	}

	/** Whether the candidate also gets a notice: when they prefer SMS or e-mail. */
	public static boolean notice(PreferredChannel preferred) {
		return preferred == PreferredChannel.SMS || preferred == PreferredChannel.EMAIL;
	}

	/** The template's text in a language other than Danish, if it has one. */
	public Optional<Translation> translation(long templateId, String language) {
		if (language == null || "da".equals(language)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT subject, body FROM letter_template_translation WHERE template_id = ? AND language = ?")
			.params(templateId, language)
			.query(Translation.class)
			.optional();
	}

	/**
	 * A merge field's value as the letter writes it in {@code language}: a text as it is, a date written out, a UI text
	 * ({@link MessageSourceResolvable}) in that language with its date arguments written out.
	 */
	public String written(Object value, Locale language) {
		if (value instanceof LocalDate day) {
			return ReaderDates.date(day, language);
		}
		if (value instanceof MessageSourceResolvable text) {
			Object[] args = text.getArguments() == null ? null
					: Arrays.stream(text.getArguments()).map(a -> a instanceof LocalDate d ? ReaderDates.date(d, language) : a)
						.toArray();
			return texts.getMessage(new DefaultMessageSourceResolvable(text.getCodes(), args, text.getDefaultMessage()),
					language);
		}
		return value == null ? null : value.toString();
	}

	/** The note above a Danish letter to a candidate who reads another language. */
	public String translationMissingNote(Locale language) {
		return texts.getMessage("letters.translationMissing", null, language);
	}

	/**
	 * Delivers the recorded letter by its route and queues the notice; returns the channel the notice went by (empty:
	 * no notice, or no address for one). Runs in the transaction that recorded the letter.
	 */
	public Optional<PreferredChannel> deliver(OutgoingLetter letter, Route route, ContactDetails contact,
			DeliveryChannel channel) {
		if (route == Route.PAPER) {
			jdbc.sql("INSERT INTO letter_print (letter_id, candidate_id, team_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
				.params(letter.letterId(), letter.candidateId(), contact.teamId())
				.update();
		}
		else {
			channel.deliver(letter);
		}
		if (!notice(contact.channel())) {
			return Optional.empty();
		}
		Locale language = contact.locale();
		String where = texts.getMessage("letters.notice.where." + route, null, language);
		Optional<PreferredChannel> sent = messaging.sendNotice(new Notice(contact.reach(),
				texts.getMessage("letters.notice.sms", new Object[] { where }, language),
				texts.getMessage("letters.notice.email.subject", null, language),
				texts.getMessage("letters.notice.email.body", new Object[] { contact.firstName(), where }, language),
				NOTICE, NOTICE + ":" + letter.letterId()));
		sent.ifPresent(c -> jdbc.sql("UPDATE letter_sent SET notice_channel = ? WHERE id = ?")
			.params(c.name(), letter.letterId())
			.update());
		return sent;
	}

	/** The paper letters of the team (null: every team) that wait to be printed, oldest first. */
	public List<Printable> waiting(Long teamId, int limit) {
		return jdbc.sql("""
				SELECT p.letter_id, p.candidate_id, s.subject, p.queued_at, p.printed_by, p.printed_at
				FROM letter_print p JOIN letter_sent s ON s.id = p.letter_id
				WHERE p.printed_at IS NULL AND (CAST(:team AS BIGINT) IS NULL OR p.team_id = :team)
				ORDER BY p.queued_at, p.letter_id LIMIT :limit""")
			.param("team", teamId)
			.param("limit", limit)
			.query(Printable.class)
			.list();
	}

	/** The paper letter, if it is in the print list. */
	public Optional<Printable> printable(long letterId) {
		return jdbc.sql("""
				SELECT p.letter_id, p.candidate_id, s.subject, p.queued_at, p.printed_by, p.printed_at
				FROM letter_print p JOIN letter_sent s ON s.id = p.letter_id WHERE p.letter_id = ?""")
			.param(letterId)
			.query(Printable.class)
			.optional();
	}

	/** Marks the letter printed and posted; true the first time, false when it was marked before. */
	public boolean printed(long letterId, String by, Instant at) {
		return jdbc.sql("UPDATE letter_print SET printed_by = ?, printed_at = ? WHERE letter_id = ? AND printed_at IS NULL")
			.params(by, Timestamp.from(at), letterId)
			.update() == 1;
	}
}
