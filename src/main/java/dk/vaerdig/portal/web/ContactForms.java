package dk.vaerdig.portal.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.vaerdig.casework.ContactPreference;
import dk.vaerdig.messaging.PreferredChannel;
import dk.vaerdig.platform.FieldLabel;

/** The candidate's forms about contact: how they want to be contacted, and a message to the job centre. */
final class ContactForms {

	private ContactForms() {
	}

	/**
	 * How the candidate wants to be contacted, made from the {@code version} shown; {@code interpreterLanguage} is
	 * needed when {@code interpreter} is ticked.
	 */
	record PreferenceForm(@FieldLabel("contact.form.channel") @NotNull(message = "{contact.form.channel.required}") PreferredChannel channel,
			@FieldLabel("contact.form.language") @NotNull(message = "{contact.form.language.required}")
			@Pattern(regexp = "da|en", message = "{contact.form.language.required}") String language,
			Boolean interpreter,
			@FieldLabel("contact.form.interpreterLanguage") @Size(max = 60, message = "{contact.form.interpreterLanguage.tooLong}") String interpreterLanguage,
			Boolean easyRead, @NotNull Integer version) {

		static PreferenceForm of(ContactPreference p) {
			return new PreferenceForm(p.channel(), p.language(), p.needsInterpreter(),
					p.needsInterpreter() ? p.interpreterLanguage() : "", p.easyRead(), p.version());
		}

		ContactPreference wanted() {
			return new ContactPreference(channel, language, needsInterpreter() ? interpreterLanguage : null,
					Boolean.TRUE.equals(easyRead), version, null, null);
		}

		/** Whether the box "I need an interpreter" is ticked (a form posted without it: not). */
		boolean needsInterpreter() {
			return Boolean.TRUE.equals(interpreter);
		}
	}

	/** A message to the job centre; {@code requestId} makes a second submit of the same form harmless. */
	record MessageForm(@FieldLabel("contact.form.body") @NotBlank(message = "{contact.form.body.required}")
			@Size(max = 4000, message = "{contact.form.body.tooLong}") String body, @NotNull UUID requestId) {

		static MessageForm empty() {
			return new MessageForm("", UUID.randomUUID());
		}
	}
}
