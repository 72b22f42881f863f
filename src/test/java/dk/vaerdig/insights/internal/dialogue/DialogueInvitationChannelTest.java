package dk.vaerdig.insights.internal.dialogue;

import static dk.vaerdig.insights.internal.dialogue.DialogueMeetings.channel;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dk.vaerdig.messaging.PreferredChannel;

/** The channel of a dialogue invitation follows the candidate's preference where it can, and falls back to a letter. */
class DialogueInvitationChannelTest {

	@Test
	void smsOrEmailAsPreferredElseTheOtherElseALetterElseAPhoneCall() {
		assertThat(channel(PreferredChannel.SMS, "20 30 40 50", "a@b.dk", true)).isEqualTo("SMS");
		assertThat(channel(PreferredChannel.SMS, null, "a@b.dk", true)).isEqualTo("EMAIL");
		assertThat(channel(PreferredChannel.EMAIL, "20 30 40 50", "a@b.dk", true)).isEqualTo("EMAIL");
		assertThat(channel(PreferredChannel.EMAIL, "20 30 40 50", " ", true)).isEqualTo("SMS");
		assertThat(channel(PreferredChannel.SMS, null, null, true)).isEqualTo("LETTER");
		assertThat(channel(PreferredChannel.SMS, " ", null, false)).isEqualTo("NONE");
	}

	@Test
	void digitalPostOrLettersChosenMeansALetterEvenWithAPhone() {
		assertThat(channel(PreferredChannel.DIGITAL_POST, "20 30 40 50", "a@b.dk", true)).isEqualTo("LETTER");
		assertThat(channel(PreferredChannel.LETTER, "20 30 40 50", null, true)).isEqualTo("LETTER");
		assertThat(channel(PreferredChannel.LETTER, "20 30 40 50", null, false)).isEqualTo("SMS");
		assertThat(channel(PreferredChannel.DIGITAL_POST, null, null, false)).isEqualTo("NONE");
	}
}
