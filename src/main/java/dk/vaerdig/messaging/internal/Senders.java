package dk.vaerdig.messaging.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import dk.vaerdig.messaging.MessagingSettings;

/**
 * Which sender delivers each channel, from the configuration: SMS through the gateway when
 * {@code vaerdig.messaging.sms.gateway-url} is set, e-mail through the mail server when {@code spring.mail.host} is
 * (Spring Boot then makes the {@link JavaMailSender}); otherwise the development log.
 */
@Component
public class Senders {

	private static final Logger log = LoggerFactory.getLogger(Senders.class);

	private final Sender sms;

	private final Sender email;

	Senders(MessagingSettings settings, ObjectProvider<JavaMailSender> mailSender) {
		Sender development = new DevelopmentLog();
		this.sms = settings.sms().configured() ? new SmsGateway(settings.sms()) : development;
		JavaMailSender mail = mailSender.getIfAvailable();
		if (mail != null && (settings.email().from() == null || settings.email().from().isBlank())) {
			throw new IllegalStateException("A mail server is configured (spring.mail.host): set the sender of the"
					+ " e-mails to candidates in vaerdig.messaging.email.from");
		}
		this.email = mail == null ? development : new SmtpMail(mail, settings.email().from());
		log.info("Messages to candidates: SMS {}, e-mail {}",
				sms == development ? "to the development log (no vaerdig.messaging.sms.gateway-url)"
						: "through the gateway at " + settings.sms().gatewayUrl().getHost(),
				email == development ? "to the development log (no spring.mail.host)" : "through the mail server");
	}

	Sender forChannel(Channel channel) {
		return channel == Channel.SMS ? sms : email;
	}

	/** True when the channel's messages are not really sent, so the outbox page is where staff read them. */
	public boolean development(Channel channel) {
		return forChannel(channel) instanceof DevelopmentLog;
	}
}
