package dk.vaerdig.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.ContactDetails;
import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.MessagingSettings;
import dk.vaerdig.messaging.Notice;
import dk.vaerdig.messaging.Reach;
import dk.vaerdig.messaging.SendTimeCheck;

/**
 * Reminds a candidate once of a survey invitation they have not answered: {@code survey-after-days} days after it was
 * made, at {@code survey-at} (never in the quiet window of the night), while the invitation is still valid. The key
 * {@code survey-reminder:<invitation>} makes it go once, whatever the number of nodes or runs. The link itself is not
 * in the reminder: only its digest is stored, so the reminder points to the first message.
 */
@Component
public class SurveyReminders implements SendTimeCheck {

	public static final String PURPOSE = "survey-reminder";

	private record Open(long id, long candidateId, long teamId, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final Casework casework;

	private final Messaging messaging;

	private final MessageSource texts;

	private final MessagingSettings.Reminders settings;

	private final Clock clock;

	SurveyReminders(JdbcClient jdbc, Casework casework, Messaging messaging, MessageSource texts,
			MessagingSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.casework = casework;
		this.messaging = messaging;
		this.texts = texts;
		this.settings = settings.reminders();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${vaerdig.messaging.reminders.interval:1m}",
			initialDelayString = "${vaerdig.messaging.reminders.interval:1m}")
	@SchedulerLock(name = "survey-reminders", lockAtMostFor = "30m")
	public void remindInBackground() {
		if (settings.enabled()) {
			run();
		}
	}

	/** Queues the reminders that are due now; returns how many were new. */
	@Transactional
	public int run() {
		Instant now = clock.instant();
		var hours = messaging.sendingHours();
		if (!hours.allows(now)) {
			return 0;
		}
		List<Open> open = jdbc.sql("""
				SELECT id, candidate_id, team_id, created_at FROM survey_invitation
				WHERE used_on IS NULL AND expires_at > ? AND created_at <= ?""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(Duration.ofDays(settings.surveyAfterDays() - 1L))))
			.query(Open.class)
			.list()
			.stream()
			.filter(i -> !hours.reminderFor(LocalDate.ofInstant(i.createdAt(), hours.zone()), -settings.surveyAfterDays(),
					settings.surveyAt()).isAfter(now))
			.toList();
		Set<String> known = messaging.known(open.stream().map(SurveyReminders::key).toList());
		List<Open> fresh = open.stream().filter(i -> !known.contains(key(i))).toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		var contacts = casework.contactDetails(new HashSet<>(fresh.stream().map(Open::candidateId).toList()));
		List<Notice> notices = new ArrayList<>();
		for (Open i : fresh) {
			ContactDetails c = contacts.get(i.candidateId());
			if (c != null) {
				// the invitation's team, as the invitation's own message (the case may have moved since)
				Reach reach = new Reach(Addressee.candidate(i.candidateId(), i.teamId()), c.channel(), c.phone(),
						c.email(), c.locale());
				notices.add(new Notice(reach, texts.getMessage("contact.reminder.survey.sms", null, c.locale()),
						texts.getMessage("contact.reminder.survey.email.subject", null, c.locale()),
						texts.getMessage("contact.reminder.survey.email.body", null, c.locale()), PURPOSE, key(i)));
			}
		}
		return messaging.sendNotices(notices);
	}

	private static String key(Open invitation) {
		return PURPOSE + ":" + invitation.id();
	}

	@Override
	public Set<String> purposes() {
		return Set.of(PURPOSE);
	}

	/** At send time: the reminders whose survey was answered (or whose invitation ran out) after they were queued. */
	@Override
	public Map<String, String> stale(String purpose, Collection<String> keys) {
		List<Long> ids = keys.stream()
			.filter(k -> k.matches(PURPOSE + ":\\d+"))
			.map(k -> Long.parseLong(k.substring(PURPOSE.length() + 1)))
			.toList();
		Set<String> holds = ids.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("""
				SELECT id FROM survey_invitation WHERE id IN (:ids) AND used_on IS NULL AND expires_at > :now""")
			.param("ids", ids)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.list()
			.stream()
			.map(id -> PURPOSE + ":" + id)
			.toList());
		Map<String, String> stale = new HashMap<>();
		keys.stream().filter(k -> !holds.contains(k))
			.forEach(k -> stale.put(k, "the survey was answered or the invitation ran out after the reminder was queued"));
		return stale;
	}
}
