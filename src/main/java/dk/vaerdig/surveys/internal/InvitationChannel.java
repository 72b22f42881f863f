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
import dk.vaerdig.messaging.Notice;
import dk.vaerdig.messaging.Reach;
import dk.vaerdig.surveys.SurveySettings;

/**
 * How an invitation reaches the candidate: by the channel the candidate prefers (SMS unless they chose e-mail), else by
 * the other, else not at all
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
		if (contact == null) {
			log.info("Survey invitation {} not sent: the candidate is gone", invitation.id());
			return;
		}
		// the invitation's team is the candidate's when the meeting was held (a later move takes the message along);
		// the channel is the one the candidate prefers (issue 13), the other when the case has no address for it
		Reach reach = new Reach(Addressee.candidate(invitation.candidateId(), invitation.teamId()),
				contact.channel(), contact.phone(), contact.email(), DANISH);
		if (messaging.sendNotice(new Notice(reach, text("surveys.invitation.sms", link),
				text("surveys.invitation.email.subject"),
				text("surveys.invitation.email.body", contact.firstName(), link, settings.invitationValidDays()),
				PURPOSE, key)).isEmpty()) {
			log.info("Survey invitation {} not sent: the case has no phone number or e-mail address to send it to",
					invitation.id());
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, DANISH);
	}
}
