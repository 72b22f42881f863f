package dk.vaerdig.messaging.internal;

import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail in plain text through the mail server that {@code spring.mail.*} configures. */
class SmtpMail implements Sender {

	private final JavaMailSender mail;

	private final String from;

	SmtpMail(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public String name() {
		return "smtp";
	}

	@Override
	public void send(OutgoingMessage message) throws DeliveryFailed {
		SimpleMailMessage email = new SimpleMailMessage();
		email.setFrom(from);
		email.setTo(message.recipient());
		email.setSubject(message.subject());
		email.setText(message.body());
		try {
			mail.send(email);
		}
		catch (MailParseException | MailPreparationException e) {
			// the message itself cannot be made (an address the mail library refuses): trying again will not help
			throw new DeliveryFailed(e.getClass().getSimpleName(), true);
		}
		catch (MailException e) {
			// the class only: the mail library's messages name the addresses
			throw new DeliveryFailed(e.getClass().getSimpleName(), false);
		}
	}
}
