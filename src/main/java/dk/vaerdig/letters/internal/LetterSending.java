package dk.vaerdig.letters.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.CandidateSummary;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.ContactDetails;
import dk.vaerdig.letters.DeliveryChannel;
import dk.vaerdig.letters.LetterSettings;
import dk.vaerdig.letters.OutgoingLetter;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.ReaderDates;

/**
 * Sends a letter to a candidate: only an approved version, only by a caseworker or team lead of the candidate's team
 * (or, for a letter that is part of another module's process such as a complaint, by anyone who may open the case);
 * merges the fields, records the letter (it appears on the case timeline), hands it to the delivery channel and
 * writes the use of the candidate's data to the audit log. A request id makes a double submit send once.
 */
@Service
public class LetterSending {

	/** The version cannot be sent (not approved) or a merge field has no value. */
	public static class NotSendable extends IllegalStateException {

		private final transient Set<String> missing;

		public NotSendable(String message, Set<String> missing) {
			super(message);
			this.missing = missing;
		}

		public Set<String> missing() {
			return missing;
		}
	}

	/**
	 * A letter as sent: {@code channel} is the delivery channel's name, {@code route} how it went (Digital Post or
	 * paper), {@code noticeChannel} where the candidate got a notice of it (SMS, EMAIL, or null), {@code language} the
	 * language it went in, and {@code translationMissing} whether the candidate reads another language that the
	 * template had no text in.
	 */
	public record Sent(long id, long candidateId, String subject, String body, String channel, String sentBy,
			Instant sentAt, String route, String noticeChannel, String language, boolean translationMissing) {

		/** The timeline's label: how the letter went, and the notice beside it. */
		public String timelineKey() {
			return "letters.timeline.sent." + route + (noticeChannel == null ? "" : "." + noticeChannel);
		}
	}

	/** Who sends a letter that is part of a process started without a member of staff (a complaint on Min side). */
	public static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final LetterTemplates templates;

	private final Casework casework;

	private final StaffDirectory staff;

	private final AuditLog audit;

	private final DeliveryChannel channel;

	private final Clock clock;

	private final LetterRouting routing;

	LetterSending(JdbcClient jdbc, LetterTemplates templates, Casework casework, StaffDirectory staff, AuditLog audit,
			List<DeliveryChannel> channels, LetterSettings settings, Clock clock, LetterRouting routing) {
		this.jdbc = jdbc;
		this.routing = routing;
		this.templates = templates;
		this.casework = casework;
		this.staff = staff;
		this.audit = audit;
		this.clock = clock;
		this.channel = channels.stream()
			.filter(c -> c.name().equals(settings.channel()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No delivery channel named " + settings.channel()));
	}

	/** The candidate, if the signed-in caseworker or team lead may send letters to them. */
	public CandidateSummary candidate(long candidateId) {
		StaffMember me = staff.currentStaff();
		if (!me.may(Permission.SEND_LETTERS)) {
			throw new AccessDeniedException("letters.send.denied");
		}
		// another team's candidate answers as a missing one: ids cannot be probed
		CandidateSummary candidate = casework.candidate(candidateId).orElseThrow(NotFoundOrNoAccess::new);
		if (!me.mayOpenCasesOfTeam(candidate.teamId())) {
			throw new NotFoundOrNoAccess();
		}
		return candidate;
	}

	/**
	 * The values of the merge fields for this candidate, in the letter's language; meeting time and place come from the
	 * sender.
	 */
	private Map<String, String> values(CandidateSummary candidate, String meetingTime, String meetingPlace, String deadline,
			Locale language) {
		Map<String, String> values = new HashMap<>();
		values.put("fornavn", candidate.firstName());
		values.put("efternavn", candidate.lastName());
		staff.find(candidate.caseworker()).ifPresent(cw -> {
			values.put("sagsbehandler", cw.displayName());
			values.put("sagsbehandler_telefon", cw.phone());
			values.put("sagsbehandler_email", cw.email());
		});
		values.put("dato", ReaderDates.date(LocalDate.now(clock), language));
		values.put("mødetid", meetingTime);
		values.put("mødested", meetingPlace);
		values.put("frist", deadline);
		return values;
	}

	/** Sends once per request id; a second call with the same id returns the letter sent the first time. */
	@Transactional
	public Sent send(UUID requestId, long candidateId, long versionId, String meetingTime, String meetingPlace,
			String deadline) {
		return send(requestId, candidate(candidateId), versionId, Map.of(), meetingTime, meetingPlace, deadline);
	}

	/**
	 * A letter another module sends as part of its process (the acknowledgement of a complaint): anyone who may open
	 * the candidate's case may cause it, not only caseworkers; once per request id.
	 */
	@Transactional(noRollbackFor = NotSendable.class)
	public Sent sendFromProcess(UUID requestId, long candidateId, long versionId, Map<String, ?> extra) {
		Optional<Sent> earlier = byRequest(requestId);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		return send(requestId, casework.open(candidateId, "letter from a process"), versionId, extra, null, null, null);
	}

	/**
	 * A letter the system sends without a member of staff (the receipt of a complaint the candidate started on Min
	 * side): no session is needed, the sender is {@value #SYSTEM}, and the audit log names {@value #SYSTEM} as the
	 * actor; once per request id.
	 */
	@Transactional(noRollbackFor = NotSendable.class)
	public Sent sendAsSystem(UUID requestId, long candidateId, long versionId, Map<String, ?> extra) {
		Optional<Sent> earlier = byRequest(requestId);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		CandidateSummary candidate = casework.candidate(candidateId)
			.orElseThrow(() -> new IllegalArgumentException("No candidate " + candidateId));
		return send(requestId, candidate, versionId, extra, null, null, null, SYSTEM);
	}

	/**
	 * Sends with extra merge-field values (other modules' fields, such as a complaint's dates) beside the candidate's
	 * and the caseworker's; once per request id.
	 */
	private Sent send(UUID requestId, CandidateSummary candidate, long versionId, Map<String, ?> extra,
			String meetingTime, String meetingPlace, String deadline) {
		return send(requestId, candidate, versionId, extra, meetingTime, meetingPlace, deadline, null);
	}

	/** As above; {@code system} names the sender when no member of staff sends it (null: the signed-in staff). */
	private Sent send(UUID requestId, CandidateSummary candidate, long versionId, Map<String, ?> extra,
			String meetingTime, String meetingPlace, String deadline, String system) {
		Optional<Sent> earlier = byRequest(requestId);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		long candidateId = candidate.id();
		TemplateVersion version = templates.version(versionId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!version.sendable()) {
			throw new NotSendable("Only an approved version can be sent", Set.of());
		}
		ContactDetails contact = casework.contactDetails(candidateId).orElseThrow();
		String language = "da";
		boolean translationMissing = false;
		String subjectText = version.subject();
		String bodyText = version.body();
		if (!"da".equals(contact.language())) {
			Optional<LetterRouting.Translation> translation = routing.translation(version.templateId(), contact.language());
			if (translation.isPresent()) {
				language = contact.language();
				subjectText = translation.get().subject();
				bodyText = translation.get().body();
			}
			else {
				translationMissing = true;
			}
		}
		Locale written = Locale.forLanguageTag(language);
		Map<String, String> values = values(candidate, meetingTime, meetingPlace, deadline, written);
		extra.forEach((field, value) -> values.put(field, routing.written(value, written)));
		MergeFields.Merged subject = MergeFields.merge(subjectText, values);
		MergeFields.Merged body = MergeFields.merge(bodyText, values);
		if (!subject.missing().isEmpty() || !body.missing().isEmpty()) {
			Set<String> missing = new LinkedHashSet<>(subject.missing());
			missing.addAll(body.missing());
			throw new NotSendable("Merge fields without a value: " + missing, missing);
		}
		String text = translationMissing ? routing.translationMissingNote(contact.locale()) + "\n\n" + body.text()
				: body.text();
		LetterRouting.Route route = LetterRouting.route(contact.channel());
		String by = system != null ? system : staff.currentStaff().username();
		Long id = jdbc.sql("""
				INSERT INTO letter_sent (request_id, candidate_id, version_id, subject, body, channel, sent_by, route,
				  language, translation_missing)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING id""")
			.params(requestId, candidateId, versionId, subject.text(), text, channel.name(), by, route.name(), language,
					translationMissing)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return byRequest(requestId).orElseThrow();
		}
		routing.deliver(new OutgoingLetter(id, candidateId, subject.text(), text), route, contact, channel);
		String detail = "letter " + id + " sent (template version " + versionId + ", " + route + ")";
		if (system != null) {
			audit.append(system, candidateId, AuditAction.CHANGE, detail);
		}
		else {
			audit.record(candidateId, AuditAction.CHANGE, detail);
		}
		return byRequest(requestId).orElseThrow();
	}

	/** A letter by its id; whether the signed-in user may read it is the caller's to check (by the candidate's case). */
	public Optional<Sent> find(long id) {
		return jdbc.sql("SELECT * FROM letter_sent WHERE id = ?").param(id).query(LetterSending::map).optional();
	}

	public Optional<Sent> byRequest(UUID requestId) {
		return jdbc.sql("SELECT * FROM letter_sent WHERE request_id = ?").param(requestId).query(LetterSending::map).optional();
	}

	public List<Sent> sentTo(long candidateId, int limit) {
		return jdbc.sql("SELECT * FROM letter_sent WHERE candidate_id = ? ORDER BY sent_at DESC, id DESC LIMIT ?")
			.params(candidateId, limit)
			.query(LetterSending::map)
			.list();
	}

	private static Sent map(ResultSet rs, int n) throws SQLException {
		return new Sent(rs.getLong("id"), rs.getLong("candidate_id"), rs.getString("subject"), rs.getString("body"),
				rs.getString("channel"), rs.getString("sent_by"), rs.getTimestamp("sent_at").toInstant(), rs.getString("route"),
				rs.getString("notice_channel"), rs.getString("language"), rs.getBoolean("translation_missing"));
	}
}
