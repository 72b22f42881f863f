package dk.vaerdig.insights.internal.dialogue;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.ContactDetails;
import dk.vaerdig.casework.DialogueConsents;
import dk.vaerdig.casework.DialogueConsents.Invitable;
import dk.vaerdig.complaints.ComplaintFigures;
import dk.vaerdig.complaints.ComplaintFigures.ActionState;
import dk.vaerdig.insights.internal.report.CommitteeReports;
import dk.vaerdig.insights.internal.report.CommitteeReports.DialogueSummary;
import dk.vaerdig.insights.internal.report.CommitteeReports.ThemeOutcome;
import dk.vaerdig.letters.Letters;
import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.PreferredChannel;
import dk.vaerdig.surveys.SurveySettings;

/**
 * Dialogue meetings between candidates in an active course and the politicians of the employment committee: planned
 * with day, time, place and the politicians invited; candidates invited only while they have a standing consent and a
 * course in progress (checked again for each one when sending, so a revoked consent is never asked), by SMS, else
 * e-mail through the messaging outbox as the candidate prefers, else by letter (the letters module's templates
 * {@code dialogue-invitation}, {@code dialogue-changed}, {@code dialogue-cancelled}), once per meeting; told of a
 * change of day, time or place or a cancellation by the channel of the invitation; who came; the themes raised, each
 * of which can become a learning action. For the committee's report: the meetings held with the number who came (under the anonymity
 * threshold) and what came of each theme, never who said what.
 */
@Service
public class DialogueMeetings implements CommitteeReports.DialogueSource {

	public record Meeting(long id, LocalDate heldOn, LocalTime startsAt, String place, String politicians, int version,
			LocalDate cancelledOn, String cancelReason) {

		public boolean cancelled() {
			return cancelledOn != null;
		}
	}

	/** What a change did: saved (and how many invited candidates were told), or nothing as it was saved before. */
	public record Changed(boolean saved, int told) {
	}

	public record Invited(long candidateId, String channel, Boolean came) {
	}

	public record Theme(String theme, Long learningActionId) {
	}

	private final JdbcClient jdbc;

	private final DialogueConsents consents;

	private final Messaging messaging;

	private final ComplaintFigures complaints;

	private final MessageSource messages;

	private final SurveySettings settings;

	private final Clock clock;

	private final Casework casework;

	private final Letters letters;

	DialogueMeetings(JdbcClient jdbc, DialogueConsents consents, Messaging messaging, ComplaintFigures complaints,
			MessageSource messages, SurveySettings settings, Clock clock, Casework casework, Letters letters) {
		this.jdbc = jdbc;
		this.letters = letters;
		this.casework = casework;
		this.consents = consents;
		this.messaging = messaging;
		this.complaints = complaints;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	public List<Meeting> all() {
		return jdbc.sql("SELECT * FROM dialogue_meeting ORDER BY held_on DESC, id DESC").query(Meeting.class).list();
	}

	public Optional<Meeting> find(long id) {
		return jdbc.sql("SELECT * FROM dialogue_meeting WHERE id = ?").param(id).query(Meeting.class).optional();
	}

	/** Plans a meeting; the same request id again plans nothing more. */
	@Transactional
	public long plan(LocalDate heldOn, LocalTime startsAt, String place, String politicians, UUID requestId, String by) {
		return jdbc.sql("""
				INSERT INTO dialogue_meeting (held_on, starts_at, place, politicians, request_id, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
				RETURNING id""")
			.params(heldOn, startsAt, place.strip(), politicians.strip(), requestId, by,
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	public List<Invited> invited(long meetingId) {
		return jdbc.sql("SELECT candidate_id, channel, came FROM dialogue_invitation WHERE meeting_id = ? ORDER BY candidate_id")
			.param(meetingId)
			.query(Invited.class)
			.list();
	}

	/** The candidates who may be invited and are not yet invited to the meeting. */
	public List<Invitable> invitable(long meetingId) {
		Set<Long> already = new HashSet<>(invited(meetingId).stream().map(Invited::candidateId).toList());
		return consents.invitable().stream().filter(c -> !already.contains(c.candidateId())).toList();
	}

	/**
	 * Invites the chosen candidates who may still be invited (a standing consent, a course in progress), each once;
	 * the others are left out. Answers how many were invited.
	 */
	@Transactional
	public int invite(long meetingId, Collection<Long> candidateIds, String by) {
		Meeting m = find(meetingId).orElseThrow();
		if (m.cancelled()) {
			throw new IllegalStateException("insights.dialogue.isCancelled");
		}
		if (m.heldOn().isBefore(LocalDate.now(clock))) {
			throw new IllegalStateException("insights.dialogue.pastMeeting");
		}
		List<Invitable> chosen = consents.invitable()
			.stream()
			.filter(c -> candidateIds.contains(c.candidateId()) && consents.mayBeInvited(c.candidateId()))
			.toList();
		Map<Long, ContactDetails> contacts = casework.contactDetails(chosen.stream().map(Invitable::candidateId).toList());
		int n = 0;
		for (Invitable c : chosen) {
			ContactDetails contact = contacts.get(c.candidateId());
			PreferredChannel preferred = contact == null ? PreferredChannel.SMS : contact.channel();
			String channel = channel(preferred, c.phone(), c.email(), true);
			if (channel.equals("LETTER") && !mayOpen(c.candidateId())) {
				channel = channel(preferred, c.phone(), c.email(), false);
			}
			int inserted = jdbc.sql("""
					INSERT INTO dialogue_invitation (meeting_id, candidate_id, channel, invited_by, invited_at)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(meetingId, c.candidateId(), channel, by, Timestamp.from(clock.instant()))
				.update();
			if (inserted == 0) {
				continue;
			}
			String text = invitationText(m, c.firstName());
			String key = "dialogue-invitation:" + meetingId + ":" + c.candidateId();
			Addressee to = Addressee.candidate(c.candidateId(), c.teamId());
			if (channel.equals("SMS")) {
				messaging.sendSms(to, c.phone(), text, "dialogue-invitation", key);
			}
			else if (channel.equals("EMAIL")) {
				messaging.sendEmail(to, c.email(), messages.getMessage("insights.dialogue.invitation.subject", null,
						Locale.forLanguageTag("da")), text, "dialogue-invitation", key);
			}
			else if (channel.equals("LETTER") && !letter("dialogue-invitation", m, c.candidateId(), key)) {
				// the letter cannot be merged (the caseworker has no phone or e-mail on record): the organiser calls
				jdbc.sql("UPDATE dialogue_invitation SET channel = 'NONE' WHERE meeting_id = ? AND candidate_id = ?")
					.params(meetingId, c.candidateId())
					.update();
			}
			n++;
		}
		return n;
	}

	/**
	 * The channel of an invitation: SMS or e-mail as the candidate prefers, falling back to the other (the case has no
	 * address for the one preferred); a letter when the candidate asked for Digital Post or letters, or has neither
	 * phone nor e-mail; where no letter can be sent (the organiser may not open the case), SMS or e-mail after all,
	 * else NONE: a phone call.
	 */
	public static String channel(PreferredChannel preferred, String phone, String email, boolean letterPossible) {
		boolean sms = phone != null && !phone.isBlank();
		boolean mail = email != null && !email.isBlank();
		boolean asked = preferred == PreferredChannel.SMS || preferred == PreferredChannel.EMAIL;
		if (asked || !letterPossible) {
			for (PreferredChannel c : preferred.noticeOrder()) {
				if (c == PreferredChannel.SMS && sms) {
					return "SMS";
				}
				if (c == PreferredChannel.EMAIL && mail) {
					return "EMAIL";
				}
			}
		}
		return letterPossible ? "LETTER" : "NONE";
	}

	/** Whether the signed-in organiser may open the candidate's case: a letter goes through the case. */
	private boolean mayOpen(long candidateId) {
		return casework.namesVisibleToMe(List.of(candidateId)).containsKey(candidateId);
	}

	/**
	 * A letter of the dialogue meeting's templates, with its day, time and place; once per key. Answers whether it was
	 * sent: one that cannot be merged leaves the others of the batch to go.
	 */
	private boolean letter(String template, Meeting m, long candidateId, String key) {
		return letters.trySend(template, candidateId,
				Map.of("mødedag", m.heldOn(), "mødetid", m.startsAt().format(DateTimeFormatter.ofPattern("HH.mm")),
						"mødested", m.place()),
				UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)))
			.isPresent();
	}

	/** The invitation in plain Danish, addressed as du. */
	String invitationText(Meeting m, String firstName) {
		return messages.getMessage("insights.dialogue.invitation.text",
				new Object[] { firstName, m.heldOn().format(DateTimeFormatter.ofPattern("d. MMMM", Locale.forLanguageTag("da"))),
						m.startsAt().format(DateTimeFormatter.ofPattern("HH.mm")), m.place() },
				Locale.forLanguageTag("da"));
	}

	/**
	 * Changes the day, time, place or politicians of a meeting that is not cancelled and not yet held, if it still has
	 * the version the form was shown with (else {@link OptimisticLockingFailureException}, nothing saved). The same
	 * request id as the last change saved does nothing more. When the day, time or place changed, every invited
	 * candidate is told by the channel their invitation used (once per change).
	 */
	@Transactional
	public Changed change(long meetingId, int version, LocalDate heldOn, LocalTime startsAt, String place,
			String politicians, UUID requestId, String by) {
		Meeting before = find(meetingId).orElseThrow();
		if (requestId != null && requestId.equals(jdbc.sql("SELECT last_change_request_id FROM dialogue_meeting WHERE id = ?")
			.param(meetingId)
			.query(UUID.class)
			.optional()
			.orElse(null))) {
			return new Changed(false, 0);
		}
		refuseIfOver(before);
		if (jdbc.sql("""
				UPDATE dialogue_meeting SET held_on = ?, starts_at = ?, place = ?, politicians = ?,
				  last_change_request_id = ?, version = version + 1
				WHERE id = ? AND version = ? AND cancelled_on IS NULL""")
			.params(heldOn, startsAt, place.strip(), politicians.strip(), requestId, meetingId, version)
			.update() == 0) {
			throw new OptimisticLockingFailureException("insights.dialogue.conflict");
		}
		Meeting after = find(meetingId).orElseThrow();
		boolean moved = !before.heldOn().equals(after.heldOn()) || !before.startsAt().equals(after.startsAt())
				|| !before.place().equals(after.place());
		return new Changed(true, moved ? tell(after, "changed", "dialogue-change:" + meetingId + ":" + after.version())
				: 0);
	}

	/**
	 * Cancels a meeting not yet held, with a reason, if it still has the version the form was shown with; a meeting
	 * cancelled already stays as it was (false). Every invited candidate is told by the channel their invitation used.
	 */
	@Transactional
	public Changed cancel(long meetingId, int version, String reason, String by) {
		Meeting m = find(meetingId).orElseThrow();
		if (m.cancelled()) {
			return new Changed(false, 0);
		}
		refuseIfOver(m);
		if (jdbc.sql("""
				UPDATE dialogue_meeting SET cancelled_on = ?, cancel_reason = ?, cancelled_by = ?, version = version + 1
				WHERE id = ? AND version = ? AND cancelled_on IS NULL""")
			.params(LocalDate.now(clock), reason.strip(), by, meetingId, version)
			.update() == 0) {
			throw new OptimisticLockingFailureException("insights.dialogue.conflict");
		}
		return new Changed(true, tell(m, "cancelled", "dialogue-cancel:" + meetingId));
	}

	private void refuseIfOver(Meeting m) {
		if (m.cancelled()) {
			throw new IllegalStateException("insights.dialogue.isCancelled");
		}
		if (m.heldOn().isBefore(LocalDate.now(clock))) {
			throw new IllegalStateException("insights.dialogue.pastMeeting");
		}
	}

	/**
	 * Tells the invited candidates of a change or a cancellation ({@code insights.dialogue.notice.<what>}) by the
	 * channel their invitation used, to the address the case has now; once per key and candidate. Answers how many.
	 */
	private int tell(Meeting m, String what, String keyPrefix) {
		List<Invited> invited = invited(m.id());
		Map<Long, ContactDetails> contacts = casework.contactDetails(invited.stream().map(Invited::candidateId).toList());
		Locale da = Locale.forLanguageTag("da");
		int n = 0;
		for (Invited i : invited) {
			ContactDetails c = contacts.get(i.candidateId());
			if (c == null) {
				continue;
			}
			String text = messages.getMessage("insights.dialogue.notice." + what,
					new Object[] { c.firstName(), day(m), m.startsAt().format(DateTimeFormatter.ofPattern("HH.mm")),
							m.place() },
					da);
			String key = keyPrefix + ":" + i.candidateId();
			Addressee to = Addressee.candidate(c.candidateId(), c.teamId());
			if (i.channel().equals("SMS")) {
				messaging.sendSms(to, c.phone(), text, "dialogue-" + what, key);
				n++;
			}
			else if (i.channel().equals("EMAIL")) {
				messaging.sendEmail(to, c.email(),
						messages.getMessage("insights.dialogue.notice." + what + "Subject", null, da), text,
						"dialogue-" + what, key);
				n++;
			}
			else if (i.channel().equals("LETTER") && mayOpen(i.candidateId())
					&& letter("dialogue-" + what, m, i.candidateId(), key)) {
				n++;
			}
		}
		return n;
	}

	private static String day(Meeting m) {
		return m.heldOn().format(DateTimeFormatter.ofPattern("d. MMMM", Locale.forLanguageTag("da")));
	}

	/** Records who came: the listed candidates came, the other invited ones did not. */
	@Transactional
	public void attendance(long meetingId, int version, Collection<Long> came) {
		if (find(meetingId).orElseThrow().cancelled()) {
			throw new IllegalStateException("insights.dialogue.isCancelled");
		}
		bump(meetingId, version);
		jdbc.sql("UPDATE dialogue_invitation SET came = (candidate_id = ANY(?)) WHERE meeting_id = ?")
			.params(came.toArray(Long[]::new), meetingId)
			.update();
	}

	private void bump(long meetingId, int version) {
		if (jdbc.sql("UPDATE dialogue_meeting SET version = version + 1 WHERE id = ? AND version = ?")
			.params(meetingId, version)
			.update() == 0) {
			throw new OptimisticLockingFailureException("form.conflict");
		}
	}

	public List<Theme> themes(long meetingId) {
		return jdbc.sql("SELECT theme, learning_action_id FROM dialogue_theme WHERE meeting_id = ? ORDER BY theme")
			.param(meetingId)
			.query(Theme.class)
			.list();
	}

	/**
	 * Records a theme raised at the meeting (the theme list's form: lower case, 2–40 letters, digits, blanks, -); a
	 * cancelled meeting raised none.
	 */
	@Transactional
	public void addTheme(long meetingId, String theme, String by) {
		if (find(meetingId).orElseThrow().cancelled()) {
			throw new IllegalArgumentException("insights.dialogue.isCancelled");
		}
		String t = theme == null ? "" : theme.strip().toLowerCase(Locale.ROOT);
		if (!t.matches("[a-zæøå0-9 -]{2,40}")) {
			throw new IllegalArgumentException("complaints.theme.invalid");
		}
		jdbc.sql("""
				INSERT INTO dialogue_theme (meeting_id, theme, recorded_by, recorded_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(meetingId, t, by, Timestamp.from(clock.instant()))
			.update();
	}

	/** Turns a theme into a learning action (once): the action lives on with the complaints' learning actions. */
	@Transactional
	public long learningAction(long meetingId, String theme, String title, String owner, LocalDate deadline,
			LocalDate followUpOn, String by) {
		Theme t = themes(meetingId).stream().filter(x -> x.theme().equals(theme)).findFirst().orElseThrow();
		if (t.learningActionId() != null) {
			return t.learningActionId();
		}
		long action = complaints.startLearningAction(theme, title, null, owner, deadline, followUpOn, by);
		jdbc.sql("UPDATE dialogue_theme SET learning_action_id = ? WHERE meeting_id = ? AND theme = ?")
			.params(action, meetingId, theme)
			.update();
		return action;
	}

	@Override
	public List<DialogueSummary> held(YearMonth from, YearMonth to) {
		LocalDate today = LocalDate.now(clock);
		LocalDate end = to.plusMonths(1).atDay(1);
		List<DialogueSummary> held = new ArrayList<>();
		for (Meeting m : all()) {
			if (m.cancelled() || m.heldOn().isBefore(from.atDay(1)) || !m.heldOn().isBefore(end) || m.heldOn().isAfter(today)) {
				continue;
			}
			long came = invited(m.id()).stream().filter(i -> Boolean.TRUE.equals(i.came())).count();
			List<Theme> themes = themes(m.id());
			Map<Long, ActionState> states = complaints.actionStates(
					themes.stream().map(Theme::learningActionId).filter(Objects::nonNull).toList());
			List<ThemeOutcome> outcomes = themes.stream().map(t -> {
				ActionState a = t.learningActionId() == null ? null : states.get(t.learningActionId());
				return new ThemeOutcome(t.theme(), a == null ? null : a.title(), a == null ? null : a.status());
			}).toList();
			held.add(new DialogueSummary(m.heldOn(), m.place(), came, came < settings.anonymityThreshold(), outcomes));
		}
		held.sort(Comparator.comparing(DialogueSummary::date));
		return held;
	}
}
