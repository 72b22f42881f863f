package dk.vaerdig.surveys.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The development channel: the SMS text goes to the outbox table (shown at /surveys/outbox) and a line without the
 * token to the log. Replace it with a bean of {@link InvitationChannel} that talks to an SMS or e-mail gateway.
 */
@Component
@ConditionalOnMissingBean(value = InvitationChannel.class, ignored = SurveyOutboxChannel.class)
class SurveyOutboxChannel implements InvitationChannel {

	private static final Logger log = LoggerFactory.getLogger(SurveyOutboxChannel.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	SurveyOutboxChannel(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void send(Invitations.Invitation invitation, String link) {
		String body = "Tak for samtalen i jobcentret. Hvordan oplevede du den? Svar på 1 minut: " + link
				+ " Du er anonym, medmindre du selv beder os kontakte dig.";
		jdbc.sql("INSERT INTO survey_outbox (invitation_id, channel, recipient, body, created_at) VALUES (?, 'SMS', ?, ?, ?)")
			.params(invitation.id(), "kandidat " + invitation.candidateId(), body, java.sql.Timestamp.from(clock.instant()))
			.update();
		log.info("Survey invitation {} for meeting {} put in the development outbox", invitation.id(),
				invitation.meetingId());
	}
}
