package dk.vaerdig.messaging.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development channel, used where no SMS gateway or mail server is configured: the message stays in the outbox
 * for staff to read at /messaging/outbox, and the log gets one line without the recipient or the text (which holds
 * the survey link).
 */
class DevelopmentLog implements Sender {

	private static final Logger log = LoggerFactory.getLogger(DevelopmentLog.class);

	@Override
	public String name() {
		return "development";
	}

	@Override
	public void send(OutgoingMessage message) {
		log.info("Message {} ({}, {}) not delivered: no {} is configured; staff can read it at /messaging/outbox",
				message.id(), message.purpose(), message.channel(),
				message.channel() == Channel.SMS ? "SMS gateway" : "mail server");
	}
}
