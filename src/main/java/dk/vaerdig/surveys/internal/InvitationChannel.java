package dk.vaerdig.surveys.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.ContactDetails;
import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.QueueResult;
import dk.vaerdig.surveys.SurveySettings;

/**
 * How an invitation reaches the candidate: by SMS when the case has a phone number, else by e-mail, else not at all
 * (the QR code on the printed summary and the kiosk still work). The message is queued in the transaction that makes
 * the invitation, once per invitation; the texts are the surveys bundle's, in Danish.
 */
@Component
class InvitationChannel {

	static final String PURPOSE = "survey-invitation";

	private static final Logger log = LoggerFactory.getLogger(InvitationChannel.class);

	private static final Locale DANISH = Locale.forLanguageTag("da");

	private final Casework casework;

	private final Messaging messaging;

	private final MessageSource messages;

	private final SurveySettings settings;

	InvitationChannel(Casework casework, Messaging messaging, MessageSource messages, SurveySettings settings) {
		this.casework = casework;
		this.messaging = messaging;
		this.messages = messages;
		this.settings = settings;
	}

	void send(Invitations.Invitation invitation, String link) {
		String key = PURPOSE + ":" + invitation.id();
		ContactDetails contact = casework.contactDetails(invitation.candidateId()).orElse(null);
		// the invitation's team is the candidate's when the meeting was held (a later move takes the message along)
		Addressee candidate = Addressee.candidate(invitation.candidateId(), invitation.teamId());
		if (contact != null && contact.phone() != null && messaging.sendSms(candidate, contact.phone(),
				text("surveys.invitation.sms", link), PURPOSE, key) != QueueResult.INVALID_ADDRESS) {
			return;
		}
		if (contact != null && contact.email() != null && messaging.sendEmail(candidate, contact.email(),
				text("surveys.invitation.email.subject"),
				text("surveys.invitation.email.body", contact.firstName(), link, settings.invitationValidDays()),
				PURPOSE, key) != QueueResult.INVALID_ADDRESS) {
			return;
		}
		log.info("Survey invitation {} not sent: the case has no phone number or e-mail address to send it to",
				invitation.id());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, DANISH);
	}
}
